"""Roll-ups of a round's records: progress and budget execution per strategy and for the whole plan.

Everything here is computed from the committee's records, never typed twice,
and runs no query: the functions take objects already loaded
(``monitoring.selectors`` loads them in a fixed number of queries).

The rules, as the committee reads them on the page and in the annual report:

* **Which projects.** A project belongs to a round when it has a budget line
  in the round's fiscal year, or when the committee recorded it anyway (a
  project carried over from another year). Its planned budget is its budget
  line for that year, 0 when it has none.
* **Progress** of a strategy (or of the plan) is the average of the recorded
  "share done", weighted by each project's planned budget for the year.
  - A *postponed* project counts as 0 % done, with its full weight: the plan
    promised it this year and it did not happen.
  - A *cancelled* project is left out of the weighted progress (it will not be
    done, so it would drag the figure down for ever) and is listed apart.
  - A project with *no record* in the round is left out too (nothing is
    guessed) and is listed as missing.
  - When every project counted has a planned budget of 0 (no budget line that
    year, or a line of 0 baht), budget weights say nothing, so each project
    weighs the same: a plain average. Within a mix, a project of 0 baht weighs
    0. ``Rollup.weighting`` says which rule was used ("budget" or "equal").
  The whole-plan figure applies the same rule to all projects at once, so it
  is not the average of the strategies' figures when one of them fell back to
  equal weights.
* **Budget execution** is spent / planned: the budget spent as recorded
  (missing projects add nothing) against the budget the plan set for the
  year for all of the round's projects, cancelled ones included, so it
  compares what happened with the plan as printed (form ผ.01). None when the
  planned total is 0.
* **Indicators** are met when the actual value is at least the target for the
  year (actual ≥ target). Indicators where lower is better are not told apart:
  the plan's indicators all count things to reach (times, places, per cent
  satisfied). No target that year (printed "-"), or no actual value yet,
  means "not assessed", never "not met".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from monitoring.models import IndicatorResult, ProjectProgress

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

Status = ProjectProgress.Status


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return (part * HUNDRED / whole).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class ProjectLine:
    """One project of a round: its plan for the year next to what was recorded."""

    project: object  # projects.Project
    record: ProjectProgress | None
    planned: Decimal
    has_budget_line: bool

    @property
    def is_missing(self) -> bool:
        """Due a record (a budget line this year, monitoring.selectors.due_a_record) and none recorded."""
        return self.has_budget_line and self.record is None

    @property
    def status(self) -> str | None:
        return self.record.status if self.record else None

    @property
    def is_cancelled(self) -> bool:
        return self.status == Status.CANCELLED

    @property
    def counts_in_progress(self) -> bool:
        return self.record is not None and not self.is_cancelled

    @property
    def percent(self) -> Decimal | None:
        """Share done as counted in the roll-up: postponed projects count as 0."""
        if self.record is None:
            return None
        if self.record.status == Status.POSTPONED:
            return ZERO
        return Decimal(self.record.percent_done)

    @property
    def spent(self) -> Decimal | None:
        return self.record.budget_spent if self.record else None

    @property
    def execution(self) -> Decimal | None:
        if self.record is None or not self.planned:
            return None
        return _pct(self.record.budget_spent, self.planned)


@dataclass
class Rollup:
    """Progress and budget execution of a group of projects (a strategy, or the plan)."""

    strategy: object | None  # strategies.Strategy; None for "no strategy" and for the whole plan
    lines: list[ProjectLine]
    planned: Decimal = ZERO
    spent: Decimal = ZERO
    progress: Decimal | None = None
    weighting: str | None = None  # "budget", "equal", or None when nothing could be counted
    status_counts: dict[str, int] = field(default_factory=dict)

    @property
    def execution(self) -> Decimal | None:
        return _pct(self.spent, self.planned) if self.planned else None

    @property
    def missing(self) -> list[ProjectLine]:
        return [line for line in self.lines if line.is_missing]

    @property
    def cancelled(self) -> list[ProjectLine]:
        return [line for line in self.lines if line.is_cancelled]

    @property
    def recorded_count(self) -> int:
        return sum(1 for line in self.lines if not line.is_missing)


def weighted_progress(lines: list[ProjectLine]) -> tuple[Decimal | None, str | None]:
    """(progress %, weighting rule) over ``lines``; see the module docstring for the rules."""
    counted = [line for line in lines if line.counts_in_progress]
    if not counted:
        return None, None
    total_weight = sum((line.planned for line in counted), ZERO)
    if total_weight > 0:
        weighted = sum((line.planned * line.percent for line in counted), ZERO)
        return (weighted / total_weight).quantize(CENT, rounding=ROUND_HALF_UP), "budget"
    plain = sum((line.percent for line in counted), ZERO) / len(counted)
    return plain.quantize(CENT, rounding=ROUND_HALF_UP), "equal"


def rollup(lines: list[ProjectLine], *, strategy=None) -> Rollup:
    progress, weighting = weighted_progress(lines)
    return Rollup(
        strategy=strategy,
        lines=lines,
        planned=sum((line.planned for line in lines), ZERO),
        spent=sum((line.spent for line in lines if line.spent is not None), ZERO),
        progress=progress,
        weighting=weighting,
        status_counts=dict(Counter(line.status for line in lines if line.status)),
    )


def project_lines(*, fiscal_year: int, projects, records) -> list[ProjectLine]:
    """The round's projects (budget line that year, or a record) in project order.

    ``projects`` need their budgets loaded (``budget_list``, or a prefetched
    ``budgets``); ``records`` are the round's ProjectProgress rows.
    """
    by_project = {record.project_id: record for record in records}
    lines = []
    for project in projects:
        budgets = getattr(project, "budget_list", None)
        if budgets is None:
            budgets = project.budgets.all()
        line_for_year = next((b for b in budgets if b.fiscal_year == fiscal_year), None)
        record = by_project.get(project.pk)
        if line_for_year is None and record is None:
            continue
        lines.append(
            ProjectLine(
                project=project,
                record=record,
                planned=line_for_year.amount if line_for_year else ZERO,
                has_budget_line=line_for_year is not None,
            )
        )
    lines.sort(key=lambda line: line.project.number)
    return lines


@dataclass
class RoundRollup:
    fiscal_year: int
    lines: list[ProjectLine]
    strategies: list[Rollup]
    plan: Rollup

    @property
    def missing(self) -> list[ProjectLine]:
        return self.plan.missing

    @property
    def cancelled(self) -> list[ProjectLine]:
        return self.plan.cancelled

    @property
    def chart_max(self) -> Decimal:
        """The largest planned or spent amount of a strategy: the full length of a chart bar."""
        return max([r.planned for r in self.strategies] + [r.spent for r in self.strategies] + [ZERO])


def round_rollup(*, fiscal_year: int, projects, records, strategies) -> RoundRollup:
    """Roll a round's records up per strategy (in ``strategies`` order) and for the plan.

    Strategies without a project in the round are left out; projects whose
    strategy is not in ``strategies`` (or have none) form a last group with
    ``strategy=None``.
    """
    lines = project_lines(fiscal_year=fiscal_year, projects=projects, records=records)
    known = {s.pk for s in strategies}
    groups: dict[int | None, list[ProjectLine]] = {}
    for line in lines:
        key = line.project.strategy_id if line.project.strategy_id in known else None
        groups.setdefault(key, []).append(line)
    per_strategy = [rollup(groups[s.pk], strategy=s) for s in strategies if s.pk in groups]
    if None in groups:
        per_strategy.append(rollup(groups[None]))
    return RoundRollup(fiscal_year=fiscal_year, lines=lines, strategies=per_strategy, plan=rollup(lines))


# -- Indicators ------------------------------------------------------------------------------

MET = "met"
NOT_MET = "not_met"
NO_TARGET = "no_target"
NO_RESULT = "no_result"

INDICATOR_STATES = {
    MET: "บรรลุเป้าหมาย",
    NOT_MET: "ไม่บรรลุเป้าหมาย",
    NO_TARGET: "ไม่มีค่าเป้าหมายในปีนี้",
    NO_RESULT: "ยังไม่มีผล",
}


@dataclass
class IndicatorLine:
    indicator: object  # strategies.Indicator
    target: object | None  # strategies.IndicatorTarget for the year
    result: IndicatorResult | None

    @property
    def state(self) -> str:
        if self.target is None or self.target.value is None:
            return NO_TARGET
        if self.result is None or self.result.actual_value is None:
            return NO_RESULT
        return MET if self.result.actual_value >= self.target.value else NOT_MET

    @property
    def state_label(self) -> str:
        return INDICATOR_STATES[self.state]


@dataclass
class IndicatorSummary:
    fiscal_year: int
    lines: list[IndicatorLine]

    def count(self, state: str) -> int:
        return sum(1 for line in self.lines if line.state == state)

    @property
    def met(self) -> int:
        return self.count(MET)

    @property
    def not_met(self) -> int:
        return self.count(NOT_MET)

    @property
    def not_assessed(self) -> int:
        return self.count(NO_TARGET) + self.count(NO_RESULT)


def indicator_summary(*, fiscal_year: int, indicators, results) -> IndicatorSummary:
    """Target against actual for each indicator in ``fiscal_year`` (targets must be loaded)."""
    by_indicator = {r.indicator_id: r for r in results if r.fiscal_year == fiscal_year}
    lines = []
    for indicator in indicators:
        targets = getattr(indicator, "target_list", None)
        if targets is None:
            targets = indicator.targets.all()
        target = next((t for t in targets if t.year == fiscal_year), None)
        lines.append(IndicatorLine(indicator=indicator, target=target, result=by_indicator.get(indicator.pk)))
    return IndicatorSummary(fiscal_year=fiscal_year, lines=lines)
