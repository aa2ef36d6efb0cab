"""The public addresses of the parts of a plan, written once for pages, search, sitemaps and the view model.

A chapter's address is its position (1..n) among the edition's top-level sections in document
order, so that "/document/3/" is the third chapter as printed in the source's table of contents.
"""

from __future__ import annotations

from django.urls import reverse


def chapter_positions(sections) -> dict[int, int]:
    """Section id -> position (1..n) of the chapter it belongs to, for sections of one edition."""
    by_id = {s.pk: s for s in sections}
    chapters = [s for s in sorted(sections, key=lambda s: s.order) if s.parent_id is None]
    position = {c.pk: n for n, c in enumerate(chapters, start=1)}
    result = {}
    for section in sections:
        top = section
        while top.parent_id is not None and top.parent_id in by_id:
            top = by_id[top.parent_id]
        result[section.pk] = position.get(top.pk, 1)
    return result


def chapter_url(period: str, position: int, anchor: str = "") -> str:
    url = reverse("plans:chapter", kwargs={"period": period, "order": position})
    return f"{url}#{anchor}" if anchor else url


def framework_url(period: str, slug: str, anchor: str = "") -> str:
    url = reverse("strategies:framework", kwargs={"period": period, "slug": slug})
    return f"{url}#{anchor}" if anchor else url


def strategy_anchor(strategy_id: int) -> str:
    return f"strategy-{strategy_id}"


def strategy_url(period: str, framework_slug: str, strategy_id: int) -> str:
    return framework_url(period, framework_slug, strategy_anchor(strategy_id))


def indicators_anchor(framework_id: int) -> str:
    return f"indicators-{framework_id}"


def project_url(period: str, number: int) -> str:
    return reverse("projects:detail", kwargs={"period": period, "number": number})
