from django.apps import AppConfig


class PlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plans"
    verbose_name = "แผนและเอกสาร"

    def ready(self):
        # Every app's urls.py uses <edition:period>; URLconfs load after ready().
        from reversion.signals import post_revision_commit

        from plans import converters, tenancy_history

        converters.register()
        # Every saved version says whose row it is, whichever code path saved it.
        post_revision_commit.connect(tenancy_history.on_revision_commit, dispatch_uid="plans.version_organizations")
