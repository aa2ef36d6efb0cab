from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """What the portal can say about a plan because it holds the plan as data.

    The alignment gap report (which higher strategies and tactics nothing in the IT plan
    serves, and what in the IT plan serves nothing above), the one-page summary for the
    council and the transparency pack for the ITA/OIT assessment.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "insights"
    verbose_name = "รายงานวิเคราะห์แผน"

    def ready(self):
        from insights import views
        from printing.documents import register

        register(views.SUMMARY, views.build_summary)
