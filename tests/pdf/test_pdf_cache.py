"""A PDF is rendered once per version of the plan, in the background, and stored for every process."""

import hashlib

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from plans.models import Block
from printing.models import RenderedDocument
from tests.factories import build_plan
from tests.pdf.conftest import PERIOD, Pdf, squash

pytestmark = pytest.mark.django_db

URL = reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD})


def rendered(client) -> int:
    return sum(1 for outcome in getattr(client, "renders", []) if outcome["outcome"] == "rendered")


def test_a_second_download_of_an_unchanged_plan_is_not_rendered_again(client):
    build_plan(small=True)
    first = client.get(URL)
    assert rendered(client) == 1
    client.renders = []
    second = client.get(URL)
    assert rendered(client) == 0
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_an_edit_makes_the_next_download_fresh(client):
    edition = build_plan(small=True)
    before = client.get(URL)
    block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).first()
    block.text = "<p>ข้อความที่แก้ไขใหม่โดยคณะทำงาน</p>"
    block.save()
    after = client.get(URL)
    assert rendered(client) == 1
    assert before["ETag"] != after["ETag"]
    pdf = Pdf(after.content)
    try:
        assert squash("ข้อความที่แก้ไขใหม่โดยคณะทำงาน") in squash(pdf.text())
    finally:
        pdf.remove()


def test_a_browser_with_the_current_copy_gets_not_modified(client):
    build_plan(small=True)
    etag = client.get(URL)["ETag"]
    client.renders = []
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert rendered(client) == 0


def test_the_copy_is_a_stored_file_with_its_hash_and_length(client):
    build_plan(small=True)
    response = client.get(URL)
    row = RenderedDocument.objects.get()
    # Another process reads the same storage and the same row.
    with storages["pdfs"].open(row.file_name, "rb") as handle:
        stored = handle.read()
    assert stored == response.content
    assert row.sha256 == hashlib.sha256(stored).hexdigest()
    assert row.size == len(stored) == int(response["Content-Length"])
    assert response["ETag"] == f'"{row.sha256[:32]}"'
