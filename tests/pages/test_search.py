from django.urls import reverse

from plans.models import Block, Section
from portal.search import passages
from tests.pages.conftest import PERIOD

SEARCH = reverse("plans:search", kwargs={"org": "taimueang", "period": PERIOD})


def test_a_thai_word_inside_a_sentence_is_found_and_highlighted(client, plan):
    # "ธรรมาภิบาล" sits inside longer words with no spaces around it.
    html = client.get(SEARCH, {"q": "ธรรมาภิบาล"}).content.decode()
    assert "<mark>ธรรมาภิบาล</mark>" in html
    assert "ยึดมั่น<mark>ธรรมาภิบาล</mark>" in html  # the DLA values, with context around the hit
    assert f'href="/taimueang/plans/{PERIOD}/strategies/dla/' in html


def test_search_reaches_blocks_strategies_tactics_indicators_and_projects(client, plan):
    cases = {
        "ไร้พรมแดน": f"/taimueang/plans/{PERIOD}/chapters/foreword/",
        "องค์กรดิจิทัล": f"/taimueang/plans/{PERIOD}/strategies/dla/",
        "หมู่บ้านสะอาด": f"/taimueang/plans/{PERIOD}/strategies/local/",
        "เครือข่ายอินเทอร์เน็ตไร้สาย": f"/taimueang/plans/{PERIOD}/projects/4/",
        "กรอบแนวคิด": f"/taimueang/plans/{PERIOD}/chapters/2/",
    }
    for query, url in cases.items():
        html = client.get(SEARCH, {"q": query}).content.decode()
        assert url in html, query
        assert f"<mark>{query}</mark>" in html, query


def test_arabic_digits_find_thai_digits(client, plan):
    html = client.get(SEARCH, {"q": "4.0"}).content.decode()
    assert "<mark>๔.๐</mark>" in html


def test_nothing_found_is_said_plainly(client, plan):
    html = client.get(SEARCH, {"q": "ยานอวกาศ"}).content.decode()
    assert "ไม่พบ “ยานอวกาศ”" in html


def test_the_query_and_the_text_are_escaped_around_the_mark(client, plan):
    section = Section.objects.get(edition=plan, number="บทที่ ๑")
    Block.objects.create(section=section, order=5, text="ระบบ &lt;b&gt;ทดสอบ&lt;/b&gt; ค้นหา")
    html = client.get(SEARCH, {"q": "<b>ทดสอบ"}).content.decode()
    assert "<mark>&lt;b&gt;ทดสอบ</mark>" in html
    assert "<b>ทดสอบ" not in html


def test_passages_escape_before_marking():
    [snippet] = passages('<img src=x onerror="alert(1)"> วิสัยทัศน์', ["วิสัยทัศน์"])
    assert str(snippet).startswith("&lt;img")
    assert "<mark>วิสัยทัศน์</mark>" in snippet


def test_an_empty_search_shows_the_form_only(client, plan):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode() and "ผลการค้นหา" not in response.content.decode()
