"""axe-core in headless Chromium on every public page type, and reflow at 320 px."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from monitoring.models import EvaluationRound
from tests.factories import build_plan

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PERIOD = "2563-2565"
PAGES = [
    "/taimueang/",
    "/taimueang/plans/",
    f"/taimueang/plans/{PERIOD}/document/",
    f"/taimueang/plans/{PERIOD}/chapters/foreword/",
    f"/taimueang/plans/{PERIOD}/chapters/2/",
    f"/taimueang/plans/{PERIOD}/chapters/3/",
    f"/taimueang/plans/{PERIOD}/chapters/5/",
    f"/taimueang/plans/{PERIOD}/strategies/",
    f"/taimueang/plans/{PERIOD}/strategies/local/",
    f"/taimueang/plans/{PERIOD}/strategies/it/",
    f"/taimueang/plans/{PERIOD}/projects/",
    f"/taimueang/plans/{PERIOD}/projects/?fiscal_year=2599",
    f"/taimueang/plans/{PERIOD}/projects/?sort=-total&page=2",
    f"/taimueang/plans/{PERIOD}/projects/1/",
    f"/taimueang/plans/{PERIOD}/projects/summary/",
    f"/taimueang/plans/{PERIOD}/data/",
    f"/taimueang/plans/{PERIOD}/search/?q=ธรรมาภิบาล",
    f"/taimueang/plans/{PERIOD}/search/?q=ไม่มีคำนี้",
    "/taimueang/privacy/",
    "/taimueang/contact/",
    f"/taimueang/plans/{PERIOD}/monitoring/",
    f"/taimueang/plans/{PERIOD}/alignment/",
    f"/taimueang/plans/{PERIOD}/at-a-glance/",
    "/taimueang/transparency/",
    f"/taimueang/plans/{PERIOD}/r0/",  # the edition a revision replaced, with its notice
    f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r1/",
    # plus each published evaluation round's page (see the ``pages`` fixture)
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian chromium at /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser(monkeypatch):
    playwright_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop, which Django's async-unsafe check
    # refuses; allowed for this test only (monkeypatch restores the environment).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, browser):
    plan = build_plan(scale=10)  # enough projects for a second page of the inventory
    _published_revision(plan)
    call_command("load_sample_monitoring", stdout=StringIO())
    # Inside Playwright's greenlet Django keeps a connection of its own, which
    # pytest-django never closes; close it, or PostgreSQL can't drop the test database.
    connections.close_all()
    return live_server.url


def _published_revision(plan):
    """A revision with a budget and a strategy changed, published: the comparison has rows."""
    import datetime as dt

    from editions.services import edition_publish_as_told, revision_start
    from projects.models import ProjectBudget
    from strategies.models import Strategy

    revision = revision_start(
        edition=plan, kind="amendment", approval_reference="มติสภา ครั้งที่ ๑/๒๕๖๔", approved_on=dt.date(2021, 3, 1)
    )
    ProjectBudget.objects.filter(project__edition=revision, project__number=2).update(amount=41000)
    Strategy.objects.filter(framework__edition=revision, framework__slug="it", number=1).update(title="ยุทธศาสตร์ที่แก้ไขแล้ว")
    edition_publish_as_told(edition=revision)


@pytest.fixture
def pages(site):
    """Every public page type, with the published evaluation rounds of this test's data."""
    rounds = [
        f"/taimueang/plans/{PERIOD}/monitoring/rounds/{pk}/"
        for pk in EvaluationRound.objects.published().values_list("pk", flat=True)
    ]
    connections.close_all()
    assert rounds, "the sample monitoring data should publish at least one round"
    return PAGES + rounds


def test_every_public_page_type_passes_axe(browser, site, pages):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    failures = []
    for path in pages:
        response = page.goto(site + path)
        assert response.status == 200, path
        results = axe.run(page)
        if results.violations_count:
            failures.append(f"{path}\n{results.generate_report()}")
    assert not failures, "\n\n".join(failures)


def test_pages_reflow_at_320_pixels_without_horizontal_scrolling(browser, site, pages):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    too_wide = {}
    for path in pages:
        page.goto(site + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert not too_wide


def test_keyboard_focus_starts_at_the_skip_link_and_it_reaches_main(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 640})
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main-content"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none" or page.evaluate(
        "getComputedStyle(document.activeElement).boxShadow"
    ) != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_the_web_font_loads_from_our_own_server(browser, site):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site + f"/taimueang/plans/{PERIOD}/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")
    assert all(url.startswith(site) for url in requests)
