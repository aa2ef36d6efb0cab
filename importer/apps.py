from django.apps import AppConfig


class ImporterConfig(AppConfig):
    """Reads a plan document and writes the whole plan (every domain app's rows) in one go."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "importer"
    verbose_name = "นำเข้าแผน"
