"""Render a PDF once per version of its content.

The key is a hash of the HTML that would be rendered, the stylesheet and font
files it uses, and the renderer's version: any edit to the plan changes the
HTML, so the next download is fresh, and nothing needs invalidating by hand.
The bytes live in Django's default cache, which is a database table shared
by every app process (settings.CACHES), not one process's memory.

Beside the bytes the cache keeps their length and SHA-256; a copy that does not
match (truncated, overwritten, undecodable) is discarded and rendered again, never
served.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from printing import render

KEY_PREFIX = "pdf:v1:"
CHECK_SUFFIX = ":check"
log = logging.getLogger(__name__)
STATIC_DIR = Path(settings.BASE_DIR) / "static" / "pdf"


@dataclass
class RenderedPdf:
    content: bytes
    key: str
    from_cache: bool


@lru_cache(maxsize=1)
def assets_digest() -> str:
    """Hash of our print CSS and fonts; computed once per process (they change only on deploy)."""
    digest = hashlib.sha256()
    for path in sorted(STATIC_DIR.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(STATIC_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def pdf_key(html: str) -> str:
    digest = hashlib.sha256()
    for part in (render.renderer_version(), assets_digest(), html):
        digest.update(part.encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def checksum(content: bytes) -> str:
    return f"{len(content)}:{hashlib.sha256(content).hexdigest()}"


def _cached(key: str) -> bytes | None:
    """The stored copy if it is whole; a damaged one is deleted (and logged) and None returned."""
    keys = [KEY_PREFIX + key, KEY_PREFIX + key + CHECK_SUFFIX]
    try:
        found = cache.get_many(keys)
    except Exception:  # an entry the cache backend cannot decode (unpickling can raise anything)
        log.warning("Discarding an undecodable cached PDF %s", key, exc_info=True)
        cache.delete_many(keys)
        return None
    if not found:
        return None
    content, check = found.get(keys[0]), found.get(keys[1])
    if isinstance(content, bytes) and isinstance(check, str) and checksum(content) == check:
        return content
    log.warning("Discarding a damaged cached PDF %s (length or hash does not match)", key)
    cache.delete_many(keys)
    return None


def pdf_for_html(html: str) -> RenderedPdf:
    """The PDF of ``html``, rendered only if no process has rendered the same HTML before."""
    key = pdf_key(html)
    content = _cached(key)
    if content is not None:
        return RenderedPdf(content=content, key=key, from_cache=True)
    content = render.html_to_pdf(html)
    # Two processes may render the same version at once; both store the same bytes.
    cache.set_many({KEY_PREFIX + key: content, KEY_PREFIX + key + CHECK_SUFFIX: checksum(content)})
    return RenderedPdf(content=content, key=key, from_cache=False)
