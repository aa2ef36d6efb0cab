"""Reads of projects and their budgets: form ผ.01 (projects and baht per strategy and year)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Strategy
from thaimuang_plan.lib.formatting import strategy_label

# The row of form ผ.01 for projects that name no strategy of the IT plan.
NO_STRATEGY = "ไม่ระบุยุทธศาสตร์"


def strategy_heading(strategy: Strategy) -> str:
    """"ยุทธศาสตร์ที่ N title", as a row or a project names its strategy."""
    return f"{strategy_label(strategy.number)} {strategy.title}"


@dataclass
class BudgetSummary:
    """Form ผ.01: projects and budget per strategy and fiscal year."""

    years: list[int]
    # {"strategy": Strategy|None, "label": "ยุทธศาสตร์ที่ N title", "cells": [{"count", "amount"}], "count", "amount"}
    rows: list[dict]
    totals: list[dict]  # per year {"count", "amount"}
    total_count: int = 0
    total_amount: Decimal = Decimal(0)


def with_budgets(projects) -> list[Project]:
    """The projects in number order, each with ``budget_list``, ``budget_by_year`` and ``total_budget``.

    Runs two queries (projects, budgets) whatever the number of projects.
    """
    loaded = list(
        projects.prefetch_related(
            Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year"))
        ).order_by("number")
    )
    for project in loaded:
        project.budget_list = list(project.budgets.all())
        project.budget_by_year = {b.fiscal_year: b for b in project.budget_list}
        project.total_budget = sum((b.amount for b in project.budget_list), Decimal(0))
    return loaded


def edition_budget_summary(edition: Edition) -> tuple[BudgetSummary, bool]:
    """Form ผ.01 of an edition and whether any of its projects is sample content."""
    projects = with_budgets(Project.objects.filter(edition=edition))
    it_plan = (
        Framework.objects.filter(edition=edition, kind=Framework.Kind.IT_PLAN)
        .prefetch_related("strategies")
        .first()
    )
    return budget_summary(edition, projects, it_plan), any(p.is_sample for p in projects)


def budget_summary(edition: Edition, projects: list[Project], it_plan: Framework | None) -> BudgetSummary:
    """Form ผ.01 from projects already loaded with ``budget_list`` (no queries)."""
    years = edition.years
    strategies = list(it_plan.strategies.all()) if it_plan else []
    keys = [s.pk for s in strategies]
    if any(p.strategy_id is None or p.strategy_id not in keys for p in projects):
        keys.append(None)
    cells = {key: {y: {"count": 0, "amount": Decimal(0)} for y in years} for key in keys}
    for project in projects:
        key = project.strategy_id if project.strategy_id in cells else None
        for budget in project.budget_list:
            if budget.fiscal_year in cells[key]:
                cell = cells[key][budget.fiscal_year]
                cell["count"] += 1
                cell["amount"] += budget.amount
    by_pk = {s.pk: s for s in strategies}
    rows = []
    for key in keys:
        row_cells = [cells[key][y] for y in years]
        rows.append(
            {
                "strategy": by_pk.get(key),
                "label": strategy_heading(by_pk[key]) if key in by_pk else NO_STRATEGY,
                "cells": row_cells,
                "count": sum(c["count"] for c in row_cells),
                "amount": sum((c["amount"] for c in row_cells), Decimal(0)),
            }
        )
    totals = [
        {
            "count": sum(cells[k][y]["count"] for k in keys),
            "amount": sum((cells[k][y]["amount"] for k in keys), Decimal(0)),
        }
        for y in years
    ]
    return BudgetSummary(
        years=years,
        rows=rows,
        totals=totals,
        total_count=sum(t["count"] for t in totals),
        total_amount=sum((t["amount"] for t in totals), Decimal(0)),
    )
