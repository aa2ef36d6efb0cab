"""The public comparison of two editions: what was added, removed and changed, with budget differences."""

import csv
import io
from decimal import Decimal

import pytest

from editions.compare import compare_editions
from editions.services import edition_publish_as_told
from plans.models import Block, Section
from projects.models import Project, ProjectBudget
from strategies.models import Goal, IndicatorTarget, Strategy
from tests.editions.conftest import PERIOD

COMPARE = f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r1/"


@pytest.fixture
def changed(plan, revision):
    """A published revision with one change of each kind."""
    strategy = Strategy.objects.get(framework__edition=revision, framework__kind="it_plan", number=2)
    strategy.title = "ยุทธศาสตร์ที่สองฉบับแก้ไข"
    strategy.save()
    Goal.objects.create(strategy=strategy, number="(๒)", text="เป้าประสงค์ที่เพิ่มในฉบับแก้ไข", order=2)
    IndicatorTarget.objects.filter(indicator__framework__edition=revision, indicator__number="๑)", year=2565).update(
        text="๒ ระบบ", value=2
    )
    ProjectBudget.objects.filter(project__edition=revision, project__number=2, fiscal_year=2564).update(amount=40000)
    Project.objects.filter(edition=revision, number=4).delete()
    section = Section.objects.get(edition=revision, number="บทที่ ๑")
    Block.objects.create(section=section, order=5, text="ย่อหน้าที่เพิ่มในฉบับแก้ไข")
    edition_publish_as_told(edition=revision)
    return revision


def test_the_comparison_lists_each_known_change(plan, changed):
    comparison = compare_editions(plan, changed)
    by_title = {g.title: g for g in comparison.groups}
    strategy = by_title["ยุทธศาสตร์"].changes
    assert [(c.status, c.label) for c in strategy] == [("changed", "แผนแม่บทไอที: ยุทธศาสตร์ที่ ๒")]
    assert (strategy[0].fields[0].old, strategy[0].fields[0].new) == ("ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๒", "ยุทธศาสตร์ที่สองฉบับแก้ไข")
    assert [c.status for c in by_title["เป้าประสงค์"].changes] == ["added"]
    target = by_title["ตัวชี้วัดและค่าเป้าหมาย"].changes[0].fields[0]
    assert (target.name, target.old, target.new) == ("ค่าเป้าหมายปี ๒๕๖๕", "๑ ระบบ", "๒ ระบบ")
    assert [(c.status, c.label) for c in by_title["โครงการ"].changes] == [("removed", "โครงการที่ ๔")]
    budget = {c.label: c for c in by_title["งบประมาณโครงการรายปี (บาท)"].changes}
    assert budget["โครงการที่ ๒ พัฒนาเว็บไซต์และระบบข่าวสารของ อบต."].fields[0].difference == Decimal(10000)
    assert budget["โครงการที่ ๔ ติดตั้งเครือข่ายอินเทอร์เน็ตไร้สายในศูนย์พัฒนาเด็กเล็ก"].status == "removed"
    text = by_title["เนื้อหาในเอกสาร"].changes[0]
    assert text.label.startswith("บทที่ ๑") and "ย่อหน้าที่เพิ่มในฉบับแก้ไข" in text.fields[0].new
    totals = {t.year: t.difference for t in comparison.budget_by_year}
    assert totals == {2563: Decimal(0), 2564: Decimal(10000) - Decimal(120000), 2565: Decimal(0)}


def test_the_public_page_shows_the_changes_side_by_side_in_thai(client, plan, changed):
    html = client.get(COMPARE).content.decode()
    assert "เปรียบเทียบแผนสองฉบับ" in html
    assert "ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๒" in html and "ยุทธศาสตร์ที่สองฉบับแก้ไข" in html
    assert "+๑๐,๐๐๐" in html and "−๑๑๐,๐๐๐" in html
    assert "ตัดออก" in html and "เพิ่มใหม่" in html
    assert "ฉบับแก้ไข ครั้งที่ ๑" in html and "อนุมัติโดยมติสภา" in html
    assert f'href="/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r1/csv/"' in html
    assert "compare.css" in html  # its print rules: headers repeat, rows stay whole


def test_each_edition_page_links_to_the_comparison_with_the_previous_one(client, plan, changed):
    html = client.get(f"/taimueang/plans/{PERIOD}/").content.decode()
    assert f'href="/taimueang/plans/{PERIOD}/compare/"' in html and "เปรียบเทียบกับฉบับก่อนหน้า" in html
    response = client.get(f"/taimueang/plans/{PERIOD}/compare/")
    assert response.status_code == 302 and response["Location"] == COMPARE


def test_the_csv_carries_the_changes_with_numbers_and_never_a_formula(client, plan, changed):
    Strategy.objects.filter(framework__edition=changed, number=1, framework__kind="it_plan").update(title="=HYPERLINK(1)")
    Goal.objects.filter(text="เป้าประสงค์ที่เพิ่มในฉบับแก้ไข").update(text="@SUM(A1)")
    Project.objects.filter(edition=changed, number=1).update(name="-2+3")
    Project.objects.filter(edition=changed, number=3).update(name="\tทาบ", kpi="+ร้อยละ ๘๐", duration="\rคืนค่า")
    response = client.get(COMPARE + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    for bad in ["=HYPERLINK(1)", "@SUM(A1)", "-2+3", "\tทาบ", "+ร้อยละ ๘๐", "\rคืนค่า"]:
        assert "'" + bad in cells, bad
        assert bad not in cells
    budget = next(r for r in rows if r[2].startswith("โครงการที่ ๒") and r[3] == "ปี ๒๕๖๔")
    assert budget[4:] == ["30000", "40000", "10000"]
    # A negative difference is a number, not neutralised text.
    assert any(r[0] == "งบประมาณรวมรายปี (บาท)" and r[6] == "-110000" for r in rows)


def test_any_two_public_editions_can_be_compared_but_not_a_draft(client, plan, revision):
    assert client.get(f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r0/").status_code == 200
    assert client.get(f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r1/").status_code == 404
    picked = client.get(f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r0/", {"a": f"{PERIOD}/r0", "b": f"{PERIOD}/r0"})
    assert picked.status_code == 302
    assert client.get(f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r0/", {"a": "../../admin", "b": "x"}).status_code == 404


def test_the_comparison_takes_the_same_number_of_queries_whatever_the_size(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import build_plan

    small = build_plan()
    large = build_plan(organization=small.organization, start_year=2566, end_year=2568, scale=10, status="draft")
    counts = []
    for edition in (small, large):
        with CaptureQueriesContext(connection) as queries:
            compare_editions(edition, edition)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_comparison_writes_its_own_numbers_in_the_portals_digit_style(client, settings, plan, changed):
    settings.PORTAL_DIGITS = "arabic"
    by_title = {g.title: g for g in compare_editions(plan, changed).groups}
    assert [c.label for c in by_title["ยุทธศาสตร์"].changes] == ["แผนแม่บทไอที: ยุทธศาสตร์ที่ 2"]
    assert [c.label for c in by_title["โครงการ"].changes] == ["โครงการที่ 4"]
    assert by_title["ตัวชี้วัดและค่าเป้าหมาย"].changes[0].fields[0].name == "ค่าเป้าหมายปี 2565"
    html = client.get(COMPARE).content.decode()
    assert "+10,000" in html and "−110,000" in html
