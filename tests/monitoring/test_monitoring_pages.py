"""The public monitoring pages: the publish gate, what residents read, and a constant query count."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.services import round_publish
from projects.models import Project, ProjectBudget

pytestmark = pytest.mark.django_db


def _round_url(round):
    return reverse("monitoring:round", kwargs={"org": "taimueang", "period": "2563-2565", "pk": round.pk})


INDEX = reverse("monitoring:index", kwargs={"org": "taimueang", "period": "2563-2565"})


def test_residents_cannot_see_a_round_before_the_committee_publishes_it(client, round_2564, committee_member):
    assert client.get(_round_url(round_2564)).status_code == 404
    assert round_2564.name not in client.get(INDEX).content.decode()

    round_publish(round=round_2564, user=committee_member)
    response = client.get(_round_url(round_2564))
    assert response.status_code == 200
    assert "ติดตั้งเครือข่ายแล้ว ๓ จุด" in response.content.decode()
    assert round_2564.name in client.get(INDEX).content.decode()


def test_staff_preview_an_unpublished_round_marked_as_not_yet_public(client, round_2564, editor):
    client.force_login(editor)
    page = client.get(_round_url(round_2564)).content.decode()
    assert "ยังไม่เผยแพร่" in page


def test_a_round_of_another_edition_is_not_found_under_this_address(client, plan, make_round, organization):
    from plans.models import Edition

    other = Edition.objects.create(
        organization=organization,
        title="แผนเก่า",
        start_year=2560,
        end_year=2562,
        status=Edition.Status.ARCHIVED,
    )
    round = make_round(other, year=2561, report=dt.date(2018, 4, 30), published=dt.date(2018, 5, 1))
    round.period_start, round.period_end = dt.date(2017, 10, 1), dt.date(2018, 3, 31)
    round.save()
    assert client.get(_round_url(round)).status_code == 404


def test_the_round_page_shows_rollups_dates_and_the_late_flag(client, plan, make_round, record):
    round = make_round(plan["edition"], report=dt.date(2021, 4, 30), published=dt.date(2021, 5, 20))
    record(round, plan["projects"][1], percent=50, spent=40_000)
    record(round, plan["projects"][2], percent=10, spent=30_000)
    page = client.get(_round_url(round)).content.decode()
    assert "ประกาศล่าช้ากว่ากำหนด ๕ วัน" in page
    assert "๑๕ พฤษภาคม ๒๕๖๔" in page  # announce by
    assert "๑๙ มิถุนายน ๒๕๖๔" in page  # kept up until
    assert "๒๐.๐%" in page  # (100,000 × 50 + 300,000 × 10) / 400,000
    assert "๗๐,๐๐๐" in page  # spent in strategy 1
    assert "ยังไม่รายงาน" in page  # project 5 has budget in 2564 and no record
    assert page.count("<h1") == 1
    assert "<svg" in page and "<caption" in page and 'scope="col"' in page


def test_a_round_announced_on_time_carries_no_late_flag(client, plan, make_round, record):
    round = make_round(plan["edition"], published=dt.date(2021, 5, 3))
    record(round, plan["projects"][1])
    assert "ล่าช้า" not in client.get(_round_url(round)).content.decode()


def test_sample_rounds_are_labelled_as_sample(client, plan, make_round, record):
    round = make_round(plan["edition"], published=dt.date(2021, 5, 3), is_sample=True)
    record(round, plan["projects"][1])
    assert "ข้อมูลตัวอย่าง" in client.get(_round_url(round)).content.decode()


def test_the_monitoring_page_lists_the_committee_and_the_latest_results(client, plan, make_round, record):
    round = make_round(plan["edition"], published=dt.date(2021, 5, 3))
    record(round, plan["projects"][1], percent=50, spent=40_000)
    page = client.get(INDEX).content.decode()
    assert "นายประธาน ใจดี" in page and "ประธานกรรมการ" in page
    assert f"ผลล่าสุด: {round}" in page
    assert page.count("<h1") == 1


_TITLED_TABLE = re.compile(
    r'<p class="table-title" aria-hidden="true">(?P<title>[^<]*)</p>\s*'
    r'<div class="table-wrap" tabindex="0" role="region" aria-labelledby="(?P<id>[^"]+)">\s*<table[^>]*>\s*'
    r'<caption id="(?P=id)" class="visually-hidden">(?P=title)</caption>'
)


def test_each_table_title_stays_above_its_scrolling_box_on_a_phone(client, plan, make_round, record):
    round = make_round(plan["edition"], published=dt.date(2021, 5, 3))
    record(round, plan["projects"][1], percent=50, spent=40_000)
    for url in (INDEX, _round_url(round)):
        page = client.get(url).content.decode()
        titled = _TITLED_TABLE.findall(page)
        assert titled and len(titled) == page.count("<table"), url


def _add_projects(plan, count, start):
    for number in range(start, start + count):
        project = Project.objects.create(
            edition=plan["edition"],
            number=number,
            name=f"โครงการ {number}",
            strategy=plan["strategies"][number % 2],
        )
        ProjectBudget.objects.create(project=project, fiscal_year=2564, amount=Decimal(1000 * number))


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["round", "index"])
def test_the_pages_run_the_same_number_of_queries_however_many_projects(
    client, plan, make_round, record, page
):
    round = make_round(plan["edition"], published=dt.date(2021, 5, 3))
    record(round, plan["projects"][1])
    url = _round_url(round) if page == "round" else INDEX
    _add_projects(plan, 3, start=10)
    before = _queries(client, url)
    _add_projects(plan, 12, start=20)
    for project in Project.objects.filter(number__gte=20):
        record(round, project, percent=project.number % 100)
    assert _queries(client, url) == before


def test_the_chart_has_a_bar_per_strategy_proportional_to_the_amounts(client, plan, make_round, record):
    round = make_round(plan["edition"], published=dt.date(2021, 5, 3))
    record(round, plan["projects"][1], spent=100_000)
    page = client.get(_round_url(round)).content.decode()
    widths = [int(w) for w in re.findall(r'<rect x="230" y="\d+" width="(\d+)" height="16"', page)]
    # Strategy 1: planned 400,000 (full length 520), spent 100,000 (a quarter).
    assert widths[:2] == [520, 130]
