"""The view of one framework: its strategies (and which are detailed), indicator cells, links."""

from __future__ import annotations

from collections import defaultdict

from portal import addresses
from projects.selectors import strategy_heading
from strategies.models import Framework, Indicator, IndicatorTarget, Tactic
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


def framework_view(framework: Framework, address: dict, supporters: dict[int, list[Link]], embedded: set[str]) -> FrameworkView:
    """One framework as shown; ``embedded``: slugs of the frameworks whose indicators table the document prints."""
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
    indicators_embedded = framework.slug in embedded

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
                address, framework.slug, addresses.strategy_anchor(strategy.number, times_printed[strategy.number])
            ),
            aligns_with=[
                Link(
                    label=f"{higher.framework}: {fmt.strategy_label(higher.number)}",
                    title=higher.title,
                    url=addresses.strategy_url(address, higher.framework.slug, higher.number),
                )
                for higher in strategy.aligns_with.all()
            ],
            supporters=supporters.get(strategy.pk, []),
            projects=[
                ProjectRef(
                    number=p.number,
                    label=f"{fmt.project_label(p.number)} {p.name}",
                    url=addresses.project_url(address, p.number),
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
        period_label=fmt.year_span(framework.start_year, framework.end_year),
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
        url=addresses.framework_url(address, framework.slug),
        indicators_anchor=addresses.indicators_anchor(framework.pk),
    )


def supporters_of(frameworks: list[Framework], address: dict) -> dict[int, list[Link]]:
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
                        url=addresses.strategy_url(address, framework.slug, strategy.number),
                    )
                )
    return found
