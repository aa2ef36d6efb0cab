from django.apps import AppConfig


class PlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plans"
    verbose_name = "แผนและเอกสาร"

    def ready(self):
        # Every app's urls.py uses <edition:period>; URLconfs load after ready().
        from plans import converters

        converters.register()
