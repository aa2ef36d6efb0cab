"""Several organizations on one deployment, as residents and the host see it: each organization's
pages under its own slug, the old one-organization addresses, the host's landing page and the
open data across organizations."""

import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from plans.models import RESERVED_SLUGS, Edition, Organization, validate_organization_slug
from projects.models import Project
from tests.factories import build_plan

PERIOD = "2563-2565"


def _other_organization(slug="bangkruai", name="เทศบาลเมืองบางกรวย", province="นนทบุรี", district="บางกรวย", **extra):
    return Organization.objects.create(slug=slug, name=name, province=province, district=district, **extra)


@pytest.fixture
def two_plans(db):
    """อบต.ท้ายเหมือง and a second organization, each with a published plan for the same period."""
    ours = build_plan()
    Organization.objects.filter(pk=ours.organization_id).update(province="พังงา", district="ท้ายเหมือง", code="6820801")
    other_org = _other_organization(code="5120301")
    theirs = build_plan(organization=other_org)
    Project.objects.filter(edition=theirs, number=1).update(name="=HYPERLINK(\"http://x\") โครงการของบางกรวย")
    return Edition.objects.select_related("organization").get(pk=ours.pk), theirs


# --- Each organization at its own address -----------------------------------------------------


def test_each_organization_reads_its_own_plan_at_its_own_address(client, two_plans):
    ours, theirs = two_plans
    mine = client.get(f"/taimueang/plans/{PERIOD}/").content.decode()
    other = client.get(f"/bangkruai/plans/{PERIOD}/").content.decode()
    assert "องค์การบริหารส่วนตำบลท้ายเหมือง" in mine and "เทศบาลเมืองบางกรวย" not in mine
    assert "เทศบาลเมืองบางกรวย" in other
    # Links on a page stay inside its organization.
    assert f'href="/bangkruai/plans/{PERIOD}/projects/"' in other
    assert f'href="/taimueang/plans/{PERIOD}/projects/"' not in other


def test_an_organization_s_project_is_not_reachable_under_another_s_address(client, two_plans):
    ours, theirs = two_plans
    assert client.get(f"/bangkruai/plans/{PERIOD}/projects/1/").status_code == 200
    draft = build_plan(organization=theirs.organization, start_year=2566, end_year=2570, status=Edition.Status.DRAFT)
    # Their draft is not ours to show, nor theirs to show to residents.
    assert client.get(f"/taimueang/plans/{draft.permanent_slug}/").status_code == 404
    assert client.get(f"/bangkruai/plans/{draft.permanent_slug}/").status_code == 404
    assert client.get(f"/nobody/plans/{PERIOD}/").status_code == 404


def test_search_finds_only_the_organization_s_own_plan(client, two_plans):
    html = client.get(f"/taimueang/plans/{PERIOD}/search/", {"q": "บางกรวย"}).content.decode()
    assert "โครงการของบางกรวย" not in html
    html = client.get(f"/bangkruai/plans/{PERIOD}/search/", {"q": "บางกรวย"}).content.decode()
    assert "โครงการของบางกรวย" in html


def test_the_sitemap_lists_every_organization_s_pages(client, two_plans):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-projects.xml" in index
    projects = client.get("/sitemap-projects.xml").content.decode()
    assert f"/taimueang/plans/{PERIOD}/projects/1/</loc>" in projects
    assert f"/bangkruai/plans/{PERIOD}/projects/1/</loc>" in projects
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "/organizations/</loc>" in pages and "/bangkruai/</loc>" in pages


def test_the_transparency_pack_is_the_organization_s_own(client, two_plans):
    rows = json.loads(client.get("/bangkruai/transparency/index.json").content)
    assert rows["organization"] == "เทศบาลเมืองบางกรวย"
    assert all("/bangkruai/" in item["url"] for item in rows["items"])


# --- The addresses of a one-organization portal ---------------------------------------------


def test_a_one_organization_portal_s_old_addresses_lead_permanently_to_the_new(client, db):
    build_plan()
    for old, new in [
        (f"/plans/{PERIOD}/", f"/taimueang/plans/{PERIOD}/"),
        (f"/plans/{PERIOD}/chapters/2/", f"/taimueang/plans/{PERIOD}/chapters/2/"),
        (f"/plans/{PERIOD}/projects/?status=planned", f"/taimueang/plans/{PERIOD}/projects/?status=planned"),
        (f"/plans/{PERIOD}/pdf/", f"/taimueang/plans/{PERIOD}/pdf/"),
        ("/plans/", "/taimueang/plans/"),
        ("/privacy/", "/taimueang/privacy/"),
        ("/transparency/index.csv", "/taimueang/transparency/index.csv"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
    # The front page opens the plan as it always did (not for good: a second organization may join).
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/taimueang/"
    assert client.get("/", follow=True).status_code == 200


def test_with_several_organizations_an_old_plan_address_goes_where_it_can_only_mean_one(client, two_plans):
    ours, theirs = two_plans
    build_plan(organization=ours.organization, start_year=2566, end_year=2570)
    # Only Tai Mueang has a plan for 2566-2570: the old address can mean only it.
    response = client.get("/plans/2566-2570/")
    assert response.status_code == 301 and response["Location"] == "/taimueang/plans/2566-2570/"
    # Both have 2563-2565: the resident chooses, with a link to each.
    response = client.get(f"/plans/{PERIOD}/projects/")
    assert response.status_code == 300
    html = response.content.decode()
    assert f'href="/taimueang/plans/{PERIOD}/projects/"' in html and f'href="/bangkruai/plans/{PERIOD}/projects/"' in html
    assert client.get("/plans/2590-2592/").status_code == 404
    # The front page of a host is the list of its organizations.
    front = client.get("/")
    assert front.status_code == 200 and "เทศบาลเมืองบางกรวย" in front.content.decode()


# --- Slugs ------------------------------------------------------------------------------------


def test_no_organization_can_take_an_address_the_portal_uses_itself():
    first_segments = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver | URLPattern):
            route = str(entry.pattern).lstrip("^")
            segment = route.split("/", 1)[0]
            # A segment with a converter in it (sitemap-<section>.xml) holds a dot: never a slug.
            head = "" if "<" in segment else segment.split("(", 1)[0]
            if head and not head.startswith("?"):
                first_segments.add(head.rstrip("\\.").replace("\\", ""))
            if isinstance(entry, URLResolver) and not head:
                for sub in entry.url_patterns:
                    sub_route = str(sub.pattern).lstrip("^")
                    sub_head = sub_route.split("/", 1)[0].split("<", 1)[0]
                    if sub_head.startswith("(?P<rest>"):
                        first_segments.update(sub_head.split("(?:", 1)[1].split(")", 1)[0].split("|"))
                    elif sub_head and "(" not in sub_head:
                        first_segments.add(sub_head.replace("\\", ""))
    first_segments.discard("")
    assert first_segments <= RESERVED_SLUGS, first_segments - RESERVED_SLUGS
    for word in RESERVED_SLUGS:
        with pytest.raises(ValidationError):
            validate_organization_slug(word)


@pytest.mark.parametrize("slug", ["Taimueang", "ท้ายเหมือง", "a", "tai mueang", "-tai", "tai-", "x" * 41])
def test_a_slug_that_is_not_an_address_is_refused_in_thai(slug):
    with pytest.raises(ValidationError) as refused:
        validate_organization_slug(slug)
    assert "ที่อยู่เว็บ" in refused.value.messages[0]


def test_an_organization_created_without_a_slug_gets_a_free_one(db):
    first = Organization.objects.create(name="อบต.หนึ่ง", website="https://www.nuengtambon.go.th/")
    second = Organization.objects.create(name="อบต.สอง")
    third = Organization.objects.create(name="อบต.สาม", website="https://www.nuengtambon.go.th/")
    assert (first.slug, second.slug, third.slug) == ("nuengtambon", "org-1", "org-2")


# --- The host's landing page --------------------------------------------------------------------


def test_the_landing_page_lists_each_organization_with_its_current_plan_in_figures(client, two_plans):
    ours, theirs = two_plans
    html = client.get("/organizations/").content.decode()
    assert "องค์การบริหารส่วนตำบลท้ายเหมือง" in html and "เทศบาลเมืองบางกรวย" in html
    assert 'href="/bangkruai/"' in html and f'href="/taimueang/plans/{PERIOD}/"' in html
    count = Project.objects.filter(edition=ours).count()
    assert f'<td class="num">{count:,}</td>'.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in html
    assert "นนทบุรี" in html and "รหัส 5120301" in html


def test_the_landing_page_filters_by_province_district_and_name(client, two_plans):
    _other_organization(slug="pakkret", name="เทศบาลนครปากเกร็ด", district="ปากเกร็ด")
    by_province = client.get("/organizations/", {"province": "นนทบุรี"}).content.decode()
    assert "เทศบาลเมืองบางกรวย" in by_province and "ท้ายเหมือง</a>" not in by_province
    by_district = client.get("/organizations/", {"province": "นนทบุรี", "district": "ปากเกร็ด"}).content.decode()
    assert "เทศบาลนครปากเกร็ด" in by_district and "เทศบาลเมืองบางกรวย" not in by_district
    assert "ยังไม่มีแผนที่เผยแพร่" in by_district  # ปากเกร็ด has no plan yet
    by_name = client.get("/organizations/", {"q": "ท้ายเหมือง"}).content.decode()
    assert "องค์การบริหารส่วนตำบลท้ายเหมือง" in by_name and "บางกรวย</a>" not in by_name
    by_code = client.get("/organizations/", {"q": "5120301"}).content.decode()
    assert "เทศบาลเมืองบางกรวย" in by_code
    nothing = client.get("/organizations/", {"q": "ไม่มีหน่วยงานนี้"})
    assert nothing.status_code == 200 and "ไม่พบหน่วยงานตามเงื่อนไขที่เลือก" in nothing.content.decode()


def test_the_landing_page_costs_the_same_queries_with_ten_times_the_organizations(client, two_plans, settings):
    settings.PAGE_CACHE = False

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/organizations/").status_code == 200
        return len(queries)

    before = count()
    for n in range(18):
        organization = _other_organization(slug=f"tambon-{n}", name=f"อบต.ทดสอบ {n}", district=f"อำเภอ {n}")
        if n % 3 == 0:
            build_plan(organization=organization)
    assert count() == before


# --- Open data across organizations ---------------------------------------------------------


def test_open_data_has_one_row_per_published_project_with_its_organization(client, two_plans):
    ours, theirs = two_plans
    build_plan(organization=theirs.organization, start_year=2566, end_year=2570, status=Edition.Status.DRAFT)
    published = Project.objects.filter(edition__status=Edition.Status.PUBLISHED).count()
    data = json.loads(client.get("/data/projects.json").content)
    assert len(data["rows"]) == published
    names = {row["organization"] for row in data["rows"]}
    assert names == {"องค์การบริหารส่วนตำบลท้ายเหมือง", "เทศบาลเมืองบางกรวย"}
    codes = {row["organization"]: row["organization_code"] for row in data["rows"]}
    assert codes["เทศบาลเมืองบางกรวย"] == "5120301"
    one = next(r for r in data["rows"] if r["organization"] == "เทศบาลเมืองบางกรวย" and r["number"] == 2)
    expected = sum(b.amount for b in Project.objects.get(edition=theirs, number=2).budgets.all())
    assert one["budget_total"] == expected

    response = client.get("/data/projects.csv")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["รหัส อปท.", "หน่วยงาน"] and len(rows) == published + 1
    # A spreadsheet never runs a project name as a formula.
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(client.get("/data/projects.xlsx").content)).active
    assert sheet.max_row == published + 1 and sheet["B1"].value == "หน่วยงาน"


def test_the_landing_page_takes_any_typed_text_without_an_error(client, two_plans):
    for params in ({"q": "ท้าย\x00เหมือง"}, {"province": "\x00"}, {"district": "a\x00b", "page": "-1"}, {"page": "x" * 50}):
        assert client.get("/organizations/", params).status_code == 200, params
