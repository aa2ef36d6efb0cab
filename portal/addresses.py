"""The public addresses of the parts of a plan, written once for pages, search, sitemaps and the view model.

Addresses never move: a chapter's is its key (from its printed number, "/chapters/2/", fixed
when the heading is first saved), a section's is an anchor from its key on its chapter, a
strategy's an anchor from its printed number, a project's its printed number. The old
"/document/<n>/" (the n-th chapter) redirects (``portal.views.chapter_by_position``).
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from strategies.models import strategy_anchor

__all__ = ["chapter_keys", "chapter_positions", "chapter_url", "framework_url", "project_url", "strategy_anchor", "strategy_url"]


def _chapters_of(sections) -> dict[int, object]:
    """Section id -> the chapter (top-level section) it belongs to, for sections of one edition."""
    by_id = {s.pk: s for s in sections}
    result = {}
    for section in sections:
        top = section
        while top.parent_id is not None and top.parent_id in by_id:
            top = by_id[top.parent_id]
        result[section.pk] = top
    return result


def chapter_positions(sections) -> dict[int, int]:
    """Section id -> position (1..n) of the chapter it belongs to: the page's place in the reader."""
    chapters = [s for s in sorted(sections, key=lambda s: s.order) if s.parent_id is None]
    position = {c.pk: n for n, c in enumerate(chapters, start=1)}
    return {pk: position.get(top.pk, 1) for pk, top in _chapters_of(sections).items()}


def chapter_keys(sections) -> dict[int, str]:
    """Section id -> key of the chapter it belongs to: the chapter's address."""
    return {pk: top.key for pk, top in _chapters_of(sections).items()}


def _reverse(name: str, **kwargs) -> str:
    """reverse(), remembered: a page of a large plan links to hundreds of projects and strategies,
    and a reverse() costs about as much as building the link's row. Keyed by everything reverse()
    reads besides its arguments (the URL configuration and the script prefix)."""
    return _reversed(name, tuple(sorted(kwargs.items())), get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)


@lru_cache(maxsize=8192)
def _reversed(name: str, kwargs: tuple, prefix: str, urlconf, root_urlconf: str) -> str:
    return reverse(name, kwargs=dict(kwargs))


def chapter_url(address: dict, key: str, anchor: str = "") -> str:
    url = _reverse("plans:chapter", **address, key=key)
    return f"{url}#{anchor}" if anchor else url


def framework_url(address: dict, slug: str, anchor: str = "") -> str:
    url = _reverse("strategies:framework", **address, slug=slug)
    return f"{url}#{anchor}" if anchor else url


def strategy_url(address: dict, framework_slug: str, number: int) -> str:
    return framework_url(address, framework_slug, strategy_anchor(number))


def indicators_anchor(framework_id: int) -> str:
    return f"indicators-{framework_id}"


def project_url(address: dict, number: int) -> str:
    return _reverse("projects:detail", **address, number=number)
