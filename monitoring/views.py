"""Public monitoring pages: the committee and its method, and each published round's results."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from monitoring import printed_report
from monitoring.charts import budget_chart
from monitoring.models import EvaluationRound
from monitoring.selectors import monitoring_overview, published_rounds, round_results
from plans.access import can_preview, edition_for
from printing.responses import serve_document

ROUND_NOT_FOUND = "ไม่พบผลการติดตามรอบนี้ หรือยังไม่ได้เผยแพร่"


def index(request, org, period):
    edition = edition_for(request, org, period)
    overview = monitoring_overview(edition)
    context = {
        "edition": edition,
        "overview": overview,
        "latest": overview.latest,
        "chart": budget_chart(overview.latest.rollup) if overview.latest else None,
        "has_sample": overview.has_sample,
        "nav": "monitoring",
    }
    return render(request, "monitoring/index.html", context)


def round_detail(request, org, period, pk):
    edition = edition_for(request, org, period)
    round = EvaluationRound.objects.filter(edition=edition, pk=pk).select_related("schedule_round").first()
    # Residents see a round once the committee publishes it; signed-in staff may preview it before.
    if round is None or not (round.is_published or can_preview(request.user, edition.organization_id)):
        raise Http404(ROUND_NOT_FOUND)
    round.edition = edition
    results = round_results(round)
    context = {
        "edition": edition,
        "round": round,
        "results": results,
        "rollup": results.rollup,
        "chart": budget_chart(results.rollup),
        "other_rounds": [r for r in published_rounds(edition) if r.pk != round.pk],
        "has_sample": results.has_sample,
        "nav": "monitoring",
    }
    return render(request, "monitoring/round.html", context)


@require_GET
def report_pdf(request, org, period: str, fiscal_year: int):
    """The committee's annual monitoring report for one fiscal year."""
    edition = edition_for(request, org, period)
    if not edition.start_year <= fiscal_year <= edition.end_year:
        raise Http404("ปีงบประมาณนี้อยู่นอกช่วงของแผน")
    access = printed_report.report_access(request.user, edition=edition, fiscal_year=fiscal_year)
    if access is None:
        raise Http404("ยังไม่มีรายงานประจำปีที่เผยแพร่")
    if not printed_report.has_rounds(edition, fiscal_year=fiscal_year, published=access.published):
        raise Http404("ยังไม่มีผลการติดตามสำหรับปีงบประมาณนี้")
    # Rendered in the background (never in the request), once per content version.
    return serve_document(
        request,
        key=printed_report.report_key(edition, fiscal_year, published=access.published),
        version=edition.content_version,
        title=printed_report.report_title(edition, fiscal_year),
        filename=f"รายงานติดตามประเมินผล-{fiscal_year}.pdf",
        public=access.published and edition.is_public,
        context={"edition": edition, "organization": edition.organization},
    )
