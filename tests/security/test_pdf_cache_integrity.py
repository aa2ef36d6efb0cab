"""A damaged cached PDF is never served: it is discarded and rendered again."""

import pytest
from django.core.cache import cache
from django.db import connection

from printing import cache as pdf_cache
from printing import render
from tests.pdf.conftest import PERIOD, cache_table  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_table")]

# Every page's PDF is now rendered by a task and stored (printing/store.py); this is the
# in-process cache of printing/cache.py, which other callers may still use.
HTML = "<html lang='th'><body><p>แผนแม่บทเทคโนโลยีสารสนเทศ</p></body></html>"


def _pdf() -> bytes:
    return pdf_cache.pdf_for_html(HTML).content


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


def test_a_truncated_copy_is_rendered_again_not_served(renders):
    whole = _pdf()
    key = _stored_key(renders)
    cache.set(key, whole[: len(whole) // 2])
    assert _pdf() == whole
    assert len(renders) == 2
    # and the repaired copy is served from the cache again
    assert _pdf() == whole
    assert len(renders) == 2


def test_a_copy_with_the_same_length_but_other_bytes_is_rendered_again(renders):
    whole = _pdf()
    cache.set(_stored_key(renders), whole[:-1] + b"X")
    assert _pdf() == whole
    assert len(renders) == 2


def test_an_undecodable_cache_entry_is_discarded_and_rebuilt(renders):
    whole = _pdf()
    key = cache.make_key(_stored_key(renders))
    with connection.cursor() as cursor:
        cursor.execute("UPDATE portal_cache SET value = %s WHERE cache_key = %s", ["not base64 nor a pickle!", key])
    assert _pdf() == whole
    assert len(renders) == 2
    assert _pdf() == whole
    assert len(renders) == 2


def test_a_copy_without_its_checksum_is_rendered_again(renders):
    whole = _pdf()
    cache.delete(_stored_key(renders) + pdf_cache.CHECK_SUFFIX)
    assert _pdf() == whole
    assert len(renders) == 2
