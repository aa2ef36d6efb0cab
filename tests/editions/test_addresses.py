"""Addresses that never move: built from printed numbers and keys, not positions; each page shows its own."""

from django.urls import reverse

from editions.services import edition_publish_as_told
from plans.models import Section
from strategies.models import Strategy
from tests.editions.conftest import PERIOD
from tests.factories import build_plan


def _chapter_links(client):
    html = client.get(f"/taimueang/plans/{PERIOD}/document/").content.decode()
    return {key: html.count(f'href="/taimueang/plans/{PERIOD}/chapters/{key}/"') for key in ["foreword", "1", "2", "3"]}


def test_chapter_addresses_stay_after_a_chapter_is_inserted_before_them(client, plan):
    before = {key: client.get(f"/taimueang/plans/{PERIOD}/chapters/{key}/").content.decode() for key in ["1", "2"]}
    assert all(_chapter_links(client).values())
    first = Section.objects.get(edition=plan, number="บทที่ ๑")
    Section.objects.create(edition=plan, title="บทสรุปผู้บริหาร", order=first.order - 1)  # inserted before chapter ๑
    Section.objects.filter(edition=plan, parent=None).exclude(title="บทสรุปผู้บริหาร").update(order=500)  # and moved
    for key in ["1", "2"]:
        after = client.get(f"/taimueang/plans/{PERIOD}/chapters/{key}/").content.decode()
        heading = next(line for line in before[key].splitlines() if "<h1" in line)
        assert heading in after
    assert client.get(f"/taimueang/plans/{PERIOD}/chapters/summary/").status_code == 200
    # Renumbering the printed chapter does not move its address either.
    Section.objects.filter(edition=plan, number="บทที่ ๑").update(number="บทที่ ๒")
    assert client.get(f"/taimueang/plans/{PERIOD}/chapters/1/").status_code == 200


def test_an_old_position_address_leads_to_the_chapter_that_was_there(client, plan):
    response = client.get(f"/taimueang/plans/{PERIOD}/document/3/")
    assert response.status_code == 302 and response["Location"] == f"/taimueang/plans/{PERIOD}/chapters/2/"
    assert client.get(f"/taimueang/plans/{PERIOD}/document/99/").status_code == 404


def test_section_anchors_come_from_printed_numbers(client, plan):
    html = client.get(f"/taimueang/plans/{PERIOD}/chapters/2/").content.decode()
    assert 'id="sec-2.2"' in html
    toc = client.get(f"/taimueang/plans/{PERIOD}/document/").content.decode()
    assert f'href="/taimueang/plans/{PERIOD}/chapters/2/#sec-2.2"' in toc


def test_strategy_anchors_stay_when_strategies_are_reordered(client, plan):
    url = f"/taimueang/plans/{PERIOD}/strategies/it/"
    html = client.get(url).content.decode()
    first = html[html.index('id="strategy-1"'):][:400]
    Strategy.objects.filter(framework__edition=plan, framework__slug="it", number=1).update(order=99)
    html = client.get(url).content.decode()
    assert html[html.index('id="strategy-1"'):][:400] == first
    assert html.index('id="strategy-2"') < html.index('id="strategy-1"')


def test_every_page_shows_its_permanent_address(client, plan):
    for path, permanent in [
        (f"/taimueang/plans/{PERIOD}/chapters/2/", f"/taimueang/plans/{PERIOD}/r0/chapters/2/"),
        (f"/taimueang/plans/{PERIOD}/projects/3/", f"/taimueang/plans/{PERIOD}/r0/projects/3/"),
        (f"/taimueang/plans/{PERIOD}/strategies/it/", f"/taimueang/plans/{PERIOD}/r0/strategies/it/"),
        (f"/taimueang/plans/{PERIOD}/", f"/taimueang/plans/{PERIOD}/r0/"),
        ("/taimueang/", f"/taimueang/plans/{PERIOD}/r0/"),
    ]:
        html = client.get(path).content.decode()
        assert f'ที่อยู่ถาวรของหน้านี้สำหรับอ้างอิง: <a href="http://localhost{permanent}">' in html, path


def test_a_published_revision_has_its_own_address_and_the_current_one_stays_plain(client, plan, revision):
    revision = edition_publish_as_told(edition=revision)
    html = client.get(f"/taimueang/plans/{PERIOD}/chapters/2/").content.decode()
    assert f'href="http://localhost/taimueang/plans/{PERIOD}/r1/chapters/2/"' in html
    assert client.get(f"/taimueang/plans/{PERIOD}/r0/chapters/2/").status_code == 200
    assert reverse("plans:chapter", kwargs={**revision.address_kwargs, "key": "2"}) == f"/taimueang/plans/{PERIOD}/chapters/2/"


def test_the_permanent_address_of_a_paged_page_names_its_page(client, db):
    """A resident who copies the permanent address of page ๓ of the ผ.๐๑ form or of the strategies
    index gets page ๓; page ๑ stays at the page's own address, as the pager links it."""
    build_plan(scale=7)  # 21 IT strategies: three pages of ten
    for page in ("projects/summary/", "strategies/"):
        url, permanent = f"/taimueang/plans/{PERIOD}/{page}", f"http://localhost/taimueang/plans/{PERIOD}/r0/{page}"
        for query, named in [({}, ""), ({"page": 1}, ""), ({"page": 3}, "?page=3"), ({"page": 99}, "?page=3"), ({"page": "x"}, "")]:
            html = client.get(url, query).content.decode()
            assert f'ที่อยู่ถาวรของหน้านี้สำหรับอ้างอิง: <a href="{permanent}{named}">{permanent}{named}</a>' in html, (page, query)
        assert client.get(f"{permanent}?page=3").content.decode().count('aria-current="page"><span class="visually-hidden">หน้า </span>๓<') == 1
