"""Residents' pages come from cache per content version of their edition; a save invalidates exactly its edition.

These run on the shared cache the settings name: the database cache in the full suites, and
again in CI on Redis (PAGE_CACHE_BACKEND=redis, .ci/run), the production choice.
"""

from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import Block, Edition, Organization, Section
from portal.page_cache import CHANGED_KEY
from tests.factories import build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True  # off for the rest of the suite (pyproject.toml)
    # A Redis cache outlives the test's transaction: start each test with nothing kept.
    caches["pages"].clear()

PERIOD = "2563-2565"


@pytest.fixture
def plan(django_capture_on_commit_callbacks) -> Edition:
    """The plan, committed as a plan residents read has been: its after-commit work has run."""
    with django_capture_on_commit_callbacks(execute=True):
        return build_plan()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block of writes as its own committed transaction (its after-commit work runs)."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


@pytest.fixture
def chapter_url(plan):
    chapters = list(Section.objects.filter(edition=plan, parent=None).order_by("order", "pk"))
    chapter = next(c for c in chapters if c.number)
    return reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": chapter.key}), chapter


def test_a_second_visit_is_served_from_cache_with_one_query(client, chapter_url, settings):
    url, _ = chapter_url
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Only the shared change mark is read (from the database cache's table when that is the
    # shared cache, from Redis otherwise); the edition is not looked up again while nothing changed.
    cache_table = settings.CACHES["pages"].get("LOCATION") if "db" in settings.CACHES["pages"]["BACKEND"] else None
    assert [q["sql"] for q in queries if not cache_table or cache_table not in q["sql"]] == []
    assert len(queries) <= 1


def test_an_evicted_change_mark_makes_the_address_looked_up_again(client, chapter_url):
    url, _ = chapter_url
    client.get(url)
    caches["pages"].delete(CHANGED_KEY)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert any("plans_edition" in q["sql"] for q in queries)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert not any("plans_edition" in q["sql"] for q in queries)


def test_a_save_committed_by_another_process_changes_this_ones_next_page(plan, chapter_url, committed):
    url, chapter = chapter_url
    this_process, other_process = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    this_process.get(url)
    assert this_process.get(url)["X-Page-Cache"] == "hit"
    block = Block.objects.filter(section=chapter).first()
    block.text = "<p>แก้ในอีกกระบวนการหนึ่ง</p>"
    # The other process saves: only the shared cache and the database carry the change over.
    committed(block.save)
    response = this_process.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "แก้ในอีกกระบวนการหนึ่ง" in response.content.decode()
    assert other_process.get(url)["X-Page-Cache"] == "hit"  # rendered once, by this one


def test_a_save_changes_the_next_page_of_its_edition_only(client, plan, committed):
    block = Block.objects.filter(section__edition=plan, kind=Block.Kind.PARAGRAPH).select_related("section").first()
    chapter = block.section
    while chapter.parent_id:
        chapter = chapter.parent
    url = reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": chapter.key})
    other = committed(build_plan, start_year=2566, end_year=2568, organization=plan.organization)
    other_url = reverse("plans:chapter", kwargs={**other.address_kwargs, "key": chapter.key})
    assert client.get(url).status_code == client.get(other_url).status_code == 200
    block.text = "<p>ข้อความที่คณะทำงานเพิ่งแก้ไข</p>"
    committed(block.save)
    edited = client.get(url)
    assert edited["X-Page-Cache"] == "miss"
    assert "ข้อความที่คณะทำงานเพิ่งแก้ไข" in edited.content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get(other_url)["X-Page-Cache"] == "hit"


def test_staff_are_never_served_a_cached_page(client, chapter_url, editor):
    url, _ = chapter_url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_a_draft_is_not_cached_for_anyone(client, committed, editor):
    draft = committed(build_plan, start_year=2566, end_year=2568, status=Edition.Status.DRAFT)
    url = reverse("plans:edition", kwargs=draft.address_kwargs)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert "X-Page-Cache" not in client.get(url)


def test_pages_listing_every_edition_change_when_any_edition_does(client, plan, committed):
    url = reverse("plans:editions", kwargs={"org": "taimueang"})
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    plan.title = "แผนแม่บทฉบับปรับปรุงชื่อ"
    committed(plan.save)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "แผนแม่บทฉบับปรับปรุงชื่อ" in response.content.decode()


def test_the_hosts_landing_page_lists_an_organization_added_without_a_plan(client, plan, committed):
    url = reverse("host:landing")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    committed(Organization.objects.create, slug="huaisai", name="เทศบาลตำบลห้วยทรายทดสอบ", province="พังงา")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "เทศบาลตำบลห้วยทรายทดสอบ" in response.content.decode()


def test_the_redis_cache_reuses_one_client_instead_of_building_one_per_call():
    # Building a redis.Redis costs twice the GET a page-cache hit makes (portal/redis_cache.py).
    from portal.redis_cache import ReusedClientRedisCache

    cache = ReusedClientRedisCache("redis://127.0.0.1:6379/14", {})
    client = cache._cache.get_client("a", write=True)
    assert cache._cache.get_client("b", write=False) is client
    assert client.connection_pool is cache._cache._get_connection_pool(True)


def test_a_page_from_the_cache_carries_the_same_content_security_policy(client, chapter_url, editor):
    url, _ = chapter_url
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    policy = first["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert second["Content-Security-Policy"] == policy
    # Responses that are not from the cache get the policy from the middleware, as before.
    client.force_login(editor)
    assert client.get(reverse("admin:index"))["Content-Security-Policy"] == policy


def search_url(text: str) -> str:
    return reverse("plans:search", kwargs={"org": "taimueang", "period": PERIOD}) + "?" + urlencode({"q": text})


def test_a_search_asked_again_is_answered_from_this_process_and_never_from_the_shared_cache(client, plan):
    first = client.get(search_url("ระบบ"))
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(search_url("ระบบ"))
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert not [q for q in queries.captured_queries if "plans_block" in q["sql"]]
    # Another process (another client, another middleware) finds nothing shared: it searches.
    assert Client(HTTP_HOST="localhost").get(search_url("ระบบ"))["X-Page-Cache"] == "miss"


def test_one_off_searches_stay_within_their_own_small_memory(client, plan, settings):
    settings.PAGE_CACHE_LOCAL_SEARCHES = 3
    chapter = reverse("plans:chapter", kwargs={
        "org": "taimueang", "period": PERIOD,
        "key": Section.objects.filter(edition=plan, parent=None).exclude(number="").first().key,
    })
    searcher = Client(HTTP_HOST="localhost")
    assert searcher.get(chapter)["X-Page-Cache"] == "miss"
    for number in range(6):
        assert searcher.get(search_url(f"คำค้นครั้งที่ {number}"))["X-Page-Cache"] == "miss"
    # The oldest searches are gone, the newest kept; the page read before them is still a hit.
    assert searcher.get(search_url("คำค้นครั้งที่ 0"))["X-Page-Cache"] == "miss"
    assert searcher.get(search_url("คำค้นครั้งที่ 5"))["X-Page-Cache"] == "hit"
    assert searcher.get(chapter)["X-Page-Cache"] == "hit"


def test_an_edit_makes_the_next_search_fresh(client, plan, committed):
    found = "<mark>คำที่เพิ่งเพิ่มเข้ามา</mark>"
    before = client.get(search_url("คำที่เพิ่งเพิ่มเข้ามา"))
    assert found not in before.content.decode()
    block = Block.objects.filter(section__edition=plan, kind=Block.Kind.PARAGRAPH).first()

    def add_word():
        block.text = "<p>ย่อหน้านี้มีคำที่เพิ่งเพิ่มเข้ามา</p>"
        block.save()

    committed(add_word)
    after = client.get(search_url("คำที่เพิ่งเพิ่มเข้ามา"))
    assert after["X-Page-Cache"] == "miss"
    assert found in after.content.decode()
