from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal safely: sign-in protection, second factor, outages, backups, retention."""

    name = "operations"
    verbose_name = "การดูแลระบบ"
