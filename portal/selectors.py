"""Reads of a whole edition that are not the plan view: an edition's front page.

The document pages, the strategy pages and the PDF all show portal.viewmodel's typed plan view.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum

from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, FrameworkPoint


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
        has_sample=edition.is_sample or bool(counts["sample"]) or any(f.is_sample for f in frameworks),
    )
