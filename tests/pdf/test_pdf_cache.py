"""A PDF is rendered once per version of the plan, and the copy is shared by every app process."""

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.urls import reverse

from plans.models import Block
from printing import cache as pdf_cache
from printing import render
from tests.pdf.conftest import PERIOD, Pdf, squash
from tests.pdf.factories import build_plan

pytestmark = pytest.mark.django_db

URL = reverse("pdf:plan", kwargs={"period": PERIOD})


@pytest.fixture
def renders(monkeypatch):
    """Count the calls to the one function that lays out a PDF."""
    calls = []
    real = render.html_to_pdf

    def counting(html):
        calls.append(html)
        return real(html)

    monkeypatch.setattr(render, "html_to_pdf", counting)
    return calls


def test_a_second_download_of_an_unchanged_plan_is_not_rendered_again(client, renders):
    build_plan(small=True)
    first = client.get(URL)
    second = client.get(URL)
    assert len(renders) == 1
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_an_edit_makes_the_next_download_fresh(client, renders):
    edition = build_plan(small=True)
    before = client.get(URL)
    block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).first()
    block.text = "<p>ข้อความที่แก้ไขใหม่โดยคณะทำงาน</p>"
    block.save()
    after = client.get(URL)
    assert len(renders) == 2
    assert before["ETag"] != after["ETag"]
    pdf = Pdf(after.content)
    try:
        assert squash("ข้อความที่แก้ไขใหม่โดยคณะทำงาน") in squash(pdf.text())
    finally:
        pdf.remove()


def test_a_browser_with_the_current_copy_gets_not_modified(client, renders):
    build_plan(small=True)
    etag = client.get(URL)["ETag"]
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(renders) == 1


def test_the_copy_is_in_the_database_cache_that_other_processes_read(client, renders):
    build_plan(small=True)
    response = client.get(URL)
    # A fresh backend object stands for another app process: it shares only the table.
    other_process = DatabaseCache("portal_cache", {})
    key = pdf_cache.pdf_key(renders[0])
    assert other_process.get(pdf_cache.KEY_PREFIX + key) == response.content
