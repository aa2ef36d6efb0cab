"""The view of one framework: its strategies (and which are detailed), indicator cells, links.

load_frameworks() reads the frameworks a page shows; framework_view() turns one into its view.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q

from plans.models import Edition
from portal import addresses
from projects.models import Project
from projects.selectors import strategy_heading
from strategies.models import (
    Framework,
    FrameworkPoint,
    Goal,
    Indicator,
    IndicatorTarget,
    Strategy,
    Tactic,
)
from thaimuang_plan.lib import formatting as fmt

from .types import (
    FrameworkView,
    GoalView,
    IndicatorGroup,
    IndicatorView,
    Link,
    PointView,
    ProjectRef,
    StrategyView,
    TacticView,
)

Alignment = Strategy.aligns_with.through


def load_frameworks(
    edition: Edition, *, slugs=None, it_plan: bool = False, links: bool = False
) -> list[Framework]:
    """The edition's frameworks in their order, with everything their views show, in a fixed
    number of queries: every framework, or those named in ``slugs`` (and the IT plan with
    ``it_plan``). ``links`` adds what only the strategy pages show: each strategy's higher
    strategies and projects. Either way each strategy knows whether it has details of its own
    (``has_own_details``: a repeated number is detailed only with them).
    """
    frameworks = Framework.objects.filter(edition=edition)
    if slugs is not None:
        wanted = Q(slug__in=slugs)
        if it_plan:
            wanted |= Q(kind=Framework.Kind.IT_PLAN)
        frameworks = frameworks.filter(wanted)
    # "pk" last, as the strategies index counts a repeated number's anchors (index.py).
    strategies = Strategy.objects.order_by("order", "number", "pk").annotate(has_own_details=has_own_details(edition))
    # Prefetched into lists (to_attr) rather than the related managers' caches, for which Django
    # builds a queryset per row: at a few hundred strategies that was most of a page's time.
    strategies = strategies.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.order_by("order"), to_attr="goal_list")
    )
    if links:
        strategies = strategies.prefetch_related(
            Prefetch("aligns_with", queryset=Strategy.objects.select_related("framework"), to_attr="higher_list"),
            Prefetch(
                "projects",
                queryset=Project.objects.order_by("number").only("pk", "number", "name", "is_sample", "strategy"),
                to_attr="project_list",
            ),
        )
    return list(
        frameworks.prefetch_related(
            Prefetch("points", queryset=FrameworkPoint.objects.order_by("kind", "order"), to_attr="point_list"),
            Prefetch("strategies", queryset=strategies, to_attr="strategy_list"),
            Prefetch("tactics", queryset=Tactic.objects.order_by("order"), to_attr="tactic_list"),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.order_by("order").prefetch_related(
                    Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"), to_attr="target_list")
                ),
                to_attr="indicator_list",
            ),
        ).order_by("order")
    )


def has_own_details(edition: Edition) -> ExpressionWrapper:
    """An annotation: whether a strategy has anything of its own to detail (a description, goals,
    tactics or indicators under it, projects, or IT strategies of ``edition`` that support it).
    A source may list a strategy number twice (the DLA plan's ยุทธศาสตร์ที่ ๓); a repeat without
    any is listed but not detailed (``is_detailed``), wherever the strategy is shown."""
    below = OuterRef("pk")
    return ExpressionWrapper(
        ~Q(description="")
        | Exists(Goal.objects.filter(strategy=below))
        | Exists(Tactic.objects.filter(strategy=below, goal=None))
        | Exists(Indicator.objects.filter(strategy=below))
        | Exists(Project.objects.filter(strategy=below))
        | Exists(
            Alignment.objects.filter(
                to_strategy=below,
                from_strategy__framework__edition=edition,
                from_strategy__framework__kind=Framework.Kind.IT_PLAN,
            )
        ),
        output_field=BooleanField(),
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
    by_year = {t.year: t for t in indicator.target_list}
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


def framework_view(
    framework: Framework, address: dict, supporters: dict[int, list[Link]] | None, embedded: set[str]
) -> FrameworkView:
    """One framework as shown; ``embedded``: slugs of the frameworks whose indicators table the document prints.

    ``supporters`` (from ``supporters_of``) when the framework was loaded with its links: then
    its strategies list their higher strategies, supporters and projects; else they are left
    empty (no chapter and no PDF prints them).
    """
    links = supporters is not None
    years = framework.years or sorted({t.year for i in framework.indicator_list for t in i.target_list})
    goals_tactics = defaultdict(list)
    strategy_tactics = defaultdict(list)
    loose_tactics = []
    for tactic in framework.tactic_list:
        if tactic.goal_id:
            goals_tactics[tactic.goal_id].append(_tactic(tactic))
        elif tactic.strategy_id:
            strategy_tactics[tactic.strategy_id].append(_tactic(tactic))
        else:
            loose_tactics.append(_tactic(tactic))
    strategy_indicators = defaultdict(list)
    loose_indicators = []
    for indicator in framework.indicator_list:
        view = _indicator(indicator, years)
        (strategy_indicators[indicator.strategy_id] if indicator.strategy_id else loose_indicators).append(view)
    # Without an indicators table of its own (the IT plan), each strategy shows its indicators.
    indicators_embedded = framework.slug in embedded

    strategies = []
    times_printed = defaultdict(int)
    for strategy in framework.strategy_list:
        times_printed[strategy.number] += 1
        goals = [
            GoalView(number=g.number, text=g.text, tactics=goals_tactics.get(g.pk, [])) for g in strategy.goal_list
        ]
        indicators = strategy_indicators.get(strategy.pk, [])
        view = _strategy_view(strategy, framework, address, times_printed[strategy.number])
        view.goals = goals
        view.tactics = strategy_tactics.get(strategy.pk, [])
        view.indicators = indicators
        view.indicators_in_details = [] if indicators_embedded else indicators
        if links:
            view.aligns_with = _higher_links(strategy, address)
            view.supporters = supporters.get(strategy.pk, [])
            view.projects = [
                ProjectRef(
                    number=p.number,
                    label=f"{fmt.project_label(p.number)} {p.name}",
                    url=addresses.project_url(address, p.number),
                    is_sample=p.is_sample,
                )
                for p in strategy.project_list
            ]
            view.project_count = len(view.projects)
        strategies.append(view)

    groups = [IndicatorGroup(heading=strategy_heading(s), indicators=s.indicators) for s in strategies if s.indicators]
    if loose_indicators:
        groups.append(IndicatorGroup(heading="", indicators=loose_indicators))
    points = defaultdict(list)
    for point in framework.point_list:
        points[point.kind].append(PointView(number=point.number, title=point.title, text=point.text))
    view = _framework_view(framework, address, strategies, len(framework.indicator_list))
    view.points = dict(points)
    view.loose_tactics = loose_tactics
    view.indicator_groups = groups
    view.year_labels = [fmt.year(y) for y in years]
    return view


def is_detailed(times_printed: int, has_own_details: bool) -> bool:
    """A strategy is detailed the first time its number is listed; a repeat of the number (the
    DLA plan's ยุทธศาสตร์ที่ ๓ is listed twice) only with details of its own (``has_own_details``):
    else the details that follow describe the number once."""
    return times_printed == 1 or has_own_details


def _strategy_view(strategy: Strategy, framework: Framework, address: dict, times_printed: int) -> StrategyView:
    """A strategy's own fields; ``times_printed``: how many times its number was listed up to it;
    ``strategy`` carries ``has_own_details``. A repeat that is not detailed has no section of its
    own: its anchor (and its link) is its number's first, the section that describes the number."""
    detailed = is_detailed(times_printed, strategy.has_own_details)
    anchor = addresses.strategy_anchor(strategy.number, times_printed if detailed else 1)
    return StrategyView(
        pk=strategy.pk,
        number=strategy.number,
        label=fmt.strategy_label(strategy.number),
        title=strategy.title,
        heading=f"{fmt.strategy_label(strategy.number)} {strategy.heading_in_detail or strategy.title}",
        description=strategy.description,
        goals=[],
        tactics=[],
        indicators=[],
        indicators_in_details=[],
        show_details=detailed,
        anchor=anchor,
        url=addresses.framework_url(address, framework.slug, anchor),
    )


def _higher_links(strategy: Strategy, address: dict) -> list[Link]:
    return [
        Link(
            label=f"{higher.framework}: {fmt.strategy_label(higher.number)}",
            title=higher.title,
            url=addresses.strategy_url(address, higher.framework.slug, higher.number),
        )
        for higher in strategy.higher_list
    ]


def _framework_view(framework: Framework, address: dict, strategies: list[StrategyView], indicators: int) -> FrameworkView:
    return FrameworkView(
        pk=framework.pk,
        kind=framework.kind,
        slug=framework.slug,
        name=framework.name,
        label=framework.short_name or framework.name,
        period_label=fmt.year_span(framework.start_year, framework.end_year),
        is_sample=framework.is_sample,
        is_it_plan=framework.kind == Framework.Kind.IT_PLAN,
        vision=framework.vision,
        values=framework.values,
        points={},
        strategies=strategies,
        loose_tactics=[],
        indicator_groups=[],
        year_labels=[],
        indicator_count=indicators,
        url=addresses.framework_url(address, framework.slug),
        indicators_anchor=addresses.indicators_anchor(framework.pk),
    )


def supporters_of(edition: Edition, frameworks: list[Framework], address: dict) -> dict[int, list[Link]]:
    """Strategy id (of ``frameworks``) -> the IT strategies of the edition that support it, one query."""
    rows = (
        Alignment.objects.filter(
            to_strategy__framework__in=frameworks,
            from_strategy__framework__edition=edition,
            from_strategy__framework__kind=Framework.Kind.IT_PLAN,
        )
        .select_related("from_strategy__framework")
        .order_by(
            "from_strategy__framework__order",
            "from_strategy__framework_id",
            "from_strategy__order",
            "from_strategy__number",
            "from_strategy_id",
        )
    )
    found = defaultdict(list)
    for row in rows:
        strategy = row.from_strategy
        found[row.to_strategy_id].append(
            Link(
                label=fmt.strategy_label(strategy.number),
                title=strategy.title,
                url=addresses.strategy_url(address, strategy.framework.slug, strategy.number),
            )
        )
    return found
