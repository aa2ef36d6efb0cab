import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from projects.models import ProjectBudget
from tests.pages.conftest import PERIOD


def _get(client, dataset, fmt):
    response = client.get(reverse("projects:export", kwargs={"org": "taimueang", "period": PERIOD, "dataset": dataset, "fmt": fmt}))
    assert response.status_code == 200
    return response


def _rows(client, dataset, fmt) -> list[list]:
    """Header row and data rows, whatever the format."""
    response = _get(client, dataset, fmt)
    if fmt == "csv":
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        return list(csv.reader(io.StringIO(text[1:])))
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    document = json.loads(response.content)
    keys = [f["key"] for f in document["fields"]]
    return [[f["label"] for f in document["fields"]]] + [[row[k] for k in keys] for row in document["rows"]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_budgets_parse_back_to_the_stored_amounts(client, plan, fmt):
    header, *rows = _rows(client, "budgets", fmt)
    stored = {
        (b.project.number, b.fiscal_year): b.amount
        for b in ProjectBudget.objects.filter(project__edition=plan).select_related("project")
    }
    number, year, amount = header.index("โครงการที่"), header.index("ปีงบประมาณ (พ.ศ.)"), header.index("งบประมาณ (บาท)")
    parsed = {(int(r[number]), int(r[year])): Decimal(str(r[amount])) for r in rows}
    assert parsed == stored


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_project_totals_parse_back_to_the_sum_of_their_budgets(client, plan, fmt):
    header, *rows = _rows(client, "projects", fmt)
    total = header.index("งบประมาณรวม (บาท)")
    assert sorted(Decimal(str(r[total])) for r in rows) == [Decimal(45000), Decimal(85000), Decimal(100000), Decimal(120000)]
    assert "ชื่อโครงการ" in header


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_indicator_targets_keep_both_printed_text_and_number(client, plan, fmt):
    header, *rows = _rows(client, "indicators", fmt)
    name, year, text, value = (header.index(h) for h in ["ตัวชี้วัด", "ปี (พ.ศ.)", "ค่าเป้าหมาย (ตามที่พิมพ์)", "ค่าเป้าหมาย (ตัวเลข)"])
    row = next(r for r in rows if r[name] == "ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อการบริการ" and int(r[year]) == 2565)
    assert row[text] == "๘๘ %"
    assert Decimal(str(row[value])) == 88


def test_numbers_are_numbers_in_xlsx_and_json(client, plan):
    sheet = load_workbook(io.BytesIO(_get(client, "budgets", "xlsx").content)).active
    assert isinstance(sheet.cell(row=2, column=5).value, int | float)
    document = json.loads(_get(client, "budgets", "json").content)
    assert all(isinstance(row["amount"], int | float) for row in document["rows"])


def test_downloads_are_attachments_with_stable_names(client, plan):
    response = _get(client, "projects", "csv")
    assert response["Content-Disposition"] == f'attachment; filename="projects-{PERIOD}.csv"'
    assert response["Content-Type"].startswith("text/csv")


def test_unknown_datasets_and_formats_are_not_found(client, plan):
    assert client.get(f"/taimueang/plans/{PERIOD}/data/people.csv").status_code == 404
    assert client.get(f"/taimueang/plans/{PERIOD}/data/projects.pdf").status_code == 404


def test_the_download_page_links_every_dataset_in_every_format(client, plan):
    html = client.get(reverse("projects:downloads", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    for dataset in ["projects", "budgets", "indicators"]:
        for fmt in ["csv", "xlsx", "json"]:
            assert f"/taimueang/plans/{PERIOD}/data/{dataset}.{fmt}" in html
