from django.apps import AppConfig


class EditionsConfig(AppConfig):
    """A plan over its life: revisions, publishing with checks, withdrawal, comparison, the next plan.

    It copies and compares whole plans, so it stands above every part of a plan
    (import-linter layers in pyproject.toml).
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "editions"
    verbose_name = "ฉบับของแผน"
