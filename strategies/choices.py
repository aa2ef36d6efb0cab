"""The choice lists of strategies, tactics and indicators that the admin forms offer.

Each function returns a queryset ordered for a grouped <select> and the
``group_by`` that labels each group with its framework (plans/choices.py),
so that editors never pick "ยุทธศาสตร์ที่ ๑" without seeing whose it is.
"""

from plans.choices import FRAMEWORK_RANK, framework_label
from strategies.models import Framework, Indicator, Strategy, Tactic
from thaimuang_plan.lib import formatting

_digits = formatting.digits


def strategy_label(strategy: Strategy) -> str:
    return f"{formatting.strategy_label(strategy.number)} {strategy.title[:120]}"


def strategy_group(strategy: Strategy) -> str:
    return framework_label(strategy.framework)


def it_plan_strategies(edition=None):
    """Strategies of the IT plan (of ``edition`` when given): the only ones a project can serve."""
    queryset = Strategy.objects.filter(framework__kind=Framework.Kind.IT_PLAN)
    if edition is not None:
        queryset = queryset.filter(framework__edition=edition)
    return queryset.select_related("framework").order_by(
        "-framework__edition__start_year", "framework__order", "order", "number"
    )


def tactic_label(tactic: Tactic) -> str:
    return f"{_digits(tactic.number)} {tactic.text[:120]}".strip()


def tactic_group(tactic: Tactic) -> str:
    if tactic.strategy_id is None:
        return f"{framework_label(tactic.framework)} · ทั้งกรอบ"
    return f"{framework_label(tactic.framework)} · {formatting.strategy_label(tactic.strategy.number)}"


def it_plan_tactics(edition=None, strategy=None):
    """Tactics of the IT plan, of one strategy when it is known."""
    queryset = Tactic.objects.filter(framework__kind=Framework.Kind.IT_PLAN)
    if edition is not None:
        queryset = queryset.filter(framework__edition=edition)
    if strategy is not None:
        queryset = queryset.filter(strategy=strategy)
    return queryset.select_related("framework", "strategy").order_by(
        "-framework__edition__start_year", "framework__order", "strategy__order", "order"
    )


def higher_frameworks(framework: Framework | None):
    """Frameworks a strategy or tactic of ``framework`` may align with: those above it, same plan."""
    queryset = Framework.objects.all()
    if framework is None:
        return queryset.exclude(kind=Framework.Kind.IT_PLAN)
    rank = FRAMEWORK_RANK.get(framework.kind, 4)
    kinds = [kind for kind, r in FRAMEWORK_RANK.items() if r < rank]
    return queryset.filter(edition_id=framework.edition_id, kind__in=kinds)


def alignable_strategies(framework: Framework | None):
    return (
        Strategy.objects.filter(framework__in=higher_frameworks(framework))
        .select_related("framework")
        .order_by("framework__order", "order", "number")
    )


def alignable_tactics(framework: Framework | None):
    return (
        Tactic.objects.filter(framework__in=higher_frameworks(framework))
        .select_related("framework", "strategy")
        .order_by("framework__order", "strategy__order", "order")
    )


def indicator_label(indicator: Indicator) -> str:
    unit = f" ({indicator.unit})" if indicator.unit else ""
    return f"{_digits(indicator.number)} {indicator.name[:140]}{unit}".strip()


def indicator_group(indicator: Indicator) -> str:
    if indicator.strategy_id is None:
        return framework_label(indicator.framework)
    return f"{framework_label(indicator.framework)} · {formatting.strategy_label(indicator.strategy.number)}"


def plan_indicators(edition=None):
    """Indicators, grouped by framework and strategy, for choosing by name."""
    queryset = Indicator.objects.all()
    if edition is not None:
        queryset = queryset.filter(framework__edition=edition)
    return queryset.select_related("framework", "strategy").order_by(
        "-framework__edition__start_year", "framework__order", "strategy__order", "order"
    )
