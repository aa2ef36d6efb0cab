"""Open data: projects, budgets and indicators of an edition as CSV, XLSX and JSON.

All three formats carry the same columns and the same values. Numbers are
numbers (Arabic digits, no thousands separators) so that spreadsheets and
programs can add them up; text from the plan is as written, except that a
spreadsheet must never run it (see ``spreadsheet_text``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Indicator, IndicatorTarget
from thaimuang_plan.lib.spreadsheet import FORMULA_TRIGGERS, safe_cell

DATASETS = {
    "projects": "บัญชีโครงการ",
    "budgets": "งบประมาณโครงการรายปี",
    "indicators": "ตัวชี้วัดและค่าเป้าหมายรายปี",
}
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


@dataclass
class Dataset:
    name: str
    title: str
    columns: list[tuple[str, str]]  # (key, Thai heading)
    rows: list[dict]


def _number(value):
    """Decimal to int when whole, else float: the plan's amounts are whole baht."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def projects_dataset(edition: Edition) -> Dataset:
    years = edition.years
    projects = (
        Project.objects.filter(edition=edition)
        .select_related("strategy", "tactic", "unit")
        .prefetch_related(Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year")))
        .order_by("number")
    )
    columns = [
        ("number", "โครงการที่"),
        ("code", "รหัสโครงการ"),
        ("name", "ชื่อโครงการ"),
        ("strategy_number", "ยุทธศาสตร์ที่"),
        ("strategy", "ยุทธศาสตร์"),
        ("tactic", "กลยุทธ์"),
        ("unit", "หน่วยงานรับผิดชอบ"),
        ("status", "สถานะ"),
        *[(f"budget_{y}", f"งบประมาณ ปี {y} (บาท)") for y in years],
        ("budget_total", "งบประมาณรวม (บาท)"),
        ("duration", "ระยะเวลาดำเนินการ"),
        ("is_sample", "ข้อมูลตัวอย่าง"),
    ]
    rows = []
    for p in projects:
        by_year = {b.fiscal_year: b.amount for b in p.budgets.all()}
        rows.append(
            {
                "number": p.number,
                "code": p.code,
                "name": p.name,
                "strategy_number": p.strategy.number if p.strategy else None,
                "strategy": p.strategy.title if p.strategy else "",
                "tactic": p.tactic.text if p.tactic else "",
                "unit": p.unit.name if p.unit else "",
                "status": p.get_status_display(),
                **{f"budget_{y}": _number(by_year.get(y)) for y in years},
                "budget_total": _number(sum(by_year.values(), Decimal(0))),
                "duration": p.duration,
                "is_sample": p.is_sample,
            }
        )
    return Dataset("projects", DATASETS["projects"], columns, rows)


def budgets_dataset(edition: Edition) -> Dataset:
    budgets = (
        ProjectBudget.objects.filter(project__edition=edition)
        .select_related("project__strategy")
        .order_by("project__number", "fiscal_year")
    )
    columns = [
        ("project_number", "โครงการที่"),
        ("project_name", "ชื่อโครงการ"),
        ("strategy_number", "ยุทธศาสตร์ที่"),
        ("fiscal_year", "ปีงบประมาณ (พ.ศ.)"),
        ("amount", "งบประมาณ (บาท)"),
        ("source", "แหล่งงบประมาณ"),
        ("is_sample", "ข้อมูลตัวอย่าง"),
    ]
    rows = [
        {
            "project_number": b.project.number,
            "project_name": b.project.name,
            "strategy_number": b.project.strategy.number if b.project.strategy else None,
            "fiscal_year": b.fiscal_year,
            "amount": _number(b.amount),
            "source": b.source,
            "is_sample": b.project.is_sample,
        }
        for b in budgets
    ]
    return Dataset("budgets", DATASETS["budgets"], columns, rows)


def indicators_dataset(edition: Edition) -> Dataset:
    """One row per indicator and year (long format), with the printed text kept beside the number."""
    indicators = (
        Indicator.objects.filter(framework__edition=edition)
        .select_related("framework", "strategy")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")))
        .order_by("framework__order", "order")
    )
    columns = [
        ("framework", "กรอบยุทธศาสตร์"),
        ("strategy_number", "ยุทธศาสตร์ที่"),
        ("indicator_number", "ตัวชี้วัดที่"),
        ("indicator", "ตัวชี้วัด"),
        ("unit", "หน่วยนับ"),
        ("year", "ปี (พ.ศ.)"),
        ("target_text", "ค่าเป้าหมาย (ตามที่พิมพ์)"),
        ("target_value", "ค่าเป้าหมาย (ตัวเลข)"),
        ("total_text", "ค่าเป้าหมายรวม (ตามที่พิมพ์)"),
        ("total_value", "ค่าเป้าหมายรวม (ตัวเลข)"),
        ("is_sample", "ข้อมูลตัวอย่าง"),
    ]
    rows = []
    for i in indicators:
        for t in i.targets.all():
            rows.append(
                {
                    "framework": i.framework.short_name or i.framework.name,
                    "strategy_number": i.strategy.number if i.strategy else None,
                    "indicator_number": i.number,
                    "indicator": i.name,
                    "unit": i.unit,
                    "year": t.year,
                    "target_text": t.text,
                    "target_value": _number(t.value),
                    "total_text": i.total_text,
                    "total_value": _number(i.total_value),
                    "is_sample": i.framework.is_sample,
                }
            )
    return Dataset("indicators", DATASETS["indicators"], columns, rows)


def spreadsheet_text(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would run it as a formula
    (the one rule, ``thaimuang_plan.lib.spreadsheet``). Numbers are not text and stay numbers."""
    return safe_cell(value)


def published_projects_dataset() -> Dataset:
    """Every published plan's projects, of every organization on the deployment: one row per
    project, with its organization's name and code and a column per fiscal year (three queries)."""
    projects = list(
        Project.objects.filter(edition__status=Edition.Status.PUBLISHED)
        .select_related("edition__organization", "strategy", "unit")
        .order_by("edition__organization__province", "edition__organization__name", "edition__start_year", "number")
    )
    amounts: dict[int, dict[int, Decimal]] = {}
    budgets = ProjectBudget.objects.filter(project__edition__status=Edition.Status.PUBLISHED)
    for project_id, year, amount in budgets.values_list("project_id", "fiscal_year", "amount"):
        by_year = amounts.setdefault(project_id, {})
        by_year[year] = by_year.get(year, Decimal(0)) + amount
    years = sorted({y for p in projects for y in p.edition.years})
    columns = [
        ("organization_code", "รหัส อปท."),
        ("organization", "หน่วยงาน"),
        ("province", "จังหวัด"),
        ("district", "อำเภอ"),
        ("plan", "แผน"),
        ("period", "ช่วงปีของแผน (พ.ศ.)"),
        ("number", "โครงการที่"),
        ("code", "รหัสโครงการ"),
        ("name", "ชื่อโครงการ"),
        ("strategy_number", "ยุทธศาสตร์ที่"),
        ("unit", "หน่วยงานรับผิดชอบ"),
        ("status", "สถานะ"),
        *[(f"budget_{y}", f"งบประมาณ ปี {y} (บาท)") for y in years],
        ("budget_total", "งบประมาณรวม (บาท)"),
        ("is_sample", "ข้อมูลตัวอย่าง"),
    ]
    rows = []
    for p in projects:
        organization = p.edition.organization
        by_year = amounts.get(p.pk, {})
        rows.append(
            {
                "organization_code": organization.code,
                "organization": organization.name,
                "province": organization.province,
                "district": organization.district,
                "plan": p.edition.title,
                "period": p.edition.period_slug,
                "number": p.number,
                "code": p.code,
                "name": p.name,
                "strategy_number": p.strategy.number if p.strategy else None,
                "unit": p.unit.name if p.unit else "",
                "status": p.get_status_display(),
                **{f"budget_{y}": _number(by_year.get(y)) for y in years},
                "budget_total": _number(sum(by_year.values(), Decimal(0))),
                "is_sample": p.is_sample or p.edition.is_sample,
            }
        )
    return Dataset("projects", "โครงการและงบประมาณของแผนที่เผยแพร่ทุกหน่วยงาน", columns, rows)


BUILDERS = {"projects": projects_dataset, "budgets": budgets_dataset, "indicators": indicators_dataset}


def to_csv(dataset: Dataset) -> bytes:
    """UTF-8 with a byte-order mark: without it Excel opens Thai text as mojibake."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in dataset.columns])
    for row in dataset.rows:
        writer.writerow([_csv_cell(row[key]) for key, _ in dataset.columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_text(value)
    return value


def to_xlsx(dataset: Dataset) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = dataset.name
    sheet.append([label for _, label in dataset.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in dataset.rows:
        sheet.append([row[key] for key, _ in dataset.columns])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # openpyxl stores any text starting with "=" as a live formula; a string cell
                # keeps the plan's text exactly, and quotePrefix keeps it text when a
                # resident edits the cell in Excel.
                cell.data_type = TYPE_STRING
                if cell.value.startswith(FORMULA_TRIGGERS):
                    cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def to_json(dataset: Dataset, edition: Edition | None = None) -> bytes:
    """The dataset as JSON; of one edition, it names the plan and organization, across
    organizations every row carries its own."""
    document: dict = {"dataset": dataset.name, "title": dataset.title}
    if edition is not None:
        document.update(plan=edition.title, period=edition.slug, organization=edition.organization.name)
    document.update(fields=[{"key": key, "label": label} for key, label in dataset.columns], rows=dataset.rows)
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def export(edition: Edition, dataset_name: str, fmt: str) -> bytes:
    dataset = BUILDERS[dataset_name](edition)
    if fmt == "csv":
        return to_csv(dataset)
    if fmt == "xlsx":
        return to_xlsx(dataset)
    return to_json(dataset, edition)
