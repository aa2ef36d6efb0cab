"""Search across one edition: narrative, frameworks, strategies, goals, tactics, indicators, projects.

Thai is written without spaces between words, so a word cannot be found by
splitting on whitespace; a substring match (``icontains``) finds any word or
phrase. Each kind of content is one query with a cap, so a search costs the
same number of queries however large the plan is.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from plans.models import Block, Edition, Section
from portal import addresses
from projects.models import Project
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, Strategy, Tactic
from thaimuang_plan.lib.formatting import project_label, strategy_label
from thaimuang_plan.lib.richtext import to_plain_text
from thaimuang_plan.lib.thai import to_arabic_digits, to_thai_digits

MAX_QUERY_LENGTH = 100
MAX_PER_KIND = 50
CONTEXT_CHARS = 80


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    passages: list[SafeString]


@dataclass
class Results:
    query: str
    groups: list[tuple[str, list[Hit]]]
    truncated: bool

    @property
    def count(self) -> int:
        return sum(len(hits) for _, hits in self.groups)


def clean_query(raw: str) -> str:
    """What was typed, without control characters, trimmed to MAX_QUERY_LENGTH.

    PostgreSQL refuses a NUL in a string (it was a 500), and no control character
    can match plan text anyway.
    """
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    return text.strip()[:MAX_QUERY_LENGTH]


def query_variants(query: str) -> list[str]:
    """The query as typed, plus with Thai or Arabic digits: the plan mixes both (๒๕๖๓ and 2563)."""
    variants = [query, to_thai_digits(query), to_arabic_digits(query)]
    return list(dict.fromkeys(v for v in variants if v))


def _matching(fields: list[str], variants: list[str]) -> Q:
    # Rich text is stored HTML-escaped: "&" is "&amp;" in the column.
    stored = list(dict.fromkeys([*variants, *(html.escape(v, quote=False) for v in variants)]))
    return reduce(or_, (Q(**{f"{field}__icontains": v}) for field in fields for v in stored))


def passages(text: str, variants: list[str], *, limit: int = 3) -> list[SafeString]:
    """Up to ``limit`` snippets of ``text`` around each hit, escaped, with the hit in <mark>."""
    lowered = text.lower()
    spans = []
    start = 0
    while len(spans) < limit:
        found = [(lowered.find(v.lower(), start), v) for v in variants]
        found = [(i, v) for i, v in found if i >= 0]
        if not found:
            break
        index, variant = min(found)
        spans.append((index, index + len(variant)))
        start = index + len(variant)
    snippets = []
    for begin, end in spans:
        left = max(0, begin - CONTEXT_CHARS)
        right = min(len(text), end + CONTEXT_CHARS)
        snippet = (
            ("…" if left else "")
            + escape(text[left:begin])
            + "<mark>"
            + escape(text[begin:end])
            + "</mark>"
            + escape(text[end:right])
            + ("…" if right < len(text) else "")
        )
        snippets.append(mark_safe(snippet))  # every piece of source text above is escaped
    return snippets


def _hit(kind, title, url, texts, variants) -> Hit | None:
    found = []
    for text in texts:
        found.extend(passages(text or "", variants))
    if not found:
        return None
    return Hit(kind=kind, title=title, url=url, passages=found[:3])


def search_edition(edition: Edition, query: str) -> Results:
    """Everything in ``edition`` that contains ``query``; eight queries whatever the plan's size."""
    variants = query_variants(query)
    address = edition.address_kwargs
    truncated = False

    def capped(queryset):
        nonlocal truncated
        rows = list(queryset[: MAX_PER_KIND + 1])
        truncated = truncated or len(rows) > MAX_PER_KIND
        return rows[:MAX_PER_KIND]

    groups: list[tuple[str, list[Hit]]] = []

    # Narrative and section titles, linked to their chapter page.
    sections = list(Section.objects.filter(edition=edition).only("id", "parent_id", "number", "title", "order", "key"))
    chapter_of = addresses.chapter_keys(sections)
    by_id = {s.pk: s for s in sections}
    hits = []
    for section in sections:
        if any(v.lower() in section.title.lower() for v in variants):
            hit = _hit("หัวข้อ", str(section), _section_url(address, chapter_of, section), [str(section)], variants)
            hits.append(hit)
    blocks = capped(
        Block.objects.filter(section__edition=edition)
        .exclude(kind=Block.Kind.EMBED)
        .filter(_matching(["text"], variants))
        .order_by("section__order", "order")
    )
    for block in blocks:
        section = by_id[block.section_id]
        hits.append(
            _hit("เนื้อหา", str(section), _section_url(address, chapter_of, section), [to_plain_text(block.text)], variants)
        )
    groups.append(("เนื้อหาในเอกสารแผน", [h for h in hits if h]))

    def framework_url(framework, anchor=""):
        return addresses.framework_url(address, framework.slug, anchor)

    hits = []
    for f in capped(Framework.objects.filter(edition=edition).filter(_matching(["name", "vision", "values"], variants))):
        hits.append(_hit("กรอบยุทธศาสตร์", f.name, framework_url(f), [f.name, f.vision, f.values], variants))
    for p in capped(
        FrameworkPoint.objects.filter(framework__edition=edition)
        .filter(_matching(["title", "text"], variants))
        .select_related("framework")
    ):
        hits.append(
            _hit(p.get_kind_display(), f"{p.framework.name}", framework_url(p.framework), [p.title, p.text], variants)
        )
    for s in capped(
        Strategy.objects.filter(framework__edition=edition)
        .filter(_matching(["title", "description", "heading_in_detail"], variants))
        .select_related("framework")
    ):
        hits.append(
            _hit(
                "ยุทธศาสตร์",
                f"{s.framework} — {strategy_label(s.number)}",
                framework_url(s.framework, addresses.strategy_anchor(s.number)),
                [s.title, s.heading_in_detail, s.description],
                variants,
            )
        )
    for g in capped(
        Goal.objects.filter(strategy__framework__edition=edition)
        .filter(_matching(["text"], variants))
        .select_related("strategy__framework")
    ):
        framework = g.strategy.framework
        hits.append(_hit("เป้าประสงค์", str(framework), framework_url(framework, addresses.strategy_anchor(g.strategy.number)), [g.text], variants))
    for t in capped(
        Tactic.objects.filter(framework__edition=edition)
        .filter(_matching(["text"], variants))
        .select_related("framework", "strategy")
    ):
        anchor = addresses.strategy_anchor(t.strategy.number) if t.strategy_id else ""
        hits.append(_hit("กลยุทธ์", str(t.framework), framework_url(t.framework, anchor), [t.text], variants))
    for i in capped(
        Indicator.objects.filter(framework__edition=edition).filter(_matching(["name"], variants)).select_related("framework")
    ):
        hits.append(_hit("ตัวชี้วัด", str(i.framework), framework_url(i.framework, addresses.indicators_anchor(i.framework_id)), [i.name], variants))
    groups.append(("ยุทธศาสตร์ เป้าประสงค์ กลยุทธ์ และตัวชี้วัด", [h for h in hits if h]))

    fields = ["name", "code", "rationale", "objectives", "targets", "method", "duration", "kpi", "outcomes"]
    hits = []
    for p in capped(Project.objects.filter(edition=edition).filter(_matching(fields, variants)).order_by("number")):
        url = addresses.project_url(address, p.number)
        hits.append(
            _hit("โครงการ", f"{project_label(p.number)} {p.name}", url, [getattr(p, f) for f in fields], variants)
        )
    groups.append(("โครงการ", [h for h in hits if h]))

    return Results(query=query, groups=[(label, hits) for label, hits in groups if hits], truncated=truncated)


def _section_url(address, chapter_of, section) -> str:
    return addresses.chapter_url(address, chapter_of[section.pk], section.anchor)
