"""Reading the monitoring records in a fixed number of queries, whatever the number of projects."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from monitoring.models import (
    Committee,
    CommitteeMember,
    EvaluationMethod,
    EvaluationRound,
    IndicatorResult,
    ProjectProgress,
    RoundFinding,
    ScheduleRound,
)
from monitoring.rollups import IndicatorSummary, RoundRollup, indicator_summary, round_rollup
from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Indicator, IndicatorTarget, Strategy


@dataclass
class RoundResults:
    round: EvaluationRound
    rollup: RoundRollup
    indicators: IndicatorSummary
    findings: list[RoundFinding]
    recommendations: list[RoundFinding]
    has_sample: bool


def due_a_record(fiscal_year) -> Q:
    """Projects that owe a record in a round: a budget line in the round's fiscal year.

    A due project without a record in the round is *missing* (ProjectLine.is_missing, the admin's
    "ยังไม่บันทึก" count); ``fiscal_year`` may be an OuterRef for a per-round subquery.
    """
    return Q(budgets__fiscal_year=fiscal_year)


def year_projects(
    edition: Edition, fiscal_year: int, *, round: EvaluationRound | None = None
) -> list[Project]:
    """Projects with a budget line in the year (or a record in ``round``), budgets loaded. Two queries."""
    scope = due_a_record(fiscal_year)
    if round is not None:
        scope |= Q(progress__round=round)
    ids = Project.objects.filter(scope, edition=edition).values("pk")
    projects = list(
        Project.objects.filter(pk__in=ids)
        .select_related("strategy", "unit")
        .prefetch_related(Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year")))
        .order_by("number")
    )
    for project in projects:
        project.budget_list = list(project.budgets.all())
        project.planned_in_year = next(
            (b.amount for b in project.budget_list if b.fiscal_year == fiscal_year), None
        )
    return projects


def it_plan_strategies(edition: Edition) -> list[Strategy]:
    return list(
        Strategy.objects.filter(framework__edition=edition, framework__kind=Framework.Kind.IT_PLAN).order_by(
            "framework__order", "order", "number"
        )
    )


def it_plan_indicators(edition: Edition, fiscal_year: int) -> tuple[list[Indicator], list[IndicatorResult]]:
    """The IT plan's indicators with their targets, and their results for the year. Three queries."""
    indicators = list(
        Indicator.objects.filter(framework__edition=edition, framework__kind=Framework.Kind.IT_PLAN)
        .select_related("strategy")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")))
        .order_by("framework__order", "order")
    )
    for indicator in indicators:
        indicator.target_list = list(indicator.targets.all())
    results = list(
        IndicatorResult.objects.filter(indicator__in=[i.pk for i in indicators], fiscal_year=fiscal_year)
    )
    return indicators, results


def round_results(round: EvaluationRound) -> RoundResults:
    """A round's records and their roll-ups. Eight queries (``round.edition`` should be loaded)."""
    edition = round.edition
    projects = year_projects(edition, round.fiscal_year, round=round)
    records = list(ProjectProgress.objects.filter(round=round))
    strategies = it_plan_strategies(edition)
    indicators, results = it_plan_indicators(edition, round.fiscal_year)
    findings = list(RoundFinding.objects.filter(round=round).order_by("kind", "order", "pk"))
    rollup = round_rollup(
        fiscal_year=round.fiscal_year, projects=projects, records=records, strategies=strategies
    )
    return RoundResults(
        round=round,
        rollup=rollup,
        indicators=indicator_summary(fiscal_year=round.fiscal_year, indicators=indicators, results=results),
        findings=[f for f in findings if f.kind == RoundFinding.Kind.FINDING],
        recommendations=[f for f in findings if f.kind == RoundFinding.Kind.RECOMMENDATION],
        has_sample=round.is_sample
        or any(line.project.is_sample for line in rollup.lines)
        or any(r.is_sample for r in results),
    )


def published_rounds(edition: Edition) -> list[EvaluationRound]:
    """The edition's published rounds, newest first. One query."""
    return list(
        EvaluationRound.objects.filter(edition=edition)
        .published()
        .select_related("schedule_round")
        .order_by("-fiscal_year", "-period_end", "-pk")
    )


@dataclass
class MonitoringOverview:
    committees: list[Committee]
    methods: list[EvaluationMethod]
    schedule: list[ScheduleRound]
    rounds: list[EvaluationRound]
    latest: RoundResults | None

    @property
    def has_sample(self) -> bool:
        return (
            any(c.is_sample for c in self.committees + self.methods + self.schedule)
            or bool(self.latest and self.latest.has_sample)
            or any(r.is_sample for r in self.rounds)
        )


def committees_with_members(edition: Edition) -> list[Committee]:
    committees = list(
        Committee.objects.filter(edition=edition).prefetch_related(
            Prefetch("members", queryset=CommitteeMember.objects.order_by("order", "pk"))
        )
    )
    for committee in committees:
        committee.member_list = list(committee.members.all())
    return committees


def monitoring_overview(edition: Edition) -> MonitoringOverview:
    """What the monitoring page shows: committee, methods, schedule, published rounds, latest results."""
    rounds = published_rounds(edition)
    for r in rounds:
        r.edition = edition
    return MonitoringOverview(
        committees=committees_with_members(edition),
        methods=list(EvaluationMethod.objects.filter(edition=edition).order_by("order")),
        schedule=list(ScheduleRound.objects.filter(edition=edition).order_by("order")),
        rounds=rounds,
        latest=round_results(rounds[0]) if rounds else None,
    )
