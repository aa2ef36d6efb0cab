"""The HTTP response for a rendered PDF: ETag, conditional GET and caching headers."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import content_disposition_header

from printing.cache import RenderedPdf


def pdf_response(request, rendered: RenderedPdf, *, filename: str, public: bool) -> HttpResponse:
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
