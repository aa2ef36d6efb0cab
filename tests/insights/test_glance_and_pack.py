"""The plan at a glance (page and A4 PDF) and the transparency pack (page, CSV, JSON)."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from insights.glance import plan_at_a_glance
from insights.transparency import Category, transparency_pack
from monitoring.models import Committee, EvaluationRound, ProjectProgress
from plans.models import Edition
from projects.selectors import edition_budget_summary
from tests.insights.test_alignment import gapped  # noqa: F401  (the fixture)
from tests.pdf.conftest import Pdf, WorkerClient, cache_table  # noqa: F401  (the fixture)

PERIOD = "2563-2565"


def _round(edition, name, fiscal_year, published=True, **extra):
    return EvaluationRound.objects.create(
        edition=edition,
        name=name,
        fiscal_year=fiscal_year,
        period_start=dt.date(fiscal_year - 544, 10, 1),
        period_end=dt.date(fiscal_year - 543, 3, 31),
        report_date=dt.date(fiscal_year - 543, 4, 30),
        published_at=timezone.now() if published else None,
        **extra,
    )


@pytest.fixture
def client(cache_table):  # noqa: F811
    # WorkerClient: the PDF is rendered by a worker, not in the request (tests/pdf/conftest.py).
    return WorkerClient(HTTP_HOST="localhost")


def test_the_glance_shows_the_same_budget_as_form_p01_and_the_latest_round(gapped):  # noqa: F811
    latest = _round(gapped, "รอบ ๖ เดือน", 2564)
    _round(gapped, "รอบไม่เผยแพร่", 2565, published=False)
    project = gapped.projects.get(number=1)
    ProjectProgress.objects.create(round=latest, project=project, status=ProjectProgress.Status.IN_PROGRESS, percent_done=40)
    glance = plan_at_a_glance(gapped)
    p01, _ = edition_budget_summary(gapped)
    assert glance.budget.total_amount == p01.total_amount == Decimal(255)
    assert glance.year_totals == [(2563, Decimal(170)), (2564, Decimal(55)), (2565, Decimal(30))]
    assert glance.progress.round == latest
    assert glance.progress.status_rows == [("กำลังดำเนินการ", 1)]


def test_the_glance_page_and_its_one_page_pdf(client, gapped):  # noqa: F811
    page = client.get(reverse("insights:summary", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    assert "๒๕๕ บาท" in page
    assert "ยังไม่มีผลการติดตามที่เผยแพร่" in page
    response = client.get(reverse("insights:summary_pdf", kwargs={"org": "taimueang", "period": PERIOD}))
    assert response["Content-Type"] == "application/pdf"
    pdf = Pdf(b"".join(response.streaming_content) if response.streaming else response.content)
    try:
        assert pdf.page_count == 1
        text = pdf.text()
        assert "โดยสรุป" in text and "๒๕๕ บาท" in text
    finally:
        pdf.remove()


def test_the_pack_lists_each_public_document_with_its_date(gapped):  # noqa: F811
    _round(gapped, "รอบ ๖ เดือน", 2564)
    _round(gapped, "รอบ ๑๒ เดือน", 2564)
    _round(gapped, "รอบร่าง", 2565, published=False)
    Committee.objects.create(edition=gapped, name="คณะกรรมการติดตาม", appointed_by="คำสั่ง อบต. ที่ ๑/๒๕๖๓", appointed_on=dt.date(2020, 1, 15))
    items = transparency_pack(gapped.organization)
    titles = [i.title for i in items]
    assert any(t.endswith("ฉบับ PDF") for t in titles)
    monitoring = [i.title for i in items if i.category == Category.MONITORING]
    assert monitoring == [
        "ผลการติดตามรอบ ๖ เดือน ปีงบประมาณ 2564",
        "ผลการติดตามรอบ ๑๒ เดือน ปีงบประมาณ 2564",
        "รายงานการติดตามและประเมินผลประจำปีงบประมาณ 2564 (PDF)",
    ]
    (committee,) = [i for i in items if i.category == Category.COMMITTEE]
    assert committee.published_on == dt.date(2020, 1, 15)
    assert committee.note == "แต่งตั้งโดยคำสั่ง อบต. ที่ ๑/๒๕๖๓"
    assert [i.category for i in items][-1] == Category.OPEN_DATA


def test_a_draft_edition_is_not_in_the_pack(edition):
    assert transparency_pack(edition.organization) == []


def test_the_pack_page_has_a_qr_code_per_item_and_indexes_in_csv_and_json(client, gapped):  # noqa: F811
    page = client.get(reverse("insights:transparency", kwargs={"org": "taimueang"})).content.decode()
    items = transparency_pack(gapped.organization)
    assert page.count('src="data:image/svg+xml') == len(items)
    rows = list(csv.reader(io.StringIO(client.get("/taimueang/transparency/index.csv").content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["หมวด", "เอกสาร", "ที่อยู่"]
    assert rows[1][2] == "http://localhost/taimueang/plans/2563-2565/"
    data = json.loads(client.get("/taimueang/transparency/index.json").content)
    assert len(data["items"]) == len(items) == len(rows) - 1
    assert data["items"][0]["published_on_be"].endswith(str(timezone.localdate().year + 543))


def test_the_pack_costs_the_same_queries_with_more_editions_and_rounds(gapped):  # noqa: F811
    def count():
        with CaptureQueriesContext(connection) as ctx:
            transparency_pack(gapped.organization)
        return len(ctx.captured_queries)

    before = count()
    for year in (2566, 2569):
        older = Edition.objects.create(
            organization=gapped.organization, title="แผนเก่า", start_year=year, end_year=year + 2,
            status=Edition.Status.ARCHIVED, published_at=timezone.now(),
        )
        for n in range(3):
            _round(older, f"รอบ {n}", year + 1)
    assert count() == before
