"""plan_view(): the one selector behind the document pages, the strategy pages and the plan PDF.

It loads an edition in a fixed number of queries and turns the rows into the typed view of
portal.viewmodel.types, making every display decision on the way.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import zip_longest

from django.db.models import Prefetch
from django.utils.safestring import mark_safe

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, Section, SwotItem
from portal import addresses
from projects.models import Project
from projects.selectors import budget_summary, strategy_heading, with_budgets
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib import formatting as fmt

from .frameworks import framework_view, supporters_of
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


def _frameworks(edition: Edition) -> list[Framework]:
    return list(
        Framework.objects.filter(edition=edition)
        .prefetch_related(
            Prefetch("points", queryset=FrameworkPoint.objects.order_by("kind", "order")),
            Prefetch(
                "strategies",
                queryset=Strategy.objects.order_by("order", "number").prefetch_related(
                    "aligns_with__framework",
                    Prefetch("goals", queryset=Goal.objects.order_by("order")),
                    Prefetch("projects", queryset=Project.objects.order_by("number")),
                ),
            ),
            Prefetch("tactics", queryset=Tactic.objects.order_by("order")),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.order_by("order").prefetch_related(
                    Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))
                ),
            ),
        )
        .order_by("order")
    )


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


def _blocks(section: Section, frameworks: dict[str, FrameworkView], it_plan, embed_sample) -> list[BlockView]:
    blocks = []
    for block in section.blocks.all():
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
    """Everything in an edition as the pages and the PDF show it, in a constant number of queries."""
    address = edition.address_kwargs
    sections = list(
        Section.objects.filter(edition=edition)
        .order_by("order")
        .prefetch_related(Prefetch("blocks", queryset=Block.objects.order_by("order")))
    )
    frameworks = _frameworks(edition)
    projects = with_budgets(Project.objects.filter(edition=edition).select_related("unit", "strategy", "tactic"))
    swot_rows = list(SwotItem.objects.filter(edition=edition).order_by("kind", "order"))
    committees = list(
        Committee.objects.filter(edition=edition).prefetch_related(
            Prefetch("members", queryset=CommitteeMember.objects.order_by("order"))
        )
    )
    methods = list(EvaluationMethod.objects.filter(edition=edition).order_by("order"))
    schedule = list(ScheduleRound.objects.filter(edition=edition).order_by("order"))

    embedded = {
        block.framework_slug for s in sections for block in s.blocks.all() if block.embed == Block.Embed.INDICATORS
    }
    supporters = supporters_of(frameworks, address)
    framework_views = [framework_view(f, address, supporters, embedded) for f in frameworks]
    by_slug = {f.slug: f for f in framework_views}
    it_plan = next((f for f in framework_views if f.is_it_plan), None)
    it_plan_row = next((f for f in frameworks if f.kind == Framework.Kind.IT_PLAN), None)

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
    projects_have_sample = any(p.is_sample for p in projects)
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
        lambda s: _blocks(s, by_slug, it_plan, embed_sample),
        lambda s: bool(s.blocks.all()),
    )
    has_sample = (
        edition.is_sample
        or any(embed_sample.values())
        or any(f.is_sample for f in frameworks)
        or any(b.is_sample for s in sections for b in s.blocks.all())
    )
    return PlanView(
        edition=edition,
        organization=edition.organization,
        chapters=chapters,
        frameworks=framework_views,
        projects=[_project(p, edition.years, address) for p in projects],
        budget_summary=budget_summary(edition, projects, it_plan_row),
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
