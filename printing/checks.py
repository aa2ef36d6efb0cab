"""System checks of the PDF machinery: run by manage.py check, the deploy check and CI."""

from django.core.checks import Error

from printing.render import load_weasyprint

TEXTLAYER_CANNOT_INSTALL = "printing.E001"


def textlayer_installs(app_configs=None, **kwargs) -> list[Error]:
    """The text-layer patch installs on the WeasyPrint and pydyf found; else every PDF download would fail."""
    # Imported here, not at the top: this module is loaded with the app, and an import error of
    # WeasyPrint (a missing system library, a release that moved a module) must become this
    # check's error, not a crash of every manage.py command.
    try:
        load_weasyprint()
        from printing import textlayer
    except Exception as exc:  # any failure to import is the finding
        return [_error(f"printing.textlayer cannot be imported: {type(exc).__name__}: {exc}")]
    problem = textlayer.compatibility_problem()
    return [_error(problem)] if problem else []


def _error(message: str) -> Error:
    return Error(
        message,
        hint="PDF downloads would fail. Install the versions pinned in requirements.txt "
        "(weasyprint, pydyf, fonttools), or re-check printing/textlayer.py against the new release.",
        obj="printing.textlayer",
        id=TEXTLAYER_CANNOT_INSTALL,
    )
