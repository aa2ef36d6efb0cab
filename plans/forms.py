"""Form pieces shared by every admin page that edits plan content.

- ``ThaiIntegerField`` / ``ThaiDecimalField`` read numbers typed with Thai
  digits (๒๕๖๓, ๑,๒๕๐.๕๐) as well as Arabic ones.
- ``PlanContentForm`` carries the optimistic-lock token (the row's
  ``updated_at``) and refuses a save made from a form that is out of date.

Messages are named constants so that tests assert exactly what editors read.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import router, transaction

from thaimuang_plan.lib.formatting import baht, digits
from thaimuang_plan.lib.thai import ThaiNumberError, parse_decimal, parse_int

NOT_A_WHOLE_NUMBER = "กรุณากรอกเป็นตัวเลขจำนวนเต็ม (เลขไทยหรือเลขอารบิกก็ได้ เช่น ๒๕๖๓ หรือ 2563)"
NOT_A_NUMBER = "กรุณากรอกเป็นตัวเลข (เลขไทยหรือเลขอารบิกก็ได้ เช่น ๑,๒๕๐.๕๐ หรือ 1250.50)"
TOO_SMALL = "ต้องไม่น้อยกว่า %(limit_value)s"
TOO_LARGE = "ต้องไม่มากกว่า %(limit_value)s"
TOO_MANY_DIGITS = "ตัวเลขยาวเกินไป (ไม่เกิน %(max)s หลัก)"
TOO_MANY_DECIMALS = "ทศนิยมได้ไม่เกิน %(max)s ตำแหน่ง"
TOO_MANY_WHOLE_DIGITS = "ส่วนจำนวนเต็มยาวเกินไป (ไม่เกิน %(max)s หลัก)"

STALE_SAVE = (
    "ยังไม่ได้บันทึก: มีผู้อื่นแก้ไขรายการนี้หลังจากที่คุณเปิดแบบฟอร์ม "
    "ข้อมูลที่คุณกรอกยังอยู่ในแบบฟอร์มนี้ กรุณาคัดลอกเก็บไว้ "
    "แล้วเปิดรายการนี้ใหม่ (ในแท็บใหม่) เพื่อดูฉบับล่าสุดก่อนแก้ไขและบันทึกอีกครั้ง"
)

LOCK_FIELD = "lock_token"
#: Hidden inputs "_lock-<pk>" carry each listed row's token to the list's actions.
ROW_LOCK_PREFIX = "_lock-"

_NUMBER_MESSAGES = {
    "min_value": TOO_SMALL,
    "max_value": TOO_LARGE,
    "max_digits": TOO_MANY_DIGITS,
    "max_decimal_places": TOO_MANY_DECIMALS,
    "max_whole_digits": TOO_MANY_WHOLE_DIGITS,
}


class ThaiNumberInput(forms.TextInput):
    """A text box, not <input type=number>: browsers refuse Thai digits in number inputs."""

    input_type = "text"

    def __init__(self, attrs=None, *, inputmode="numeric"):
        super().__init__({"inputmode": inputmode, "class": "vIntegerField", **(attrs or {})})

    def format_value(self, value):
        # A stored number comes back as the portal writes numbers (๒๕๖๔, ๑๕๐,๐๐๐); the fields read
        # either digits. Whole numbers keep no separators: most are years and numbers of items.
        if isinstance(value, bool):
            return super().format_value(value)
        if isinstance(value, int):
            return digits(value)
        if isinstance(value, Decimal) and value.is_finite():
            return baht(value)
        return super().format_value(value)


class ThaiIntegerField(forms.IntegerField):
    widget = ThaiNumberInput
    default_error_messages = {"invalid": NOT_A_WHOLE_NUMBER, **_NUMBER_MESSAGES}

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_int(value)
        except ThaiNumberError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def widget_attrs(self, widget):
        # min/max/step belong to <input type=number>; the text box only wants a hint.
        return {}


class ThaiDecimalField(forms.DecimalField):
    widget = ThaiNumberInput
    default_error_messages = {"invalid": NOT_A_NUMBER, **_NUMBER_MESSAGES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs["inputmode"] = "decimal"
        # Wide enough for ๑๒,๕๐๐,๐๐๐.๕๐ (plans/static/plans/admin.css).
        if self.widget.attrs.get("class") == "vIntegerField":
            self.widget.attrs["class"] = "vDecimalField"

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_decimal(value)
        except ThaiNumberError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        if value is not None and not value.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")

    def widget_attrs(self, widget):
        return {}


def token_of(value) -> str:
    """The lock token of a row: its ``updated_at`` to the microsecond ("" when there is none)."""
    return value.isoformat() if value else ""


class PlanContentForm(forms.ModelForm):
    """A model form that refuses to overwrite a row changed since the form was opened.

    The hidden ``lock_token`` holds the row's ``updated_at`` as it was when the
    editor opened the form. On save the row is read again, locked with
    SELECT ... FOR UPDATE for the rest of the admin's transaction so that two
    simultaneous saves cannot both pass, and a different token refuses the save
    with ``STALE_SAVE``; the editor's input stays on the re-displayed form.
    """

    lock_token = forms.CharField(label="รหัสตรวจการแก้ไขซ้อนกัน", widget=forms.HiddenInput, required=False)

    #: True where the caller reads every row of a grid under SELECT ... FOR UPDATE in one query
    #: before building the forms (the monitoring grids): the instance's own ``updated_at`` is
    #: then the stored token, and a grid of 300 rows needs no query per row to check it.
    instance_read_under_lock = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if LOCK_FIELD in self.fields and self.instance.pk is not None:
            self.fields[LOCK_FIELD].initial = token_of(getattr(self.instance, "updated_at", None))

    def clean(self):
        cleaned = super().clean()
        if LOCK_FIELD in self.fields and self._editing_stored_row() and self._checks_lock():
            if cleaned.get(LOCK_FIELD, "") != self._current_token():
                raise ValidationError(STALE_SAVE, code="stale")
        return cleaned

    def _checks_lock(self) -> bool:
        return True

    def _editing_stored_row(self) -> bool:
        return self.instance.pk is not None and not self.instance._state.adding

    def _current_token(self) -> str:
        if self.instance_read_under_lock:
            return token_of(self.instance.updated_at)
        model = type(self.instance)
        queryset = model._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            queryset = queryset.select_for_update()
        return token_of(queryset.values_list("updated_at", flat=True).first())


class ChangeListRowForm(PlanContentForm):
    """One row of a change list's editable columns.

    Only a row the editor changed is checked: Django saves only those, and a
    list of fifty rows should not be refused because someone renamed another.
    """

    def has_changed(self) -> bool:
        # A newer token alone is not an edit: saving the row would rewrite it with what the list showed.
        return any(name != LOCK_FIELD for name in self.changed_data)

    def _checks_lock(self) -> bool:
        return self.has_changed()
