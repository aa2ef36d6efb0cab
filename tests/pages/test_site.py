import re

from django.urls import reverse

from tests.pages.conftest import PERIOD

PUBLIC_PAGES = [
    "/taimueang/",
    "/taimueang/plans/",
    f"/taimueang/plans/{PERIOD}/",
    f"/taimueang/plans/{PERIOD}/document/",
    f"/taimueang/plans/{PERIOD}/chapters/2/",
    f"/taimueang/plans/{PERIOD}/strategies/",
    f"/taimueang/plans/{PERIOD}/strategies/it/",
    f"/taimueang/plans/{PERIOD}/projects/",
    f"/taimueang/plans/{PERIOD}/projects/1/",
    f"/taimueang/plans/{PERIOD}/projects/summary/",
    f"/taimueang/plans/{PERIOD}/data/",
    f"/taimueang/plans/{PERIOD}/search/?q=ระบบ",
    "/taimueang/privacy/",
    "/taimueang/contact/",
]


def test_public_pages_set_no_cookies_for_residents(client, plan):
    for url in [*PUBLIC_PAGES, f"/taimueang/plans/{PERIOD}/data/projects.csv", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url


def test_every_page_links_the_privacy_notice_and_contact_page(client, plan):
    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        assert 'href="/taimueang/privacy/"' in html and 'href="/taimueang/contact/"' in html, url
        assert '<a href="#main-content" class="skip-link"' in html and '<main id="main-content"' in html, url
        assert html.count("<h1") == 1, url
        assert " style=" not in html and "<style" not in html and "<script" not in html, url


def test_the_privacy_notice_says_residents_get_no_cookies(client, plan):
    html = client.get(reverse("plans:privacy", kwargs={"org": "taimueang"})).content.decode()
    assert "ไม่ใช้คุกกี้กับผู้เข้าชมทั่วไป" in html and "พ.ศ. ๒๕๖๒" in html


def test_the_contact_page_shows_the_organization(client, plan):
    plan.organization.phone = "0 7500 0000"
    plan.organization.save()
    html = client.get(reverse("plans:contact", kwargs={"org": "taimueang"})).content.decode()
    assert "องค์การบริหารส่วนตำบลท้ายเหมือง" in html and "0 7500 0000" in html


def test_the_sitemap_lists_public_pages(client, plan):
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>https?://[^/<]+(/sitemap-[a-z]+\.xml)</loc>", index)
    assert len(sections) >= 5, index
    xml = "".join(client.get(section).content.decode() for section in sections)
    for path in [f"/taimueang/plans/{PERIOD}/", f"/taimueang/plans/{PERIOD}/chapters/6/", f"/taimueang/plans/{PERIOD}/strategies/dla/", f"/taimueang/plans/{PERIOD}/projects/4/", "/taimueang/privacy/"]:
        assert path + "</loc>" in xml, path


def test_generated_numbers_follow_the_portal_digit_setting(client, plan, settings):
    settings.PORTAL_DIGITS = "arabic"
    html = client.get(f"/taimueang/plans/{PERIOD}/").content.decode()
    assert "350,000" in html and "2563–2565" in html
    # Text from the plan keeps its Thai digits.
    chapter = client.get(f"/taimueang/plans/{PERIOD}/chapters/2/").content.decode()
    assert "บทที่ ๒" in chapter


def test_the_font_is_served_from_our_own_static_files(client, plan):
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/portal.css"), encoding="utf-8").read()
    assert "../fonts/sarabun-thai-400-normal.woff2" in css
    assert finders.find("fonts/sarabun-thai-400-normal.woff2") and finders.find("fonts/OFL.txt")
    assert "line-height: 1.7" in css
    assert "http" not in client.get("/taimueang/").content.decode().split("<body")[0].replace("http-equiv", "")
