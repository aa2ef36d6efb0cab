from django.apps import AppConfig


class PrintingConfig(AppConfig):
    """PDF machinery: HTML to PDF with a correct Thai text layer, its cache and responses.

    It knows nothing of plans: callers hand it HTML.
    """

    name = "printing"
    verbose_name = "การพิมพ์ PDF"
