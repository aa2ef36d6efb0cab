from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public pages that read a whole plan: reader, strategies, search, sitemaps, plan PDF."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "หน้าเว็บสาธารณะ"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from insights import views as insights_views
        from monitoring import printed_report
        from plans.models import Organization
        from portal import page_cache, versions
        from portal.pdf import documents
        from printing.documents import register

        versions.connect()
        register(documents.PLAN, documents.build_plan, in_parts=True)
        versions.on_change(documents.edition_changed)
        versions.on_change(printed_report.edition_changed)
        versions.on_change(insights_views.edition_changed)
        versions.on_change(page_cache.content_changed)
        post_save.connect(page_cache.organization_saved, sender=Organization, dispatch_uid="page-cache-organization-save")
        post_delete.connect(page_cache.organization_saved, sender=Organization, dispatch_uid="page-cache-organization-delete")
