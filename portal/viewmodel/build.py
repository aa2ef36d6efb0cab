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

from .types import (
    BlockView,
    FrameworkView,
    GoalView,
    IndicatorGroup,
    IndicatorView,
    Link,
    PlanView,
    PointView,
    ProjectRef,
    ProjectView,
    SectionView,
    StrategyView,
    SwotItemView,
    SwotTable,
    TacticView,
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


def target_text(target: IndicatorTarget | None) -> str:
    """A target cell: as printed; a target entered as a number only shows the number; else NO_VALUE."""
    if target is None:
        return fmt.NO_VALUE
    if target.text:
        return target.text
    if target.value is not None:
        return fmt.quantity(target.value)
    return fmt.NO_VALUE


def total_text(indicator: Indicator) -> str:
    if indicator.total_text:
        return indicator.total_text
    if indicator.total_value is not None:
        return fmt.quantity(indicator.total_value)
    return fmt.NO_VALUE


def _indicator(indicator: Indicator, years: list[int]) -> IndicatorView:
    by_year = {t.year: t for t in indicator.targets.all()}
    total = total_text(indicator)
    return IndicatorView(
        number=indicator.number,
        name=indicator.name,
        unit=indicator.unit,
        target_texts=[target_text(by_year.get(y)) for y in years],
        total_text=total,
        unit_not_in_targets=bool(indicator.unit) and indicator.unit not in (indicator.total_text or ""),
    )


def _tactic(tactic: Tactic) -> TacticView:
    return TacticView(number=tactic.number, text=tactic.text)


def _framework(framework: Framework, period: str, supporters: dict[int, list[Link]], embedded: set[int]) -> FrameworkView:
    years = framework.years or sorted({t.year for i in framework.indicators.all() for t in i.targets.all()})
    goals_tactics = defaultdict(list)
    strategy_tactics = defaultdict(list)
    loose_tactics = []
    for tactic in framework.tactics.all():
        if tactic.goal_id:
            goals_tactics[tactic.goal_id].append(_tactic(tactic))
        elif tactic.strategy_id:
            strategy_tactics[tactic.strategy_id].append(_tactic(tactic))
        else:
            loose_tactics.append(_tactic(tactic))
    strategy_indicators = defaultdict(list)
    loose_indicators = []
    for indicator in framework.indicators.all():
        view = _indicator(indicator, years)
        (strategy_indicators[indicator.strategy_id] if indicator.strategy_id else loose_indicators).append(view)
    # Without an indicators table of its own (the IT plan), each strategy shows its indicators.
    indicators_embedded = framework.pk in embedded

    strategies = []
    seen_numbers = set()
    times_printed = defaultdict(int)
    for strategy in framework.strategies.all():
        times_printed[strategy.number] += 1
        goals = [
            GoalView(number=g.number, text=g.text, tactics=goals_tactics.get(g.pk, [])) for g in strategy.goals.all()
        ]
        indicators = strategy_indicators.get(strategy.pk, [])
        view = StrategyView(
            pk=strategy.pk,
            number=strategy.number,
            label=fmt.strategy_label(strategy.number),
            title=strategy.title,
            heading=f"{fmt.strategy_label(strategy.number)} {strategy.heading_in_detail or strategy.title}",
            description=strategy.description,
            goals=goals,
            tactics=strategy_tactics.get(strategy.pk, []),
            indicators=indicators,
            indicators_in_details=[] if indicators_embedded else indicators,
            show_details=True,
            anchor=addresses.strategy_anchor(strategy.number, times_printed[strategy.number]),
            url=addresses.framework_url(
                period, framework.slug, addresses.strategy_anchor(strategy.number, times_printed[strategy.number])
            ),
            aligns_with=[
                Link(
                    label=f"{higher.framework}: {fmt.strategy_label(higher.number)}",
                    title=higher.title,
                    url=addresses.strategy_url(period, higher.framework.slug, higher.number),
                )
                for higher in strategy.aligns_with.all()
            ],
            supporters=supporters.get(strategy.pk, []),
            projects=[
                ProjectRef(
                    number=p.number,
                    label=f"{fmt.project_label(p.number)} {p.name}",
                    url=addresses.project_url(period, p.number),
                    is_sample=p.is_sample,
                )
                for p in strategy.projects.all()
            ],
        )
        # A source may list a strategy number twice (the DLA plan's ยุทธศาสตร์ที่ ๓): the repeat is
        # printed in the list, but the details that follow describe the number once.
        has_own = any(
            [view.description, view.goals, view.tactics, view.indicators, view.supporters, view.projects]
        )
        view.show_details = strategy.number not in seen_numbers or has_own
        seen_numbers.add(strategy.number)
        strategies.append(view)

    groups = [IndicatorGroup(heading=strategy_heading(s), indicators=s.indicators) for s in strategies if s.indicators]
    if loose_indicators:
        groups.append(IndicatorGroup(heading="", indicators=loose_indicators))
    points = defaultdict(list)
    for point in framework.points.all():
        points[point.kind].append(PointView(number=point.number, title=point.title, text=point.text))
    return FrameworkView(
        pk=framework.pk,
        kind=framework.kind,
        slug=framework.slug,
        name=framework.name,
        label=framework.short_name or framework.name,
        period_label=fmt.period_label(framework.start_year, framework.end_year),
        is_sample=framework.is_sample,
        is_it_plan=framework.kind == Framework.Kind.IT_PLAN,
        vision=framework.vision,
        values=framework.values,
        points=dict(points),
        strategies=strategies,
        loose_tactics=loose_tactics,
        indicator_groups=groups,
        year_labels=[fmt.year(y) for y in years],
        indicator_count=len(framework.indicators.all()),
        url=addresses.framework_url(period, framework.slug),
        indicators_anchor=addresses.indicators_anchor(framework.pk),
    )


def _supporters(frameworks: list[Framework], period: str) -> dict[int, list[Link]]:
    """Higher strategy id -> the IT strategies that support it, from the data already loaded."""
    found = defaultdict(list)
    for framework in frameworks:
        if framework.kind != Framework.Kind.IT_PLAN:
            continue
        for strategy in framework.strategies.all():
            for higher in strategy.aligns_with.all():
                found[higher.pk].append(
                    Link(
                        label=fmt.strategy_label(strategy.number),
                        title=strategy.title,
                        url=addresses.strategy_url(period, framework.slug, strategy.number),
                    )
                )
    return found


def _project(project: Project, years: list[int], period: str) -> ProjectView:
    return ProjectView(
        number=project.number,
        number_text=fmt.digits(project.number),
        label=fmt.project_label(project.number),
        name=project.name,
        url=addresses.project_url(period, project.number),
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


def _blocks(section: Section, frameworks: dict[int, FrameworkView], it_plan, embed_sample) -> list[BlockView]:
    blocks = []
    for block in section.blocks.all():
        framework = None
        content_is_sample = block.is_sample
        if block.kind == Block.Kind.EMBED:
            if block.embed in embed_sample:
                content_is_sample = content_is_sample or embed_sample[block.embed]
            else:
                # A framework embed without a framework shows the IT plan.
                framework = frameworks.get(block.framework_id) if block.framework_id else it_plan
                content_is_sample = content_is_sample or bool(framework and framework.is_sample)
        blocks.append(
            BlockView(
                kind=block.kind,
                marker=block.marker,
                text=mark_safe(block.text),  # sanitised on every write (RichTextField)
                is_sample=block.is_sample,
                embed=block.embed,
                framework=framework,
                content_is_sample=content_is_sample,
            )
        )
    return blocks


def _sections(sections: list[Section], period: str, blocks_of, has_own_text) -> list[SectionView]:
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
            url=addresses.chapter_url(period, chapter_key[section.pk], section.anchor),
            has_text=has_own_text(section),
            has_sample=any(b.is_sample for b in blocks),
        )
    chapters = []
    for section in sections:
        view = views[section.pk]
        parent = views.get(section.parent_id)
        (parent.children if parent else chapters).append(view)
    for chapter in chapters:
        chapter.url = addresses.chapter_url(period, chapter_key[chapter.pk])
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
    return _sections(sections, edition.slug, lambda s: [], lambda s: s.pk in with_text)


def plan_view(edition: Edition) -> PlanView:
    """Everything in an edition as the pages and the PDF show it, in a constant number of queries."""
    period = edition.slug
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
        block.framework_id for s in sections for block in s.blocks.all() if block.embed == Block.Embed.INDICATORS
    }
    supporters = _supporters(frameworks, period)
    framework_views = [_framework(f, period, supporters, embedded) for f in frameworks]
    by_id = {f.pk: f for f in framework_views}
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
        period,
        lambda s: _blocks(s, by_id, it_plan, embed_sample),
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
        projects=[_project(p, edition.years, period) for p in projects],
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
