"""The annual monitoring report PDF: who may get it and its HTML.

The figures come from the monitoring app (``monitoring.reports.annual_report``);
this module only decides access and lays the report out for print.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from monitoring.reports import ReportNotAvailable, annual_report, report_is_public
from plans.access import can_preview
from plans.models import Edition
from plans.roles import COMMITTEE


@dataclass
class ReportAccess:
    published: bool  # False: an unpublished year, shown to staff with a watermark


def can_export_report(user) -> bool:
    """Editors and the monitoring committee may export a year before it is published."""
    return can_preview(user) or (user.is_authenticated and user.groups.filter(name=COMMITTEE).exists())


def report_access(user, *, edition: Edition, fiscal_year: int) -> ReportAccess | None:
    """None when this visitor may not have the year's report (the view answers 404)."""
    if report_is_public(edition, fiscal_year):
        return ReportAccess(published=True)
    if can_export_report(user):
        return ReportAccess(published=False)
    return None


def report_html(edition: Edition, *, fiscal_year: int, published: bool) -> str | None:
    """The report as HTML, or None when the year has no round to report on."""
    try:
        report = annual_report(edition, fiscal_year, include_unpublished=not published)
    except ReportNotAvailable:
        return None
    is_draft = not (published and report.is_published and edition.is_public)
    return render_to_string(
        "pdf/report.html",
        {
            "report": report,
            "edition": edition,
            "organization": edition.organization,
            "is_draft": is_draft,
            "watermark_text": "ยังไม่เผยแพร่",
        },
    )
