"""Every admin page type fits a 1280 px screen: no sideways scrolling, neither the page nor a box in it.

Headless Debian Chromium through Playwright, as tests/pages/test_accessibility.py;
the pages are those of tests/admin/walk.py (lists, forms, history, the round entry).
"""

import os

import pytest
from django.apps import apps
from django.db import connections

from plans.roles import sync_roles
from tests.admin.walk import admin_pages, build_walk_data

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTH = 1280

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian chromium at /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True),
]

# Boxes that scroll sideways inside the page count as too wide as well.
SCROLLING_BOXES = """() => Array.from(document.querySelectorAll('body *')).filter(e => {
  const s = getComputedStyle(e).overflowX;
  return (s === 'auto' || s === 'scroll') && e.scrollWidth > e.clientWidth + 1;
}).map(e => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth}>${e.clientWidth}`)"""


@pytest.fixture
def browser(monkeypatch):
    playwright_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("role", ["editor", "committee_member"])
def test_every_admin_page_type_fits_1280_pixels(role, request, live_server, browser):
    # A transactional test empties every table after it, the groups the migrations made included.
    # sync_roles is written for a migration's app registry: it clears models_module, which would
    # stop the flush after this test from recreating content types; keep the real values.
    modules = {config: config.models_module for config in apps.get_app_configs()}
    try:
        sync_roles(apps)
    finally:
        for config, module in modules.items():
            config.models_module = module
    user = request.getfixturevalue(role)
    build_walk_data()
    pages = [url for url, _admin, _obj in admin_pages(user)]
    connections.close_all()
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pass-" + user.username)
    page.click("input[type=submit]")
    too_wide = {}
    for url in pages:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        width = page.evaluate("document.documentElement.scrollWidth")
        boxes = page.evaluate(SCROLLING_BOXES)
        if width > WIDTH or boxes:
            too_wide[url] = (width, boxes)
    assert len(pages) > 40
    assert not too_wide, too_wide
