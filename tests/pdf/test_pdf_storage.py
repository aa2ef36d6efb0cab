"""The stored PDF is served only when intact, streamed with its ETag and single byte ranges."""

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from printing import store
from printing.models import RenderedDocument
from printing.responses import parse_range
from tests.factories import build_plan
from tests.pdf.conftest import PERIOD

pytestmark = pytest.mark.django_db
URL = reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD})


@pytest.fixture
def downloaded(client):
    build_plan(small=True)
    response = client.get(URL)
    assert response.status_code == 200
    return response


def _rewrite(name: str, content: bytes):
    path = storages["pdfs"].path(name)
    with open(path, "wb") as handle:
        handle.write(content)


def test_a_truncated_file_is_not_served_but_rendered_again(client, downloaded):
    row = RenderedDocument.objects.get()
    _rewrite(row.file_name, downloaded.content[:1000])
    client.run_worker = False
    response = client.get(URL)
    assert response.status_code == 202  # being prepared, not a broken PDF
    client.run_worker = True
    again = client.get(URL)
    assert again.status_code == 200
    assert again.content == downloaded.content


def test_a_file_changed_on_disk_is_caught_by_its_hash(client, downloaded):
    row = RenderedDocument.objects.get()
    tampered = bytearray(downloaded.content)
    tampered[-20] ^= 0xFF  # same length, other bytes
    _rewrite(row.file_name, bytes(tampered))
    store._verified.clear()  # as in a process that has not read this file yet
    client.run_worker = False
    assert client.get(URL).status_code == 202


def test_a_range_request_gets_exactly_those_bytes(client, downloaded):
    size = len(downloaded.content)
    part = client.get(URL, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part.content == downloaded.content[100:200]
    assert part["Content-Range"] == f"bytes 100-199/{size}"
    assert part["Content-Length"] == "100"
    tail = client.get(URL, HTTP_RANGE="bytes=-50")
    assert tail.content == downloaded.content[-50:]
    assert client.get(URL, HTTP_RANGE=f"bytes={size}-").status_code == 416
    # A range for another version of the file (If-Range) gets the whole current file.
    whole = client.get(URL, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"not-this-one"')
    assert whole.status_code == 200 and whole.content == downloaded.content
    assert downloaded["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-0", (0, 0)),
        ("bytes=10-", (10, 99)),
        ("bytes=90-500", (90, 99)),
        ("bytes=-10", (90, 99)),
        ("bytes=-500", (0, 99)),
        ("bytes=100-", "unsatisfiable"),
        ("bytes=20-10", "unsatisfiable"),
        ("bytes=0-1,5-6", None),
        ("items=0-5", None),
    ],
)
def test_range_headers(header, expected):
    assert parse_range(header, 100) == expected
