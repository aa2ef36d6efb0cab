"""Reads of projects and their budgets: form ผ.01 (projects and baht per strategy and year)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, DecimalField, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Strategy
from thaimuang_plan.lib.formatting import strategy_label
from thaimuang_plan.lib.paging import page_query

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


def project_inventory(edition: Edition) -> QuerySet[Project]:
    """The public project list's rows: the columns it shows, ``total`` and ``budget_<year>`` per year.

    The sums are subqueries rather than a join with GROUP BY, so that PostgreSQL sums the
    budgets of the page's rows only (after ORDER BY ... LIMIT) and the paginator counts
    projects without grouping: a page costs the same however many projects the plan has.
    """
    # Zero, not NULL, for a year without budget: PostgreSQL sorts NULL first when descending.
    zero = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=2))

    def budget_sum(**year):
        lines = ProjectBudget.objects.filter(project=OuterRef("pk"), **year).order_by()
        return Coalesce(Subquery(lines.values("project").annotate(s=Sum("amount")).values("s")), zero)

    return (
        Project.objects.filter(edition=edition)
        .select_related("strategy", "unit")
        .only("number", "name", "status", "is_sample", "strategy__number", "unit__name")
        .annotate(total=budget_sum(), **{f"budget_{y}": budget_sum(fiscal_year=y) for y in edition.years})
    )


def with_budgets(projects) -> list[Project]:
    """The projects in number order, each with ``budget_list``, ``budget_by_year`` and ``total_budget``.

    Runs two queries (projects, budgets) whatever the number of projects.
    """
    # A list (to_attr), not the related manager's cache: Django builds a queryset per project for that.
    loaded = list(
        projects.prefetch_related(
            Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year"), to_attr="budget_list")
        ).order_by("number")
    )
    for project in loaded:
        project.budget_by_year = {b.fiscal_year: b for b in project.budget_list}
        project.total_budget = sum((b.amount for b in project.budget_list), Decimal(0))
    return loaded


def budget_totals(edition: Edition, projects: QuerySet[Project] | None = None) -> list[dict]:
    """Per strategy and fiscal year of the edition's projects: ``strategy_id``, ``fiscal_year``
    (None for projects without a budget line), ``count`` of budget lines, ``amount``, and
    ``sample`` (how many of the rows are sample projects').

    One query, whose rows grow with the strategies and years, never with the projects.
    ``projects``: only these (the edition's, by default).
    """
    projects = Project.objects.filter(edition=edition) if projects is None else projects
    return list(
        projects.values("strategy_id", fiscal_year=F("budgets__fiscal_year"))
        .annotate(
            count=Count("budgets"),
            amount=Coalesce(Sum("budgets__amount"), Value(Decimal(0)), output_field=DecimalField(max_digits=14, decimal_places=2)),
            sample=Count("pk", filter=Q(is_sample=True)),
        )
        .order_by()
    )


def edition_budget_summary(edition: Edition) -> tuple[BudgetSummary, bool]:
    """Form ผ.01 of an edition and whether any of its projects is sample content, in three queries."""
    it_plan = (
        Framework.objects.filter(edition=edition, kind=Framework.Kind.IT_PLAN)
        .prefetch_related("strategies")
        .first()
    )
    totals = budget_totals(edition)
    strategies = list(it_plan.strategies.all()) if it_plan else []
    return budget_summary(edition, totals, strategies), any(row["sample"] for row in totals)


def budget_summary(edition: Edition, totals: list[dict], strategies: list[Strategy]) -> BudgetSummary:
    """Form ผ.01 from ``budget_totals`` and the IT plan's strategies in their order (no queries).

    A project counts in every year it has a budget line for; projects that name no strategy
    of the IT plan share the last row.
    """
    years = edition.years
    keys = [s.pk for s in strategies]
    if any(row["strategy_id"] is None or row["strategy_id"] not in keys for row in totals):
        keys.append(None)
    cells = {key: {y: {"count": 0, "amount": Decimal(0)} for y in years} for key in keys}
    for row in totals:
        key = row["strategy_id"] if row["strategy_id"] in cells else None
        if row["fiscal_year"] in cells[key]:
            cell = cells[key][row["fiscal_year"]]
            cell["count"] += row["count"]
            cell["amount"] += row["amount"]
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
    per_year = [
        {
            "count": sum(cells[k][y]["count"] for k in keys),
            "amount": sum((cells[k][y]["amount"] for k in keys), Decimal(0)),
        }
        for y in years
    ]
    return BudgetSummary(
        years=years,
        rows=rows,
        totals=per_year,
        total_count=sum(t["count"] for t in per_year),
        total_amount=sum((t["amount"] for t in per_year), Decimal(0)),
    )


# Rows of the ผ.01 page: a plan has a handful of IT strategies; one of forty times the
# factory's size has over a hundred, and the page showed them all (13 times the HTML).
P01_PER_PAGE = 10


@dataclass
class BudgetSummaryPage:
    """One page of form ผ.01: ``summary.rows`` are the page's, its totals are every row's."""

    summary: BudgetSummary
    page: Page
    has_sample: bool

    @property
    def address_query(self) -> str:
        """What this page adds to the form's address to name it ("?page=3"; nothing for page 1)."""
        return page_query(self.page.number)


class _SummaryRows:
    """The rows of form ผ.01 for a Paginator: the IT plan's strategies in order, then None
    (the row of projects that name none of them) when there are such projects."""

    def __init__(self, strategies: QuerySet[Strategy], has_others: bool):
        self.strategies = strategies
        self.has_others = has_others
        self.strategy_count = strategies.count()

    def count(self) -> int:
        return self.strategy_count + int(self.has_others)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, rows: slice) -> list[Strategy | None]:
        start, stop, n = rows.start or 0, rows.stop, self.strategy_count
        items: list[Strategy | None] = list(self.strategies[start : min(stop, n)]) if start < n else []
        if self.has_others and start <= n < stop:
            items.append(None)
        return items


def budget_summary_page(edition: Edition, page_number) -> BudgetSummaryPage:
    """Form ผ.01 a page of rows at a time, the totals over all rows summed by the database;
    seven queries whatever the number of strategies and projects. ``page_number`` as the
    visitor typed it (Paginator.get_page: anything out of range is the nearest page)."""
    it_plan = Framework.objects.filter(edition=edition, kind=Framework.Kind.IT_PLAN).first()
    strategies = Strategy.objects.filter(framework=it_plan) if it_plan else Strategy.objects.none()
    projects = Project.objects.filter(edition=edition)
    # Projects of no IT strategy (none at all, or another framework's): the last row.
    others = projects.exclude(strategy__in=strategies.values("pk"))
    page = Paginator(_SummaryRows(strategies, others.exists()), P01_PER_PAGE).get_page(page_number)
    on_page = [row for row in page.object_list if row is not None]
    shown = projects.filter(strategy__in=[s.pk for s in on_page])
    if None in page.object_list:
        shown = shown | others
    summary = budget_summary(edition, budget_totals(edition, shown), on_page)
    per_year = {
        row["fiscal_year"]: row
        for row in ProjectBudget.objects.filter(project__edition=edition, fiscal_year__in=edition.years)
        .values("fiscal_year")
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by()
    }
    summary.totals = [
        {"count": per_year.get(y, {}).get("count", 0), "amount": per_year.get(y, {}).get("amount") or Decimal(0)}
        for y in edition.years
    ]
    summary.total_count = sum(t["count"] for t in summary.totals)
    summary.total_amount = sum((t["amount"] for t in summary.totals), Decimal(0))
    return BudgetSummaryPage(summary=summary, page=page, has_sample=projects.filter(is_sample=True).exists())
