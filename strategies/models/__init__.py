from .framework import Framework, FrameworkPoint, FrameworkQuerySet
from .hierarchy import Goal, Strategy, Tactic, strategy_anchor
from .indicators import TARGET_YEAR_OUTSIDE_PERIOD, Indicator, IndicatorTarget

__all__ = [
    "TARGET_YEAR_OUTSIDE_PERIOD",
    "Framework",
    "FrameworkPoint",
    "FrameworkQuerySet",
    "Goal",
    "Indicator",
    "IndicatorTarget",
    "Strategy",
    "Tactic",
    "strategy_anchor",
]
