from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = "การติดตามและประเมินผล"

    def ready(self):
        from monitoring import printed_report
        from printing.documents import register

        register(printed_report.REPORT, printed_report.build_report)
