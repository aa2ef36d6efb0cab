"""Download of the whole plan as PDF."""

from __future__ import annotations

from django.views.decorators.http import require_GET

from plans.access import edition_for
from plans.models import Edition
from portal.pdf import documents
from printing import cache
from printing.responses import pdf_response


def plan_filename(edition: Edition) -> str:
    return f"แผนแม่บทเทคโนโลยีสารสนเทศ-{edition.file_slug}.pdf"


@require_GET
def plan_pdf(request, period: str):
    """The whole plan; editors also get drafts, watermarked "ฉบับร่าง" on every page."""
    edition = edition_for(request, period)
    rendered = cache.pdf_for_html(documents.plan_html(edition))
    return pdf_response(request, rendered, filename=plan_filename(edition), public=edition.is_public)
