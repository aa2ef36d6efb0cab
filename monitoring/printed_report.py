"""The annual monitoring report PDF: who may get it and its HTML.

The figures come from the monitoring app (``monitoring.reports.annual_report``);
this module only decides access and lays the report out for print.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from monitoring.models import EvaluationRound
from monitoring.reports import ReportNotAvailable, annual_report, report_is_public
from plans import tenancy
from plans.access import can_preview
from plans.models import Edition
from printing.documents import make_key, schedule


@dataclass
class ReportAccess:
    published: bool  # False: an unpublished year, shown to staff with a watermark


def can_export_report(user, organization_id: int) -> bool:
    """The organization's editors and monitoring committee may export a year before it is published."""
    return can_preview(user, organization_id) or (
        user.is_authenticated and "monitoring.export_report" in tenancy.permissions_in(user, organization_id)
    )


def report_access(user, *, edition: Edition, fiscal_year: int) -> ReportAccess | None:
    """None when this visitor may not have the year's report (the view answers 404)."""
    if report_is_public(edition, fiscal_year):
        return ReportAccess(published=True)
    if can_export_report(user, edition.organization_id):
        return ReportAccess(published=False)
    return None


def has_rounds(edition: Edition, *, fiscal_year: int, published: bool) -> bool:
    """The year has a round to report on (a published one, for the public report)."""
    rounds = EvaluationRound.objects.filter(edition=edition, fiscal_year=fiscal_year)
    return (rounds.published() if published else rounds).exists()


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


# The annual report as a document rendered in the background (printing.documents):
# one file per edition, fiscal year and audience (published, or the staff preview).
REPORT = "report"


def report_key(edition: Edition, fiscal_year: int, *, published: bool) -> str:
    return make_key(REPORT, edition.pk, fiscal_year, "public" if published else "preview")


def report_title(edition: Edition, fiscal_year: int) -> str:
    return f"รายงานผลการติดตามและประเมินผล ปีงบประมาณ {fiscal_year} ({edition.title} {edition.period_label})"


def build_report(edition_id: str, fiscal_year: str, audience: str) -> tuple[str, str] | None:
    """The builder printing.documents calls in the worker; None once the key no longer applies."""
    edition = Edition.objects.select_related("organization").filter(pk=edition_id).first()
    year = int(fiscal_year)
    published = audience == "public"
    if edition is None or (published and not report_is_public(edition, year)):
        return None
    html = report_html(edition, fiscal_year=year, published=published)
    if html is None:
        return None
    return report_title(edition, year), html


def edition_changed(edition_id: int) -> None:
    """After a commit that changed the edition: its published annual reports are rendered again."""
    edition = Edition.objects.filter(pk=edition_id).select_related("organization").first()
    if edition is None or not edition.is_public:
        return
    for year in edition.years:
        if report_is_public(edition, year):
            schedule(report_key(edition, year, published=True), edition.content_version,
                     title=report_title(edition, year))
