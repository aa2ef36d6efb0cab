from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public pages that read a whole plan: reader, strategies, search, sitemaps, plan PDF."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "หน้าเว็บสาธารณะ"
