"""HTML to PDF with WeasyPrint, fetching nothing but our own static files.

Editors write rich text that ends up in the PDF. Whatever it contains, the
renderer must not read a local file (``file:///etc/passwd``) or call an
internal address (``http://169.254.169.254/``) on the server's behalf, so
every URL goes through ``StaticOnlyFetcher``.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation

LOGGER = logging.getLogger(__name__)

# Documents are rendered against this made-up origin (".invalid" can never
# resolve), so a relative or root-relative URL in our templates becomes
# https://pdf.invalid/static/..., which the fetcher maps to a file on disk.
BASE_URL = "https://pdf.invalid/"
_ORIGIN = urlsplit(BASE_URL)

# Small inline images are harmless; anything bigger is refused to bound memory.
MAX_DATA_URL = 512 * 1024

REFUSED = "ไม่อนุญาตให้ดึงไฟล์นี้ลงใน PDF"

_CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".gif": "image/gif",
}


def load_weasyprint():
    # Imported on first use: it costs about a second and 50 MiB, which a web
    # process that never renders a PDF should not pay.
    # Its progress log says "Step 5 - Creating layout - Page N" for every page at INFO.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    import weasyprint

    return weasyprint


def static_path(url: str) -> Path | None:
    """The file behind one of our /static/ URLs, or None when the URL is not ours."""
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (_ORIGIN.scheme, _ORIGIN.netloc):
        return None
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    path = posixpath.normpath(unquote(parts.path))
    if not path.startswith(static_prefix) or "\x00" in path:
        return None
    relative = path[len(static_prefix):]
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        root = Path(settings.STATIC_ROOT).resolve()
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def make_fetcher():
    """A WeasyPrint URL fetcher that serves our static files and data: images, and refuses the rest.

    WeasyPrint 70 needs a URLFetcher instance (a plain function that raises
    crashes it); refusals are exceptions it catches and logs, so a bad image
    in an editor's text leaves a gap in the PDF instead of failing the download.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def __init__(self):
            # No protocol at all through the parent's urllib handlers.
            super().__init__(allowed_protocols=())

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                if len(url) > MAX_DATA_URL:
                    raise ValueError(f"{REFUSED}: data URL too large")
                return super_fetch_data(url)
            path = static_path(url)
            if path is None:
                LOGGER.warning("PDF renderer refused %s", url[:200])
                raise ValueError(f"{REFUSED}: {url[:200]}")
            content_type = _CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})

    def super_fetch_data(url):
        # urllib's DataHandler parses the data: URL; only it is used, never the network handlers.
        from urllib.request import DataHandler, Request

        response = DataHandler().data_open(Request(url))
        return URLFetcherResponse(url, response.read(), headers=dict(response.headers))

    return StaticOnlyFetcher()


def html_to_pdf(html: str) -> bytes:
    """Render a complete HTML document to PDF bytes.

    This is the one place where a PDF is laid out: the cache counts calls to it.
    """
    weasyprint = load_weasyprint()
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=make_fetcher())
    # The text-layer fix makes copy, search and screen readers get the Thai that
    # is printed (see printing/textlayer.py); pdf/ua-1 tags the PDF with its
    # title and language for assistive technology.
    from printing import textlayer

    return textlayer.write_pdf(document, pdf_variant="pdf/ua-1")


@cache
def renderer_version() -> str:
    """Part of every cache key, derived from the code, never typed by hand.

    The WeasyPrint and pydyf releases and a digest of printing's own source files: a new
    release, a change to the text-layer fix or to how a document is rendered each make new
    keys. (The HTML and the static files it uses are in the key already, printing/cache.py.)
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return (
        f"weasyprint-{metadata.version('weasyprint')}/pydyf-{metadata.version('pydyf')}"
        f"/printing-{digest.hexdigest()[:16]}/pdf-ua-1"
    )
