from django.db import models

from thaimuang_plan.lib.richtext import sanitize


class RichTextField(models.TextField):
    """Text with inline formatting, sanitised every time it is written to the database.

    Sanitising at the field means no path (admin, import, shell) can store
    script or a javascript: link; templates may then mark the value safe.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return sanitize(value) if value else value

    def pre_save(self, model_instance, add):
        # Keep the instance in step with what is stored, so a page rendered
        # from the same object right after saving shows the sanitised text.
        value = sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
