"""The one selector behind the document pages, the strategy pages and the plan PDF.

plan_view() loads a whole edition (the PDF), chapter_view() one chapter and what its embeds
print, strategies_view() a framework with its links (a framework's page; the list of frameworks is index.py); each in a fixed
number of queries, each sized to what it shows, and each turns the rows into the same typed view
(portal.viewmodel.types), making every display decision on the way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import zip_longest

from django.db.models import Prefetch
from django.utils.safestring import mark_safe

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, Section, SwotItem
from portal import addresses
from projects.models import Project
from projects.selectors import edition_budget_summary, strategy_heading, with_budgets
from strategies.models import Framework
from thaimuang_plan.lib import formatting as fmt

from .frameworks import framework_view, load_frameworks, supporters_of
from .types import (
    BlockView,
    FrameworkView,
    PlanView,
    ProjectView,
    SectionView,
    SwotItemView,
    SwotTable,
)

SWOT_PAIRS = [
    (SwotItem.Kind.STRENGTH, SwotItem.Kind.WEAKNESS),
    (SwotItem.Kind.OPPORTUNITY, SwotItem.Kind.THREAT),
]


# Embeds that print the edition's own rows; every other embed prints a framework.
DATA_EMBEDS = {
    Block.Embed.SWOT,
    Block.Embed.PROJECT_SUMMARY,
    Block.Embed.PROJECT_DETAILS,
    Block.Embed.COMMITTEE,
    Block.Embed.METHODS,
    Block.Embed.SCHEDULE,
}


@dataclass(frozen=True)
class _Part:
    """What of an edition a view holds, so what it loads."""

    embeds: frozenset[str]  # the DATA_EMBEDS whose rows to load
    framework_slugs: frozenset[str] | None  # None: every framework
    it_plan: bool = False  # the IT plan too (an embed that names no framework prints it)
    links: bool = False  # strategies' higher strategies, supporters and projects (strategy pages)


WHOLE = _Part(embeds=frozenset(DATA_EMBEDS), framework_slugs=None)


def _project(project: Project, years: list[int], address: dict) -> ProjectView:
    return ProjectView(
        number=project.number,
        number_text=fmt.digits(project.number),
        label=fmt.project_label(project.number),
        name=project.name,
        url=addresses.project_url(address, project.number),
        unit=project.unit.name if project.unit else "",
        strategy_heading=strategy_heading(project.strategy) if project.strategy else "",
        tactic=project.tactic.text if project.tactic else "",
        rationale=project.rationale,
        objectives=project.objectives,
        targets=project.targets,
        method=project.method,
        duration=project.duration,
        kpi=project.kpi,
        outcomes=project.outcomes,
        budget_texts=[
            fmt.amount_or_dash(b.amount if b else None) for b in (project.budget_by_year.get(y) for y in years)
        ],
        total_text=fmt.baht(project.total_budget),
        is_sample=project.is_sample,
    )


def _blocks(rows: list[Block], frameworks: dict[str, FrameworkView], it_plan, embed_sample) -> list[BlockView]:
    blocks = []
    for block in rows:
        framework = None
        missing_framework = ""
        content_is_sample = block.is_sample
        if block.kind == Block.Kind.EMBED:
            if block.embed in embed_sample:
                content_is_sample = content_is_sample or embed_sample[block.embed]
            else:
                # A framework embed without a framework shows the IT plan.
                framework = frameworks.get(block.framework_slug) if block.framework_slug else it_plan
                content_is_sample = content_is_sample or bool(framework and framework.is_sample)
                if framework is None and block.framework_slug:
                    missing_framework = block.framework_slug
        blocks.append(
            BlockView(
                kind=block.kind,
                marker=block.marker,
                text=mark_safe(block.text),  # sanitised on every write (RichTextField)
                is_sample=block.is_sample,
                embed=block.embed,
                framework=framework,
                content_is_sample=content_is_sample,
                missing_framework=missing_framework,
            )
        )
    return blocks


def _sections(sections: list[Section], address: dict, blocks_of, has_own_text) -> list[SectionView]:
    """The chapters, each with its sections below it; ``blocks_of(section)`` gives a section's blocks."""
    position = addresses.chapter_positions(sections)
    chapter_key = addresses.chapter_keys(sections)
    views = {}
    for section in sections:
        blocks = blocks_of(section)
        views[section.pk] = SectionView(
            pk=section.pk,
            key=section.key,
            anchor=section.anchor,
            level=section.level,
            number=section.number,
            title=section.title,
            toc_pages=section.toc_pages,
            in_toc=section.in_toc,
            blocks=blocks,
            children=[],
            position=position[section.pk],
            url=addresses.chapter_url(address, chapter_key[section.pk], section.anchor),
            has_text=has_own_text(section),
            has_sample=any(b.is_sample for b in blocks),
        )
    chapters = []
    for section in sections:
        view = views[section.pk]
        parent = views.get(section.parent_id)
        (parent.children if parent else chapters).append(view)
    for chapter in chapters:
        chapter.url = addresses.chapter_url(address, chapter_key[chapter.pk])
        _mark(chapter)
    return chapters


def _mark(section: SectionView) -> None:
    """has_text and shows_sample also say what is below a section."""
    for child in section.children:
        _mark(child)
    section.has_text = section.has_text or any(c.has_text for c in section.children)
    section.shows_sample = any(b.content_is_sample for b in section.blocks) or any(
        c.shows_sample for c in section.children
    )


def document_outline(edition: Edition) -> list[SectionView]:
    """The chapters and sections of an edition without their text (the table of contents page), two queries."""
    sections = list(Section.objects.filter(edition=edition).order_by("order"))
    with_text = set(Block.objects.filter(section__edition=edition).values_list("section_id", flat=True).distinct())
    return _sections(sections, edition.address_kwargs, lambda s: [], lambda s: s.pk in with_text)


def plan_view(edition: Edition) -> PlanView:
    """Everything in an edition as the PDF prints it, in a constant number of queries."""
    sections = list(Section.objects.filter(edition=edition).order_by("order"))
    blocks = _blocks_of(sections)
    embedded = {b.framework_slug for rows in blocks.values() for b in rows if b.embed == Block.Embed.INDICATORS}
    return _plan(edition, WHOLE, sections, blocks, embedded)


def chapter_view(edition: Edition, key: str) -> PlanView | None:
    """The chapter at /chapters/<key>/ and what its embeds print; None when the edition has no such chapter.

    Every chapter's heading is there (the reader's previous and next), but the text of this one
    only, and of the plan's data only what this chapter's embeds print: the foreword reads no
    project, chapter ๖ no framework. ``complete`` is False.
    """
    sections = list(Section.objects.filter(edition=edition).order_by("order"))
    chapter = next((s for s in sections if s.parent_id is None and s.key == key), None)
    if chapter is None:
        return None
    blocks = _blocks_of(_below(sections, chapter))
    embeds = [b for rows in blocks.values() for b in rows if b.kind == Block.Kind.EMBED]
    framework_embeds = [b for b in embeds if b.embed not in DATA_EMBEDS]
    part = _Part(
        embeds=frozenset(b.embed for b in embeds if b.embed in DATA_EMBEDS),
        framework_slugs=frozenset(b.framework_slug for b in framework_embeds if b.framework_slug),
        it_plan=any(not b.framework_slug for b in framework_embeds),
    )
    # Whether a strategy prints its indicators depends on where else the document prints them.
    embedded = _indicator_tables(edition) if framework_embeds else set()
    return _plan(edition, part, sections, blocks, embedded)


def strategies_view(edition: Edition, slug: str) -> PlanView:
    """For a framework's page, no chapter (``complete`` is False): the framework with ``slug``
    and its links (higher strategies, supporters, projects). The list of frameworks is
    index.strategies_index()."""
    part = _Part(embeds=frozenset(), framework_slugs=frozenset([slug]), links=True)
    return _plan(edition, part, [], {}, _indicator_tables(edition))


def _below(sections: list[Section], chapter: Section) -> list[Section]:
    """The chapter and every section under it."""
    inside = {chapter.pk}
    for section in sections:  # in document order: a parent comes before its children
        if section.parent_id in inside:
            inside.add(section.pk)
    return [s for s in sections if s.pk in inside]


def _blocks_of(sections: list[Section]) -> dict[int, list[Block]]:
    """Section id -> its blocks in order, for these sections only (one query)."""
    found = defaultdict(list)
    for block in Block.objects.filter(section_id__in=[s.pk for s in sections]).order_by("section_id", "order", "pk"):
        found[block.section_id].append(block)
    return found


def _indicator_tables(edition: Edition) -> set[str]:
    """Slugs of the frameworks whose indicators table the edition's document prints (one query)."""
    return set(
        Block.objects.filter(section__edition=edition, embed=Block.Embed.INDICATORS).values_list(
            "framework_slug", flat=True
        )
    )


def _plan(edition: Edition, part: _Part, sections, blocks: dict[int, list[Block]], embedded: set[str]) -> PlanView:
    """The view of what ``part`` names; the rows of ``sections`` and ``blocks`` are already loaded."""
    address = edition.address_kwargs
    whole = part is WHOLE
    wants_frameworks = part.framework_slugs is None or part.framework_slugs or part.it_plan
    frameworks = (
        load_frameworks(
            edition, slugs=part.framework_slugs, it_plan=part.it_plan, links=part.links
        )
        if wants_frameworks
        else []
    )
    embeds = part.embeds
    projects = []
    if Block.Embed.PROJECT_DETAILS in embeds:
        projects = with_budgets(Project.objects.filter(edition=edition).select_related("unit", "strategy", "tactic"))
    summary, projects_have_sample = None, any(p.is_sample for p in projects)
    if Block.Embed.PROJECT_SUMMARY in embeds:
        summary, projects_have_sample = edition_budget_summary(edition)
    elif part.links and any(f.kind == Framework.Kind.IT_PLAN for f in frameworks):
        # The IT plan's page says it shows sample projects.
        projects_have_sample = Project.objects.filter(edition=edition, is_sample=True).exists()
    swot_rows = (
        list(SwotItem.objects.filter(edition=edition).order_by("kind", "order")) if Block.Embed.SWOT in embeds else []
    )
    committees = (
        list(
            Committee.objects.filter(edition=edition).prefetch_related(
                Prefetch("members", queryset=CommitteeMember.objects.order_by("order"))
            )
        )
        if Block.Embed.COMMITTEE in embeds
        else []
    )
    methods = (
        list(EvaluationMethod.objects.filter(edition=edition).order_by("order")) if Block.Embed.METHODS in embeds else []
    )
    schedule = (
        list(ScheduleRound.objects.filter(edition=edition).order_by("order")) if Block.Embed.SCHEDULE in embeds else []
    )

    supporters = supporters_of(edition, frameworks, address) if part.links else None
    framework_views = [framework_view(f, address, supporters, embedded) for f in frameworks]
    by_slug = {f.slug: f for f in framework_views}
    it_plan = next((f for f in framework_views if f.is_it_plan), None)

    swot = defaultdict(list)
    for item in swot_rows:
        swot[item.kind].append(SwotItemView(text=item.text, is_sample=item.is_sample))
    swot_tables = [
        SwotTable(
            left=SwotItem.Kind(left).label,
            right=SwotItem.Kind(right).label,
            left_items=swot.get(left, []),
            right_items=swot.get(right, []),
            rows=list(zip_longest(swot.get(left, []), swot.get(right, []))),
        )
        for left, right in SWOT_PAIRS
    ]
    embed_sample = {
        Block.Embed.SWOT: any(i.is_sample for i in swot_rows),
        Block.Embed.PROJECT_SUMMARY: projects_have_sample,
        Block.Embed.PROJECT_DETAILS: projects_have_sample,
        Block.Embed.COMMITTEE: any(c.is_sample for c in committees),
        Block.Embed.METHODS: any(m.is_sample for m in methods),
        Block.Embed.SCHEDULE: any(r.is_sample for r in schedule),
    }
    chapters = _sections(
        sections,
        address,
        lambda s: _blocks(blocks.get(s.pk, []), by_slug, it_plan, embed_sample),
        lambda s: bool(blocks.get(s.pk)),
    )
    has_sample = (
        edition.is_sample
        or any(embed_sample.values())
        or any(f.is_sample for f in frameworks)
        or any(b.is_sample for rows in blocks.values() for b in rows)
    )
    return PlanView(
        edition=edition,
        organization=edition.organization,
        complete=whole,
        chapters=chapters,
        frameworks=framework_views,
        projects=[_project(p, edition.years, address) for p in projects],
        budget_summary=summary,
        year_labels=[fmt.year(y) for y in edition.years],
        swot=dict(swot),
        swot_tables=swot_tables,
        committees=committees,
        methods=methods,
        schedule=schedule,
        has_sample=has_sample,
        projects_have_sample=projects_have_sample,
        swot_is_sample=embed_sample[Block.Embed.SWOT],
        committees_have_sample=embed_sample[Block.Embed.COMMITTEE],
        methods_have_sample=embed_sample[Block.Embed.METHODS],
        schedule_has_sample=embed_sample[Block.Embed.SCHEDULE],
        it_plan=it_plan,
    )
