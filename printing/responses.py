"""HTTP responses for rendered PDFs: the stored file (ETag, conditional GET, one byte range)
and the page shown while a document is being prepared."""

from __future__ import annotations

import re

from django.http import HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header, http_date

from printing import store

CHUNK = 64 * 1024
# The page refreshes itself this often while the PDF is rendered (CSP forbids inline script).
REFRESH_SECONDS = 5
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _cache_control(public: bool) -> str:
    # Drafts and unpublished reports must not sit in a shared proxy cache.
    return "public, max-age=0, must-revalidate" if public else "private, no-store"


def parse_range(header: str, size: int) -> tuple[int, int] | None | str:
    """(first, last) byte of a single "bytes=" range; None for the whole file; "unsatisfiable".

    Several ranges ("bytes=0-1,5-6") get the whole file, which RFC 9110 allows.
    """
    match = _RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return "unsatisfiable"
    return start, end


def _chunks(handle, start: int, length: int):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def stored_pdf_response(request, stored: store.StoredFile, *, filename: str, public: bool, extra_headers=None):
    """Stream a stored PDF with its SHA-256 as ETag; If-None-Match gives 304, Range gives 206."""
    etag = f'"{stored.sha256[:32]}"'
    headers = {"ETag": etag, "Cache-Control": _cache_control(public), "Accept-Ranges": "bytes", **(extra_headers or {})}
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
        for name, value in headers.items():
            response[name] = value
        return response
    wanted = None
    range_header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if range_header and (if_range is None or if_range == etag):
        wanted = parse_range(range_header, stored.size)
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{stored.size}"
        for name, value in headers.items():
            response[name] = value
        return response
    start, end = wanted if wanted else (0, stored.size - 1)
    length = end - start + 1
    response = StreamingHttpResponse(
        _chunks(store.open_file(stored), start, length),
        status=206 if wanted else 200,
        content_type="application/pdf",
    )
    response["Content-Length"] = str(length)
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{stored.size}"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    for name, value in headers.items():
        response[name] = value
    return response


def preparing_response(request, *, template: str, context: dict, failed: bool = False):
    """The Thai page for a PDF not rendered yet: it refreshes itself until the file is ready.

    202 Accepted: the request is understood and the work is under way. A failed
    render does not refresh (it would only fail again); it says so instead.
    """
    response = render(
        request,
        template,
        {**context, "refresh_seconds": None if failed else REFRESH_SECONDS, "failed": failed},
        status=503 if failed else 202,
    )
    response["Cache-Control"] = "no-store"
    if not failed:
        response["Retry-After"] = str(REFRESH_SECONDS)
    return response


def serve_document(request, *, key: str, version: int, title: str, filename: str, public: bool, context: dict,
                   template: str = "pdf/preparing.html"):
    """The response for a document rendered in the background; never renders in the request.

    The file of ``version`` when it is stored; otherwise the render is scheduled
    (once, however many ask) and the visitor gets the "being prepared" page,
    with a link to the previous file, dated, when there is one
    (``?previous=1`` downloads it).
    """
    from printing import documents

    found = documents.lookup(key, version)
    if found.current is not None:
        return stored_pdf_response(request, found.current, filename=filename, public=public)
    if request.GET.get("previous") == "1" and found.previous is not None:
        stamp = timezone.localtime(found.previous_rendered_at).strftime("%Y%m%d-%H%M")
        stem = filename.removesuffix(".pdf")
        return stored_pdf_response(
            request,
            found.previous,
            filename=f"{stem}-ฉบับก่อนแก้ไข-{stamp}.pdf",
            public=public,
            extra_headers={"Last-Modified": http_date(found.previous_rendered_at.timestamp())},
        )
    failed = found.state == documents.RenderedDocument.State.FAILED
    if not failed:
        documents.schedule(key, version, title=title, delay=0)
    return preparing_response(
        request,
        template=template,
        context={
            **context,
            "document_title": title,
            "previous_rendered_at": found.previous_rendered_at if found.previous else None,
            "previous_url": f"{request.path}?previous=1" if found.previous else "",
            # The technical reason is for the staff who can fix it, not for residents.
            "error": found.error if request.user.is_staff else "",
        },
        failed=failed,
    )
