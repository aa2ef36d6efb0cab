"""The public summary of completeness counts what the publishing checks find, without running them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editions.checks import CHECKS, run_checks
from editions.completeness import COUNTS, public_completeness
from plans.models import Block, Edition, Section
from projects.models import Project
from strategies.models import Framework, Indicator, IndicatorTarget, Strategy, Tactic
from tests.editions.test_checks import CASES, _break
from tests.factories import build_plan


def _as_the_checks_report(edition):
    return [(r.check.title, len(r.findings)) for r in run_checks(edition).results]


@pytest.fixture
def draft(db) -> Edition:
    return build_plan(status=Edition.Status.DRAFT)


def test_every_check_has_a_count():
    assert set(COUNTS) == {check.code for check in CHECKS}


def test_the_factory_plan_as_it_is(draft):
    found = public_completeness(draft).found
    assert found and found == _as_the_checks_report(draft)


@pytest.mark.parametrize("code", [case[0] for case in CASES])
def test_each_check_broken_is_counted_as_the_check_counts_it(draft, code):
    _break(draft, code)
    found = public_completeness(draft).found
    assert found == _as_the_checks_report(draft)
    assert {c.title for c in CHECKS if c.code == code} <= {title for title, _ in found}


def _consistency_problems(edition):
    it = Framework.objects.get(edition=edition, kind=Framework.Kind.IT_PLAN)
    other = Framework.objects.filter(edition=edition).exclude(pk=it.pk).first()
    Strategy.objects.create(framework=other, number=1, title="ซ้ำ", order=90)
    Strategy.objects.create(framework=other, number=9, title="ข้าม และเทศบาลตำบลบ้านนา", order=91)
    Project.objects.filter(edition=edition, number=2).update(number=6, kpi=" \u3000\n\xa0")
    Project.objects.filter(edition=edition, number=1).update(
        rationale="ตามแผนของเทศบาลตำบลบ้านนา องค์การบริหารส่วนตำบลทุกแห่ง และ อบต.บ้านไร่ กับ อบต. บ้านนา", is_sample=True
    )
    Tactic.objects.create(framework=it, number="(๙)", text="กลยุทธ์ที่ไม่มีโครงการ", order=99)
    it_strategy = Strategy.objects.filter(framework=it).first()
    it_strategy.aligns_with.add(Strategy.objects.filter(framework=it).last())
    section = Section.objects.create(edition=edition, number="๙.๑", title="หัวข้อ", order=998)
    Block.objects.create(section=section, text="<p>ของเทศบาล<b>เมืองตรัง</b></p>")


def test_consistency_problems_are_counted_as_the_checks_count_them(draft):
    _consistency_problems(draft)
    found = dict(public_completeness(draft).found)
    assert found == dict(_as_the_checks_report(draft))
    titles = {c.code: c.title for c in CHECKS}
    for code in ("numbering", "project_without_indicator", "tactic_without_project", "alignment_outside_plan",
                 "sample_content", "foreign_organization_name"):
        assert found.get(titles[code]), code
    assert public_completeness(draft).found == _as_the_checks_report(draft)  # the same order too


def test_totals_with_fractions_and_the_last_year_rule(draft):
    indicator = Indicator.objects.filter(framework__edition=draft).first()
    years = indicator.framework.years
    IndicatorTarget.objects.filter(indicator=indicator).delete()
    for year, value in zip(years, ["0.1", "0.2", "0.3"], strict=False):
        IndicatorTarget.objects.create(indicator=indicator, year=year, text=value, value=Decimal(value))
    for rule, total in [("sum", "0.6"), ("sum", "0.5"), ("last", "0.3"), ("last", "0.6"), ("none", "9")]:
        Indicator.objects.filter(pk=indicator.pk).update(total_rule=rule, total_value=Decimal(total))
        assert public_completeness(draft).found == _as_the_checks_report(draft), (rule, total)


def test_an_empty_edition_counts_its_blocking_problems(organization):
    edition = Edition.objects.create(organization=organization, title="แผนทดลอง", start_year=2566, end_year=2568)
    Block.objects.create(section=Section.objects.create(edition=edition, title="คำนำ"), text="คำนำของแผน")
    found = public_completeness(edition).found
    assert found == _as_the_checks_report(edition)
    assert [title for title, _ in found][:2] == ["ไม่มียุทธศาสตร์ของแผน", "ไม่มีโครงการ"]


@pytest.mark.django_db
def test_the_count_reads_a_fixed_number_of_queries_and_agrees_at_a_larger_size():
    small, large = build_plan(), build_plan(start_year=2566, end_year=2570, scale=4)
    counts = []
    for edition in (small, large):
        with CaptureQueriesContext(connection) as queries:
            found = public_completeness(edition).found
        counts.append(len(queries))
        assert found == _as_the_checks_report(edition)
    assert counts[0] == counts[1]
