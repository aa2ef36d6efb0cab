"""A damaged cached PDF is never served: it is discarded and rendered again."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from printing import cache as pdf_cache
from printing import render
from tests.pdf.conftest import PERIOD, cache_table  # noqa: F401 (a fixture)
from tests.pdf.factories import build_plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_table")]

URL = reverse("pdf:plan", kwargs={"period": PERIOD})


@pytest.fixture
def renders(monkeypatch):
    calls = []
    real = render.html_to_pdf

    def counting(html):
        calls.append(html)
        return real(html)

    monkeypatch.setattr(render, "html_to_pdf", counting)
    return calls


def _stored_key(renders) -> str:
    return pdf_cache.KEY_PREFIX + pdf_cache.pdf_key(renders[0])


def test_a_truncated_copy_is_rendered_again_not_served(client, renders):
    build_plan(small=True)
    whole = client.get(URL).content
    key = _stored_key(renders)
    cache.set(key, whole[: len(whole) // 2])
    response = client.get(URL)
    assert response.status_code == 200
    assert response.content == whole
    assert int(response["Content-Length"]) == len(whole)
    assert len(renders) == 2
    # and the repaired copy is served from the cache again
    assert client.get(URL).content == whole
    assert len(renders) == 2


def test_a_copy_with_the_same_length_but_other_bytes_is_rendered_again(client, renders):
    build_plan(small=True)
    whole = client.get(URL).content
    cache.set(_stored_key(renders), whole[:-1] + b"X")
    assert client.get(URL).content == whole
    assert len(renders) == 2


def test_an_undecodable_cache_entry_is_discarded_and_rebuilt(client, renders):
    build_plan(small=True)
    whole = client.get(URL).content
    key = cache.make_key(_stored_key(renders))
    with connection.cursor() as cursor:
        cursor.execute("UPDATE portal_cache SET value = %s WHERE cache_key = %s", ["not base64 nor a pickle!", key])
    response = client.get(URL)
    assert response.status_code == 200
    assert response.content == whole
    assert len(renders) == 2
    assert client.get(URL).status_code == 200
    assert len(renders) == 2


def test_a_copy_without_its_checksum_is_rendered_again(client, renders):
    build_plan(small=True)
    client.get(URL)
    cache.delete(_stored_key(renders) + pdf_cache.CHECK_SUFFIX)
    assert client.get(URL).status_code == 200
    assert len(renders) == 2
