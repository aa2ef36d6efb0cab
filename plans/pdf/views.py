"""Downloads of the plan and of the annual monitoring report as PDF."""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from plans.access import edition_for
from plans.models import Edition
from plans.pdf import cache, documents


def _pdf_response(request, rendered: cache.RenderedPdf, *, filename: str, public: bool) -> HttpResponse:
    etag = f'"{rendered.key[:32]}"'
    # Drafts and unpublished reports must not sit in a shared proxy cache.
    cache_control = "public, max-age=0, must-revalidate" if public else "private, no-store"
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(rendered.content, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
        response["Content-Length"] = str(len(rendered.content))
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


def plan_filename(edition: Edition) -> str:
    return f"แผนแม่บทเทคโนโลยีสารสนเทศ-{edition.slug}.pdf"


@require_GET
def plan_pdf(request, period: str):
    """The whole plan; editors also get drafts, watermarked "ฉบับร่าง" on every page."""
    edition = edition_for(request, period)
    rendered = cache.pdf_for_html(documents.plan_html(edition))
    return _pdf_response(request, rendered, filename=plan_filename(edition), public=edition.is_public)


@require_GET
def report_pdf(request, period: str, fiscal_year: int):
    """The committee's annual monitoring report for one fiscal year."""
    from plans.pdf import report

    edition = edition_for(request, period)
    if not edition.start_year <= fiscal_year <= edition.end_year:
        raise Http404("ปีงบประมาณนี้อยู่นอกช่วงของแผน")
    access = report.report_access(request.user, edition=edition, fiscal_year=fiscal_year)
    if access is None:
        raise Http404("ยังไม่มีรายงานประจำปีที่เผยแพร่")
    html = report.report_html(edition, fiscal_year=fiscal_year, published=access.published)
    if html is None:
        raise Http404("ยังไม่มีผลการติดตามสำหรับปีงบประมาณนี้")
    rendered = cache.pdf_for_html(html)
    return _pdf_response(
        request,
        rendered,
        filename=f"รายงานติดตามประเมินผล-{fiscal_year}.pdf",
        public=access.published and edition.is_public,
    )
