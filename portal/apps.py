from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public pages that read a whole plan: reader, strategies, search, sitemaps, plan PDF."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "หน้าเว็บสาธารณะ"

    def ready(self):
        from insights import views as insights_views
        from monitoring import printed_report
        from portal import versions
        from portal.pdf import documents
        from printing.documents import register

        versions.connect()
        register(documents.PLAN, documents.build_plan)
        versions.on_change(documents.edition_changed)
        versions.on_change(printed_report.edition_changed)
        versions.on_change(insights_views.edition_changed)
