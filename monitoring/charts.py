"""A server-rendered bar chart of planned against spent budget per strategy (no JavaScript).

The template draws the SVG from these numbers; the same figures are printed
in a table next to it, which is what screen readers and printouts use.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from monitoring.rollups import RoundRollup
from thaimuang_plan.lib.formatting import strategy_label

LABEL_WIDTH = 230  # room for "ยุทธศาสตร์ที่ ๓" and the like, left of the bars
BAR_AREA = 520
BAR_HEIGHT = 16
GROUP_GAP = 18
TOP = 34


@dataclass
class Bar:
    y: int
    width: int
    amount: Decimal


@dataclass
class ChartRow:
    label: str
    title: str
    y: int
    planned: Bar
    spent: Bar


@dataclass
class BudgetChart:
    rows: list[ChartRow]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_area: int = BAR_AREA


def _length(amount: Decimal, top: Decimal) -> int:
    if not top or amount <= 0:
        return 0
    return max(1, int(round(BAR_AREA * amount / top)))


def budget_chart(rollup: RoundRollup) -> BudgetChart:
    top = rollup.chart_max
    rows = []
    y = TOP
    for group in rollup.strategies:
        if group.strategy is None:
            label, title = "ไม่ระบุยุทธศาสตร์", "โครงการที่ไม่ได้ระบุยุทธศาสตร์"
        else:
            label, title = strategy_label(group.strategy.number), group.strategy.title
        rows.append(
            ChartRow(
                label=label,
                title=title,
                y=y,
                planned=Bar(y=y, width=_length(group.planned, top), amount=group.planned),
                spent=Bar(y=y + BAR_HEIGHT + 2, width=_length(group.spent, top), amount=group.spent),
            )
        )
        y += 2 * BAR_HEIGHT + 2 + GROUP_GAP
    return BudgetChart(rows=rows, width=LABEL_WIDTH + BAR_AREA + 130, height=y)
