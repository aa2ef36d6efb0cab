"""The alignment gap report: every line of it for a plan whose gaps are known, and the source."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from insights.alignment import Level, alignment_report
from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Strategy, Tactic

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PERIOD = "2563-2565"


def _framework(edition, kind, name, order, **extra):
    return Framework.objects.create(edition=edition, kind=kind, name=name, slug=kind.replace("_", "-"), order=order, **extra)


@pytest.fixture
def gapped(edition):
    """A plan with known gaps.

    DLA: strategy 1 (tactics 1.1, 1.2) and strategy 2 (tactic 2.1).
    IT: strategy A aligned to DLA 1, its tactic A.1 aligned to DLA tactic 1.1;
        strategy B aligned to nothing, with tactic B.1 aligned to nothing.
    Projects: P1 under A/A.1 (100 + 50), P2 under A (30), P3 under B (70), P4 with no strategy (5).
    """
    edition.status = Edition.Status.PUBLISHED
    edition.published_at = timezone.now()
    edition.save()
    dla = _framework(edition, Framework.Kind.DLA, "แผนยุทธศาสตร์ กสถ.", 1)
    it = _framework(edition, Framework.Kind.IT_PLAN, "แผนแม่บทไอที", 2)
    d1 = Strategy.objects.create(framework=dla, number=1, title="ยุทธศาสตร์หนึ่งของ กสถ.", order=1)
    d2 = Strategy.objects.create(framework=dla, number=2, title="ยุทธศาสตร์สองของ กสถ.", order=2)
    t11 = Tactic.objects.create(framework=dla, strategy=d1, number="(๑)", text="กลยุทธ์ ๑.๑", order=1)
    Tactic.objects.create(framework=dla, strategy=d1, number="(๒)", text="กลยุทธ์ ๑.๒", order=2)
    Tactic.objects.create(framework=dla, strategy=d2, number="(๑)", text="กลยุทธ์ ๒.๑", order=3)
    a = Strategy.objects.create(framework=it, number=1, title="ไอทีเอ", order=1)
    b = Strategy.objects.create(framework=it, number=2, title="ไอทีบี", order=2)
    a.aligns_with.add(d1)
    a1 = Tactic.objects.create(framework=it, strategy=a, number="(๑)", text="กลยุทธ์ไอทีเอหนึ่ง", order=1)
    a1.aligns_with.add(t11)
    Tactic.objects.create(framework=it, strategy=b, number="(๑)", text="กลยุทธ์ไอทีบีหนึ่ง", order=2)

    def project(number, name, strategy, tactic, budgets):
        p = Project.objects.create(edition=edition, number=number, name=name, strategy=strategy, tactic=tactic)
        for year, amount in budgets.items():
            ProjectBudget.objects.create(project=p, fiscal_year=year, amount=Decimal(amount))
        return p

    project(1, "โครงการหนึ่ง", a, a1, {2563: 100, 2564: 50})
    project(2, "โครงการสอง", a, None, {2565: 30})
    project(3, "โครงการสาม", b, None, {2563: 70})
    project(4, "โครงการสี่", None, None, {2564: 5})
    return edition


def test_each_higher_strategy_lists_what_serves_it_with_budget_per_year(gapped):
    report = alignment_report(gapped)
    (dla,) = report.frameworks
    s1, s2 = dla.strategies
    assert [i.label for i in s1.served.strategies] == ["ยุทธศาสตร์ที่ 1 ไอทีเอ"]
    assert [i.label for i in s1.served.tactics] == ["(๑) กลยุทธ์ไอทีเอหนึ่ง"]
    assert [p.number for p in s1.served.projects] == [1, 2]
    assert s1.served.budgets == [Decimal(100), Decimal(50), Decimal(30)]
    assert s1.served.total == Decimal(180)
    # 180 of the IT plan's 255 baht.
    assert s1.share == Decimal("70.6")
    assert not s2.served.is_served
    assert s2.share == Decimal("0.0")
    assert [s.number for s in dla.unserved_strategies] == [2]


def test_tactics_are_served_directly_at_strategy_level_or_not_at_all(gapped):
    (dla,) = alignment_report(gapped).frameworks
    t11, t12 = dla.strategies[0].tactics
    (t21,) = dla.strategies[1].tactics
    assert t11.level == Level.DIRECT
    assert [p.number for p in t11.served.projects] == [1]
    assert t11.served.total == Decimal(150)
    assert t12.level == Level.STRATEGY
    assert t21.level == Level.NONE
    assert [t.text for t in dla.unserved_tactics] == ["กลยุทธ์ ๒.๑"]


def test_it_strategies_tactics_and_projects_aligned_to_nothing_are_listed(gapped):
    report = alignment_report(gapped)
    assert [i.label for i in report.orphan_strategies] == ["ยุทธศาสตร์ที่ 2 ไอทีบี"]
    assert [i.label for i in report.orphan_tactics] == ["(๑) กลยุทธ์ไอทีบีหนึ่ง"]
    assert [p.number for p in report.orphan_projects] == [3, 4]
    assert report.it_total == Decimal(255)


def test_the_page_shows_the_gaps_and_the_csv_has_a_row_for_every_strategy_and_tactic(gapped):
    client = Client(HTTP_HOST="localhost")
    page = client.get(reverse("insights:alignment", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    assert "ไม่มีสิ่งใดสนับสนุน" in page
    assert "โครงการที่ ๓ โครงการสาม" in page  # listed as aligned to nothing
    assert "ร้อยละ ๗๐.๖" in page  # the chart's label
    response = client.get(reverse("insights:alignment_csv", kwargs={"org": "taimueang", "period": PERIOD}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    levels = [(r[1], r[3], r[4]) for r in rows[1:]]
    assert levels[:5] == [
        ("ยุทธศาสตร์", "ยุทธศาสตร์หนึ่งของ กสถ.", "มีสิ่งสนับสนุน"),
        ("กลยุทธ์", "กลยุทธ์ ๑.๑", "มีสิ่งสนับสนุนโดยตรง"),
        ("กลยุทธ์", "กลยุทธ์ ๑.๒", "สนับสนุนเฉพาะระดับยุทธศาสตร์"),
        ("ยุทธศาสตร์", "ยุทธศาสตร์สองของ กสถ.", "ไม่มีสิ่งใดสนับสนุน"),
        ("กลยุทธ์", "กลยุทธ์ ๒.๑", "ไม่มีสิ่งใดสนับสนุน"),
    ]
    first = rows[1]
    assert first[8:13] == ["100", "50", "30", "180", "70.6"]
    assert [r[3] for r in rows if r[1] == "โครงการที่ไม่สอดคล้องกับกรอบใด"] == ["โครงการสาม", "โครงการสี่"]


def test_residents_get_no_report_of_a_draft(edition):
    client = Client(HTTP_HOST="localhost")
    assert client.get(reverse("insights:alignment", kwargs={"org": "taimueang", "period": PERIOD})).status_code == 404


def test_the_report_costs_the_same_queries_for_a_larger_plan(gapped):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            alignment_report(gapped)
        return len(ctx.captured_queries)

    before = count()
    it = Framework.objects.get(edition=gapped, kind=Framework.Kind.IT_PLAN)
    for n in range(10, 40):
        s = Strategy.objects.create(framework=it, number=n, title=f"เพิ่ม {n}", order=n)
        s.aligns_with.add(Strategy.objects.filter(framework__kind=Framework.Kind.DLA).first())
        p = Project.objects.create(edition=gapped, number=n, name=f"โครงการ {n}", strategy=s)
        ProjectBudget.objects.create(project=p, fiscal_year=2563, amount=Decimal(1))
    assert count() == before


def test_the_source_and_sample_show_the_real_picture(db):
    """The Tai Mueang source links the IT strategies (sample) to DLA and local development
    strategies, but no tactic: every higher tactic is at most served at strategy level."""
    call_command("import_plan", str(FIXTURES / "tai_mueang_2563-2565.txt"), verbosity=0)
    call_command("import_plan", str(FIXTURES / "sample_chapters_3-6.txt"), "--sample", verbosity=0)
    edition = Edition.objects.get(start_year=2563, end_year=2565)
    report = alignment_report(edition)
    by_kind = {f.kind: f for f in report.frameworks}
    gov40, dla, local = by_kind["gov40"], by_kind["dla"], by_kind["local_dev"]
    assert gov40.strategies == [] and gov40.untied_tactics == []
    assert [s.number for s in dla.strategies] == [1, 2, 3, 3, 4, 5, 6]
    assert [s.repeated for s in dla.strategies] == [False, False, True, True, False, False, False]
    served = {(s.number, i) for i, s in enumerate(dla.strategies) if s.served.is_served}
    assert {n for n, _ in served} == {3, 4, 5, 6}
    assert [s.number for s in dla.unserved_strategies] == [1, 2, 3]
    assert dla.direct_tactics == []
    assert {s.number for s in local.strategies if s.served.is_served} == {1, 7}
    # The local plan's tactics are listed for the whole framework, not per strategy.
    assert local.unserved_tactics == local.all_tactics and len(local.all_tactics) == 18
    assert report.has_sample
    assert report.orphan_projects == []
    assert report.it_total == sum(report.it_budgets)


def test_the_plan_pdf_carries_the_report_as_an_annex_listed_in_its_contents(gapped):
    from portal.pdf.documents import plan_html

    html = plan_html(gapped)
    assert 'href="#annex-alignment">ภาคผนวก' in html
    annex = html[html.index('id="annex-alignment"'):]
    assert "ยุทธศาสตร์ที่ ๒ ยุทธศาสตร์สองของ กสถ." in annex
    assert "ไม่มีสิ่งใดสนับสนุน" in annex
    assert "โครงการที่ ๓ โครงการสาม" in annex  # aligned to nothing above
