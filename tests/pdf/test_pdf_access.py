"""Who gets which plan PDF: residents the published plan, editors also drafts, watermarked."""

import pytest
from django.urls import reverse

from plans.models import Edition
from tests.factories import build_plan
from tests.pdf.conftest import PERIOD, Pdf, squash

pytestmark = pytest.mark.django_db

URL = reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD})


def test_residents_get_404_for_a_draft(client):
    build_plan(small=True, status=Edition.Status.DRAFT)
    assert client.get(URL).status_code == 404


def test_it_answers_404_for_a_period_without_a_plan(client):
    build_plan(small=True)
    assert client.get(reverse("pdf:plan", kwargs={"org": "taimueang", "period": "2570-2572"})).status_code == 404
    assert client.get("/taimueang/plans/nonsense/pdf/").status_code == 404


def test_editors_get_a_draft_watermarked_on_every_page(client, editor):
    build_plan(small=True, status=Edition.Status.DRAFT)
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    pdf = Pdf(response.content)
    try:
        assert pdf.page_count >= 4
        for number in range(1, pdf.page_count + 1):
            assert "ฉบับร่าง" in squash(pdf.raw_page_text(number)), f"page {number} has no watermark"
    finally:
        pdf.remove()


def test_residents_can_download_an_archived_plan(client):
    build_plan(small=True, status=Edition.Status.ARCHIVED)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_download_only_answers_get(client):
    build_plan(small=True)
    assert client.post(URL).status_code == 405
