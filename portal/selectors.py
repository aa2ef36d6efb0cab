"""Reading a whole plan in a fixed number of queries.

``plan_tree`` is the one query path behind the document pages, the strategy
pages and the PDF: they all render the same objects, so they cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, Section, SwotItem
from projects.models import Project, ProjectBudget
from projects.selectors import BudgetSummary, budget_summary, with_budgets
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic


@dataclass
class PlanTree:
    edition: Edition
    sections: list[Section]
    chapters: list[Section]
    frameworks: list[Framework]
    projects: list[Project]
    swot: dict[str, list[SwotItem]]
    committees: list[Committee]
    methods: list[EvaluationMethod]
    schedule: list[ScheduleRound]
    has_sample: bool = False
    frameworks_by_id: dict[int, Framework] = field(default_factory=dict)

    @property
    def it_plan(self) -> Framework | None:
        return next((f for f in self.frameworks if f.kind == Framework.Kind.IT_PLAN), None)

    def framework(self, slug: str) -> Framework | None:
        return next((f for f in self.frameworks if f.slug == slug), None)

    def budget_summary(self) -> BudgetSummary:
        return budget_summary(self.edition, self.projects, self.it_plan)


def _framework_queryset():
    return Framework.objects.prefetch_related(
        Prefetch("points", queryset=FrameworkPoint.objects.order_by("kind", "order")),
        Prefetch(
            "strategies",
            queryset=Strategy.objects.order_by("order", "number").prefetch_related(
                "aligns_with__framework",
                Prefetch("goals", queryset=Goal.objects.order_by("order")),
                Prefetch("projects", queryset=Project.objects.order_by("number")),
            ),
        ),
        Prefetch("tactics", queryset=Tactic.objects.order_by("order").prefetch_related("aligns_with")),
        Prefetch(
            "indicators",
            queryset=Indicator.objects.order_by("order").prefetch_related(
                Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))
            ),
        ),
    ).order_by("order")


def _arrange_framework(framework: Framework) -> None:
    """Hang tactics and indicators under their goal or strategy, in memory."""
    goals_by_id = {}
    seen_numbers = set()
    for strategy in framework.strategies.all():
        # A source may list a strategy number twice (the DLA plan's ยุทธศาสตร์ที่ ๓): the repeat is
        # printed in the list, but the details that follow describe the number once.
        strategy.repeats_number = strategy.number in seen_numbers
        seen_numbers.add(strategy.number)
        strategy.goal_list = list(strategy.goals.all())
        strategy.direct_tactics = []
        strategy.indicator_list = []
        for goal in strategy.goal_list:
            goal.tactic_list = []
            goals_by_id[goal.pk] = goal
    strategies_by_id = {s.pk: s for s in framework.strategies.all()}
    framework.loose_tactics = []
    for tactic in framework.tactics.all():
        if tactic.goal_id in goals_by_id:
            goals_by_id[tactic.goal_id].tactic_list.append(tactic)
        elif tactic.strategy_id in strategies_by_id:
            strategies_by_id[tactic.strategy_id].direct_tactics.append(tactic)
        else:
            framework.loose_tactics.append(tactic)
    framework.loose_indicators = []
    for indicator in framework.indicators.all():
        indicator.target_list = list(indicator.targets.all())
        indicator.target_by_year = {t.year: t for t in indicator.target_list}
        indicator.total_ok = indicator.total_matches(indicator.target_list)
        if indicator.strategy_id in strategies_by_id:
            strategies_by_id[indicator.strategy_id].indicator_list.append(indicator)
        else:
            framework.loose_indicators.append(indicator)
    points = defaultdict(list)
    for point in framework.points.all():
        points[point.kind].append(point)
    framework.point_lists = dict(points)
    framework.indicator_years = framework.years or sorted(
        {t.year for i in framework.indicators.all() for t in i.target_list}
    )
    for indicator in framework.indicators.all():
        # One cell per column of the indicator table (None where no target is set), for templates.
        indicator.year_targets = [indicator.target_by_year.get(y) for y in framework.indicator_years]


def plan_tree(edition: Edition) -> PlanTree:
    """Everything in an edition, loaded with a constant number of queries."""
    sections = list(
        Section.objects.filter(edition=edition)
        .order_by("order")
        .prefetch_related(Prefetch("blocks", queryset=Block.objects.order_by("order")))
    )
    by_parent = defaultdict(list)
    for section in sections:
        by_parent[section.parent_id].append(section)
    for section in sections:
        section.child_list = by_parent.get(section.pk, [])
        section.block_list = list(section.blocks.all())
    chapters = by_parent.get(None, [])

    frameworks = list(_framework_queryset().filter(edition=edition))
    for framework in frameworks:
        _arrange_framework(framework)

    projects = with_budgets(Project.objects.filter(edition=edition).select_related("unit", "strategy", "tactic"))

    swot = defaultdict(list)
    swot_items = list(SwotItem.objects.filter(edition=edition).order_by("kind", "order"))
    for item in swot_items:
        swot[item.kind].append(item)

    committees = list(
        Committee.objects.filter(edition=edition).prefetch_related(
            Prefetch("members", queryset=CommitteeMember.objects.order_by("order"))
        )
    )
    methods = list(EvaluationMethod.objects.filter(edition=edition).order_by("order"))
    schedule = list(ScheduleRound.objects.filter(edition=edition).order_by("order"))

    has_sample = any(
        obj.is_sample for obj in [*frameworks, *projects, *swot_items, *committees, *methods, *schedule]
    ) or any(block.is_sample for s in sections for block in s.block_list)

    return PlanTree(
        edition=edition,
        sections=sections,
        chapters=chapters,
        frameworks=frameworks,
        projects=projects,
        swot=dict(swot),
        committees=committees,
        methods=methods,
        schedule=schedule,
        has_sample=has_sample,
        frameworks_by_id={f.pk: f for f in frameworks},
    )


@dataclass
class EditionOverview:
    """The figures on an edition's front page, without loading the whole plan tree."""

    edition: Edition
    frameworks: list[Framework]
    it_plan: Framework | None
    missions: list[FrameworkPoint]
    strategy_count: int
    project_count: int
    total_budget: Decimal
    budget_by_year: list[dict]  # [{"year", "amount", "count"}] for every year of the edition
    has_sample: bool


def edition_overview(edition: Edition) -> EditionOverview:
    """Front-page facts of an edition in five queries, whatever the size of the plan."""
    frameworks = list(
        Framework.objects.filter(edition=edition)
        .prefetch_related(Prefetch("points", queryset=FrameworkPoint.objects.order_by("kind", "order")))
        .annotate(strategy_count=Count("strategies"))
        .order_by("order")
    )
    it_plan = next((f for f in frameworks if f.kind == Framework.Kind.IT_PLAN), None)
    missions = [p for p in it_plan.points.all() if p.kind == FrameworkPoint.Kind.MISSION] if it_plan else []
    counts = Project.objects.filter(edition=edition).aggregate(
        total=Count("pk"), sample=Count("pk", filter=Q(is_sample=True))
    )
    per_year = {
        row["fiscal_year"]: row
        for row in ProjectBudget.objects.filter(project__edition=edition)
        .values("fiscal_year")
        .annotate(amount=Sum("amount"), count=Count("project"))
    }
    budget_by_year = [
        {
            "year": y,
            "amount": per_year.get(y, {}).get("amount") or Decimal(0),
            "count": per_year.get(y, {}).get("count") or 0,
        }
        for y in edition.years
    ]
    return EditionOverview(
        edition=edition,
        frameworks=frameworks,
        it_plan=it_plan,
        missions=missions,
        strategy_count=it_plan.strategy_count if it_plan else 0,
        project_count=counts["total"],
        total_budget=sum((row["amount"] for row in per_year.values()), Decimal(0)),
        budget_by_year=budget_by_year,
        has_sample=bool(counts["sample"]) or any(f.is_sample for f in frameworks),
    )
