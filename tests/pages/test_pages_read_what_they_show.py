"""A page that misses the cache reads what it shows, not the whole plan.

The foreword is the same few lines in a plan of four projects or of four hundred; before
chapter_view() its page loaded every project, budget and strategy of the plan, and took six
times as long at forty times the plan's size. Counted here: the model instances a page builds
from the rows it reads (post_init fires once per row turned into an instance), and the tables
its queries name.
"""

import re
from collections import Counter
from contextlib import contextmanager

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from projects.selectors import P01_PER_PAGE
from tests.factories import build_plan

PROJECT_TABLES = ("projects_project", "projects_projectbudget")
STRATEGY_TABLES = ("strategies_strategy", "strategies_goal", "strategies_tactic", "strategies_indicator")


@contextmanager
def instances_built():
    """Model label -> how many instances were made from rows while the block ran."""
    counts = Counter()

    def count(sender, **kwargs):
        counts[sender._meta.label] += 1

    post_init.connect(count, weak=False)
    try:
        yield counts
    finally:
        post_init.disconnect(count)


def read(client, url):
    with CaptureQueriesContext(connection) as queries, instances_built() as built:
        response = client.get(url)
    assert response.status_code == 200, url
    tables = {t for q in queries for t in re.findall(r'"?([a-z]+_[a-z]+)"?\.', q["sql"])}
    return dict(built), tables, response.content.decode()


@pytest.fixture
def small_and_large(db):
    small = build_plan(scale=1)
    large = build_plan(organization=small.organization, start_year=2566, end_year=2568, scale=10)
    assert large.projects.count() == 10 * small.projects.count()
    return small, large


def url(edition, tail):
    return f"/taimueang/plans/{edition.slug}/{tail}"


@pytest.mark.parametrize("chapter", ["foreword", "6"])
def test_the_foreword_and_chapter_6_read_no_project_and_no_strategy(client, small_and_large, chapter):
    small, large = small_and_large
    built_small, tables_small, html_small = read(client, url(small, f"chapters/{chapter}/"))
    built_large, tables_large, html_large = read(client, url(large, f"chapters/{chapter}/"))

    assert built_large == built_small
    assert not any(label.startswith(("projects.", "strategies.")) for label in built_large)
    assert not tables_large & {*PROJECT_TABLES, *STRATEGY_TABLES}
    assert tables_large == tables_small
    # What the page shows is all there: the foreword's text and signatory, chapter ๖'s committee.
    if chapter == "foreword":
        assert "ด้วยปัจจุบันการสื่อสารไร้พรมแดน" in html_large and "คณะทำงานระบบเทคโนโลยีสารสนเทศ" in html_large
    else:
        assert "นายสมชาย ใจดี" in html_large and "รอบ ๑๒ เดือน" in html_large


def test_a_higher_framework_page_reads_the_same_rows_whatever_the_number_of_projects(client, small_and_large):
    small, large = small_and_large
    built_small, _, _ = read(client, url(small, "strategies/gov40/"))
    built_large, _, html = read(client, url(large, "strategies/gov40/"))
    assert built_large == built_small
    assert "projects.Project" not in built_large
    assert "เปิดกว้างและเชื่อมโยงกัน" in html


def test_chapter_2_reads_its_three_frameworks_and_no_project(client, small_and_large):
    _, large = small_and_large
    built, _, html = read(client, url(large, "chapters/2/"))
    assert built["strategies.Framework"] == 3  # ระบบราชการ ๔.๐, สถ., the local plan: not the IT plan
    assert "projects.Project" not in built
    assert "ยุทธศาสตร์ที่ ๗" in html  # the local plan's strategy list


def test_the_p01_summary_adds_up_in_the_database_without_loading_projects(client, small_and_large):
    small, large = small_and_large
    built_small, _, _ = read(client, url(small, "projects/summary/"))
    built_large, _, html = read(client, url(large, "projects/summary/"))
    assert "projects.Project" not in built_large and "projects.ProjectBudget" not in built_large
    # One row per IT strategy shown: the small plan's three, a page of the large plan's thirty.
    assert built_small.pop("strategies.Strategy") == 3
    assert built_large.pop("strategies.Strategy") == P01_PER_PAGE
    assert built_large == built_small
    assert "รวมทั้งสิ้น" in html
