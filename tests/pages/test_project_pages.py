import re

from django.urls import reverse

from projects.models import Project
from tests.factories import build_plan
from tests.pages.conftest import PERIOD

LIST = reverse("projects:list", kwargs={"org": "taimueang", "period": PERIOD})


def _names(response) -> list[str]:
    """Project names in table order, read from the detail links."""
    return re.findall(r'<a href="/taimueang/plans/2563-2565/projects/\d+/">([^<]+)</a>', response.content.decode())


def test_the_inventory_lists_every_project_with_budget_per_year(client, plan):
    response = client.get(LIST)
    html = response.content.decode()
    assert len(_names(response)) == 4
    assert "จัดหาเครื่องคอมพิวเตอร์สำหรับงานบริการประชาชน" in html
    assert re.search(r'<th scope="col" class="num[^"]*"[^>]*>\s*<a [^>]*>ปี ๒๕๖๓', html)
    assert "๑๒๐,๐๐๐" in html
    assert "<caption" in html


def test_the_inventory_filters_by_strategy_year_unit_and_status(client, plan):
    project = Project.objects.get(edition=plan, number=4)  # budget only in 2564, unit กองการศึกษา
    assert _names(client.get(LIST, {"strategy": project.strategy_id})) == [
        "จัดหาเครื่องคอมพิวเตอร์สำหรับงานบริการประชาชน",
        project.name,
    ]
    in_2563 = _names(client.get(LIST, {"fiscal_year": "2563"}))
    assert project.name not in in_2563 and len(in_2563) == 3
    assert _names(client.get(LIST, {"unit": project.unit_id})) == [project.name]
    assert _names(client.get(LIST, {"status": project.status})) == [project.name]


def test_a_year_filter_keeps_the_budget_columns_right(client, plan):
    html = client.get(LIST, {"fiscal_year": "2564", "sort": "-total"}).content.decode()
    # Project 4 has 120,000 in 2564 only; filtering by year must not multiply its sums.
    assert "๑๒๐,๐๐๐</td>" in html and "๒๔๐,๐๐๐" not in html


def test_each_filter_offers_its_all_choice_once(client, plan):
    html = client.get(LIST).content.decode()
    for label in ("ทุกยุทธศาสตร์", "ทุกปี", "ทุกหน่วยงาน", "ทุกสถานะ"):
        assert html.count(f">{label}</option>") == 1, label
    assert '<option value="" selected>ทุกปี</option>' in html


def test_the_table_title_stays_outside_the_sideways_scrolling_box(client, plan):
    html = client.get(LIST).content.decode()
    title = html.index('<p class="table-title" aria-hidden="true">บัญชีโครงการ')
    assert title < html.index('<div class="table-wrap"') < html.index('<caption id="table-caption" class="visually-hidden">')


def test_a_bad_filter_value_says_so_in_thai_and_keeps_the_other_choices(client, plan):
    html = client.get(LIST, {"fiscal_year": "2599", "status": "done"}).content.decode()
    assert "เงื่อนไขบางข้อใช้ไม่ได้" in html
    assert '<option value="done" selected>' in html


def test_the_inventory_sorts_by_any_column(client, plan):
    by_total = _names(client.get(LIST, {"sort": "-total"}))
    assert by_total[0] == "ติดตั้งเครือข่ายอินเทอร์เน็ตไร้สายในศูนย์พัฒนาเด็กเล็ก"  # 120,000
    assert by_total[-1] == "อบรมการใช้เทคโนโลยีสารสนเทศแก่บุคลากร"  # 45,000
    by_2563 = _names(client.get(LIST, {"sort": "-budget_2563"}))
    assert by_2563[0] == "จัดหาเครื่องคอมพิวเตอร์สำหรับงานบริการประชาชน"
    html = client.get(LIST, {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"' in html


def test_the_inventory_is_paged(client, db):
    edition = build_plan(scale=10)  # 40 projects, 25 a page
    first = _names(client.get(LIST))
    second = _names(client.get(LIST, {"page": 2}))
    assert len(first) == 25 and len(second) == 15
    assert not set(first) & set(second)
    assert 'aria-current="page"' in client.get(LIST, {"page": 2}).content.decode()
    assert edition.projects.count() == 40


def test_pages_sorted_by_a_column_with_ties_show_every_project_once(client, db):
    edition = build_plan(scale=10)  # 40 projects, each budget, status and unit repeated ten times
    for sort in ("-total", "budget_2564", "status", "-unit"):
        html = "".join(client.get(LIST, {"sort": sort, "page": page}).content.decode() for page in (1, 2))
        numbers = re.findall(r'<a href="/taimueang/plans/2563-2565/projects/(\d+)/">', html)
        assert sorted(map(int, numbers)) == sorted(edition.projects.values_list("number", flat=True)), sort


def test_a_project_page_shows_every_field(client, plan):
    project = Project.objects.get(edition=plan, number=1)
    project.kpi = "ร้อยละ ๘๐ ของผู้รับบริการพึงพอใจ"
    project.method = "จัดซื้อตามระเบียบ"
    project.targets = "เครื่องคอมพิวเตอร์ ๓ ชุด"
    project.outcomes = "บริการเร็วขึ้น"
    project.code = "IT-01"
    project.save()
    html = client.get(reverse("projects:detail", kwargs={"org": "taimueang", "period": PERIOD, "number": 1})).content.decode()
    for text in [
        project.name, "IT-01", project.rationale, project.objectives, project.targets, project.method,
        project.duration, project.kpi, project.outcomes, project.unit.name, project.get_status_display(),
        "ยุทธศาสตร์ที่ ๑", "ตัวอย่างกลยุทธ์ของยุทธศาสตร์ที่ ๑", "๔๘,๐๐๐", "๕๒,๐๐๐", "๑๐๐,๐๐๐", "ข้อมูลตัวอย่าง",
    ]:
        assert text in html, text


def test_an_unknown_project_is_not_found(client, plan):
    assert client.get(reverse("projects:detail", kwargs={"org": "taimueang", "period": PERIOD, "number": 999})).status_code == 404


def test_the_p01_summary_adds_up_per_strategy_and_year(client, plan):
    html = client.get(reverse("projects:summary", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    assert "ผ.๐๑" in html
    # Strategy 1 has projects 1 and 4: 48,000 (2563) + 120,000 (2564) + 52,000 (2565) = 220,000.
    assert "๒๒๐,๐๐๐" in html
    assert "๓๕๐,๐๐๐" in html


def test_the_budget_chart_is_an_svg_with_a_text_equivalent(client, plan):
    html = client.get(reverse("projects:summary", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<rect") == 9  # three strategies, three years
    assert "ยุทธศาสตร์ที่ ๑: ปี ๒๕๖๓ ๔๘,๐๐๐ บาท" in svg
    assert "style=" not in svg
