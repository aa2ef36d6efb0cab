"""The committee's annual monitoring report as a PDF."""

import datetime as dt

import pytest
from django.urls import reverse

from plans.models import Edition
from projects.models import Project
from tests.factories import build_plan, make_round, record
from tests.pdf.conftest import PERIOD, Pdf, squash

pytestmark = pytest.mark.django_db

URL = reverse("monitoring:report_pdf", kwargs={"org": "taimueang", "period": PERIOD, "fiscal_year": 2564})


@pytest.fixture
def plan():
    edition = build_plan()
    round_ = make_round(edition, name="รอบ ๑๒ เดือน", months=12, report=dt.date(2021, 10, 31))
    for project in Project.objects.filter(edition=edition):
        record(round_, project, percent=60, spent=10_000)
    return edition, round_


def test_residents_get_404_until_the_year_is_published(client, plan):
    assert client.get(URL).status_code == 404


def test_the_committee_exports_an_unpublished_year_watermarked(client, plan, committee_member):
    client.force_login(committee_member)
    response = client.get(URL)
    assert response.status_code == 200
    pdf = Pdf(response.content)
    try:
        text = squash(pdf.text())
        raw = squash(pdf._run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf.path), "-"))
        assert "ยังไม่เผยแพร่" in raw
        for words in ["ข้อค้นพบ", "ข้อเสนอแนะ", "ประธานกรรมการ", "กรรมการและเลขานุการ", "นายสมชาย ใจดี๑",
                      "ผลการดำเนินงานโครงการ", "สรุปตามยุทธศาสตร์", "ค่าเป้าหมาย", "๓๑ ตุลาคม ๒๕๖๔"]:
            assert squash(words) in text, words
    finally:
        pdf.remove()


def test_a_published_year_is_public_without_watermark(client, plan):
    edition, round_ = plan
    round_.published_at = dt.datetime(2021, 11, 1, tzinfo=dt.UTC)
    round_.save()
    response = client.get(URL)
    assert response.status_code == 200
    pdf = Pdf(response.content)
    try:
        assert "ยังไม่เผยแพร่" not in squash(pdf._run("pdftotext", "-raw", str(pdf.path), "-"))
    finally:
        pdf.remove()


def test_a_year_outside_the_plan_is_not_found(client, plan, editor):
    client.force_login(editor)
    url = reverse("monitoring:report_pdf", kwargs={"org": "taimueang", "period": PERIOD, "fiscal_year": 2570})
    assert client.get(url).status_code == 404


def test_a_draft_plan_has_no_public_report(client, plan):
    edition, round_ = plan
    round_.published_at = dt.datetime(2021, 11, 1, tzinfo=dt.UTC)
    round_.save()
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.DRAFT)
    assert client.get(URL).status_code == 404
