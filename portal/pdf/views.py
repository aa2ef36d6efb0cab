"""Download of the whole plan as PDF: the stored file, or a page saying it is being prepared."""

from __future__ import annotations

from django.views.decorators.http import require_GET

from plans.access import edition_for
from plans.models import Edition
from portal.pdf import documents
from printing.responses import serve_document


def plan_filename(edition: Edition) -> str:
    return f"แผนแม่บทเทคโนโลยีสารสนเทศ-{edition.file_slug}.pdf"


@require_GET
def plan_pdf(request, org, period: str):
    """The whole plan; editors also get drafts, watermarked "ฉบับร่าง" on every page.

    Never renders in the request: a version not rendered yet is scheduled and
    the visitor gets a page that refreshes itself until the file is ready.
    """
    edition = edition_for(request, org, period)
    return serve_document(
        request,
        key=documents.plan_key(edition),
        version=edition.content_version,
        title=documents.plan_title(edition),
        filename=plan_filename(edition),
        public=edition.is_public,
        context={"edition": edition, "organization": edition.organization},
    )
