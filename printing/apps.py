from django.apps import AppConfig
from django.core import checks


class PrintingConfig(AppConfig):
    """PDF machinery: HTML to PDF with a correct Thai text layer, its cache and responses.

    It knows nothing of plans: callers hand it HTML.
    """

    name = "printing"
    verbose_name = "การพิมพ์ PDF"

    def ready(self):
        # printing.checks reads the staticfiles app through printing.render: import it once apps are ready.
        from printing.checks import textlayer_installs

        checks.register(textlayer_installs, checks.Tags.compatibility)
