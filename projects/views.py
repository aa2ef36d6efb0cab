"""Public project pages: the inventory, one project, the ผ.01 summary with its chart, open data."""

from decimal import Decimal

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django_tables2 import RequestConfig

from plans.access import edition_for
from projects import exports
from projects.filters import ProjectFilter
from projects.models import Project, ProjectBudget
from projects.selectors import NO_STRATEGY, budget_summary_page, project_inventory
from projects.tables import PER_PAGE, BoundedPaginator, ProjectTable
from strategies.models import Strategy
from thaimuang_plan.lib import formatting as fmt


def project_list(request, org, period):
    edition = edition_for(request, org, period)
    queryset = project_inventory(edition)
    filterset = ProjectFilter(request.GET or None, queryset=queryset, edition=edition)
    table = ProjectTable(filterset.qs, edition=edition)
    RequestConfig(request, paginate={"per_page": PER_PAGE, "paginator_class": BoundedPaginator}).configure(table)
    rows = list(table.page.object_list) if table.page else []
    context = {
        "edition": edition,
        "filter": filterset,
        "table": table,
        "has_sample": any(row.record.is_sample for row in rows),
        "nav": "projects",
    }
    return render(request, "projects/list.html", context)


def detail(request, org, period, number):
    edition = edition_for(request, org, period)
    project = get_object_or_404(
        Project.objects.select_related("strategy__framework", "tactic", "unit").prefetch_related(
            Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year")),
            Prefetch("strategy__aligns_with", queryset=Strategy.objects.select_related("framework")),
        ),
        edition=edition,
        number=number,
    )
    budgets = list(project.budgets.all())
    by_year = {b.fiscal_year: b for b in budgets}
    context = {
        "edition": edition,
        "project": project,
        "budget_rows": [(y, by_year.get(y)) for y in edition.years],
        "total_budget": sum((b.amount for b in budgets), Decimal(0)),
        "has_sample": project.is_sample,
        "nav": "projects",
    }
    return render(request, "projects/detail.html", context)


def summary(request, org, period):
    edition = edition_for(request, org, period)
    summary_page = budget_summary_page(edition, request.GET.get("page"))
    context = {
        "edition": edition,
        "summary": summary_page.summary,
        "page": summary_page.page,
        "permanent_query": summary_page.address_query,
        "chart": budget_chart(summary_page.summary),
        "has_sample": summary_page.has_sample,
        "nav": "projects",
    }
    return render(request, "projects/summary.html", context)


def downloads(request, org, period):
    edition = edition_for(request, org, period)
    context = {
        "edition": edition,
        "datasets": exports.DATASETS,
        "formats": [("csv", "CSV (เปิดด้วย Excel ได้)"), ("xlsx", "XLSX (Excel)"), ("json", "JSON")],
        "nav": "projects",
    }
    return render(request, "projects/downloads.html", context)


def export(request, org, period, dataset, fmt):
    if dataset not in exports.DATASETS or fmt not in exports.FORMATS:
        raise Http404("ไม่มีชุดข้อมูลนี้")
    edition = edition_for(request, org, period)
    response = HttpResponse(exports.export(edition, dataset, fmt), content_type=exports.FORMATS[fmt])
    filename = f"{dataset}-{edition.file_slug}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Geometry of the budget chart, in SVG user units (the SVG scales to the page width).
CHART_WIDTH = 420
BAR_HEIGHT = 22
BAR_GAP = 4
LABEL_HEIGHT = 28
GROUP_GAP = 18
VALUE_ROOM = 110


def budget_chart(summary) -> dict:
    """Bars of budget per strategy (groups) and fiscal year (bars), laid out for a server-rendered SVG."""
    amounts = [cell["amount"] for row in summary.rows for cell in row["cells"]]
    top = max(amounts, default=Decimal(0)) or Decimal(1)
    scale = (CHART_WIDTH - VALUE_ROOM) / top
    groups = []
    y = 0
    for row in summary.rows:
        strategy = row["strategy"]
        label = fmt.strategy_label(strategy.number) if strategy else NO_STRATEGY
        group = {"label": label, "label_y": y + LABEL_HEIGHT - 8, "bars": []}
        y += LABEL_HEIGHT
        for index, (year, cell) in enumerate(zip(summary.years, row["cells"], strict=True)):
            width = int(cell["amount"] * scale)
            group["bars"].append(
                {
                    "y": y,
                    "width": max(width, 1 if cell["amount"] else 0),
                    "css": f"bar-{index % 4 + 1}",
                    "text_x": max(width, 1) + 6,
                    "text_y": y + BAR_HEIGHT - 6,
                    "value": fmt.baht(cell["amount"]),
                    "year": fmt.year(year),
                }
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
        groups.append(group)
    legend = [
        {"css": f"bar-{index % 4 + 1}", "year": fmt.year(year)}
        for index, year in enumerate(summary.years)
    ]
    return {"width": CHART_WIDTH, "height": max(y, 1), "groups": groups, "legend": legend, "bar_height": BAR_HEIGHT}
