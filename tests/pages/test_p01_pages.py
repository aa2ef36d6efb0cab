"""The ผ.01 page shows its strategies a page at a time; its totals are every strategy's."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import Project
from projects.selectors import NO_STRATEGY, P01_PER_PAGE, budget_summary_page, edition_budget_summary
from tests.factories import build_plan
from thaimuang_plan.lib import formatting as fmt


@pytest.fixture
def large(db):
    """Twelve IT strategies (two pages) and a project that names none."""
    edition = build_plan(scale=4)
    Project.objects.create(edition=edition, number=99, name="โครงการที่ยังไม่ระบุยุทธศาสตร์")
    return edition


def _url(edition):
    return reverse("projects:summary", kwargs=edition.address_kwargs)


def _row_labels(html):
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r'<th scope="row">([^<]+)</th>', body)


def test_the_pages_together_are_the_whole_form_and_each_shows_the_totals_of_all(large):
    whole, _ = edition_budget_summary(large)
    pages = [budget_summary_page(large, n) for n in (1, 2)]
    assert [len(p.summary.rows) for p in pages] == [P01_PER_PAGE, 3]  # 12 strategies and the row of none
    assert [row["label"] for p in pages for row in p.summary.rows] == [row["label"] for row in whole.rows]
    assert [row["cells"] for p in pages for row in p.summary.rows] == [row["cells"] for row in whole.rows]
    assert pages[1].summary.rows[-1]["label"] == NO_STRATEGY
    for p in pages:
        assert (p.summary.totals, p.summary.total_count, p.summary.total_amount) == (
            whole.totals, whole.total_count, whole.total_amount,
        )
        assert p.has_sample


def test_the_page_shows_its_rows_the_grand_total_and_a_thai_pager(client, large):
    whole, _ = edition_budget_summary(large)
    first = client.get(_url(large)).content.decode()
    second = client.get(_url(large), {"page": 2}).content.decode()
    assert _row_labels(first) == [row["label"] for row in whole.rows[:P01_PER_PAGE]]
    assert _row_labels(second) == [row["label"] for row in whole.rows[P01_PER_PAGE:]]
    for html in (first, second):
        assert f'<td class="num budget-cell">{fmt.baht(whole.total_amount)}</td>' in html.split("<tfoot>")[1]
        assert 'aria-label="เลือกหน้า ของตาราง ผ.๐๑"' in html
        assert "จาก ๑๓ แถว" in html
    assert 'aria-current="page"><span class="visually-hidden">หน้า </span>๒</a>' in second
    # Page 1 is the page's own address (one cache entry), not ?page=1.
    assert f'<a href="{_url(large)}" rel="prev">' in second and "?page=1" not in second
    assert 'href="?page=2" rel="next"' in first
    assert client.get(_url(large), {"page": "99"}).content.decode().count(NO_STRATEGY) >= 1  # the last page
    assert _row_labels(client.get(_url(large), {"page": "x"}).content.decode()) == _row_labels(first)


def test_a_plan_of_one_page_shows_no_pager(client, db):
    html = client.get(_url(build_plan())).content.decode()
    assert 'class="pagination"' not in html and "แถวที่" not in html


def test_every_page_reads_the_same_number_of_queries(client, large):
    small = build_plan(organization=large.organization, start_year=2566, end_year=2568)
    counts = []
    for edition, page in ((small, 1), (large, 1), (large, 2)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(edition), {"page": page}).status_code == 200
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts
