from django.db import models


class PlanContent(models.Model):
    """Base for everything an editor changes in a plan.

    ``updated_at`` is also the token of the optimistic lock in the admin: a
    form whose token is older than the stored row is refused.
    """

    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)

    class Meta:
        abstract = True


class SampleFlag(models.Model):
    """Marks content that is not from the plan's source document.

    Pages and PDFs that show such content say "ข้อมูลตัวอย่าง";
    ``manage.py remove_sample`` deletes every row with the flag set.
    """

    is_sample = models.BooleanField(
        "ข้อมูลตัวอย่าง",
        default=False,
        help_text="ติ๊กไว้เมื่อข้อมูลนี้ไม่ได้มาจากเอกสารแผนจริง หน้าเว็บและ PDF จะแสดงป้าย “ข้อมูลตัวอย่าง”",
    )

    class Meta:
        abstract = True


def parent_of(instance: models.Model, name: str):
    """The row ``instance.<name>`` points at, or None; also a parent that is not saved yet.

    Model ``clean()`` methods use it: in the admin a new project's budget lines
    are validated before the project itself is saved, when ``project_id`` is
    still None but the form has already set ``project`` to the unsaved row.
    Runs a query when the parent is not loaded yet.
    """
    field = instance._meta.get_field(name)
    if field.is_cached(instance):
        return field.get_cached_value(instance)
    if getattr(instance, field.attname) is None:
        return None
    return getattr(instance, name)
