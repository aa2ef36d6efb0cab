"""The annual report's data (the PDF renders it) and the sample records command."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from monitoring.models import EvaluationRound, IndicatorResult, ProjectProgress, RoundFinding
from monitoring.reports import ReportNotAvailable, annual_report, report_is_public

pytestmark = pytest.mark.django_db


def test_the_annual_report_is_built_on_the_round_covering_the_year(plan, make_round, record):
    edition = plan["edition"]
    half = make_round(edition, name="รอบ ๖ เดือน", published=dt.date(2021, 5, 3))
    annual = make_round(
        edition, name="รอบ ๑๒ เดือน", months=12, report=dt.date(2021, 10, 29), published=dt.date(2021, 11, 5)
    )
    record(half, plan["projects"][1], percent=30)
    record(annual, plan["projects"][1], status="done", percent=100, spent=98_000)
    record(annual, plan["projects"][2], status="cancelled", percent=0)
    RoundFinding.objects.create(round=annual, kind="recommendation", text="ควรตั้งงบบำรุงรักษา")
    IndicatorResult.objects.create(
        indicator=plan["indicator"], fiscal_year=2564, actual_value=3, actual_text="๓ ระบบ"
    )

    report = annual_report(edition, 2564)

    assert report.round == annual
    assert (report.period_start, report.period_end) == (dt.date(2020, 10, 1), dt.date(2021, 9, 30))
    assert report.report_date == dt.date(2021, 10, 29)
    assert report.chair.name == "นายประธาน ใจดี" and report.secretary.name == "นายเลขา รอบคอบ"
    assert [line.project.number for line in report.projects] == [1, 2, 3, 5]
    assert report.plan.progress == Decimal("100.00")  # the cancelled project is left out
    assert report.planned_total == Decimal(450_000) and report.spent_total == Decimal(98_000)
    assert report.indicators.met == 1
    assert [f.text for f in report.recommendations] == ["ควรตั้งงบบำรุงรักษา"]
    assert "๒๕๖๔" in report.title


def test_the_report_is_public_only_once_a_round_of_the_year_is_published(plan, make_round, record):
    edition = plan["edition"]
    round = make_round(edition)
    record(round, plan["projects"][1])
    assert not report_is_public(edition, 2564)
    with pytest.raises(ReportNotAvailable):
        annual_report(edition, 2564)
    assert annual_report(edition, 2564, include_unpublished=True).is_published is False

    EvaluationRound.objects.filter(pk=round.pk).update(published_at=dt.datetime(2021, 5, 3, tzinfo=dt.UTC))
    assert report_is_public(edition, 2564)
    assert not report_is_public(edition, 2565)


def test_sample_monitoring_is_labelled_and_loading_it_twice_changes_nothing(plan):
    call_command("load_sample_monitoring", "--period", "2563-2565")
    counts = (
        EvaluationRound.objects.count(),
        ProjectProgress.objects.count(),
        RoundFinding.objects.count(),
        IndicatorResult.objects.count(),
    )
    call_command("load_sample_monitoring", "--period", "2563-2565")
    assert (
        EvaluationRound.objects.count(),
        ProjectProgress.objects.count(),
        RoundFinding.objects.count(),
        IndicatorResult.objects.count(),
    ) == counts
    rounds = list(EvaluationRound.objects.order_by("fiscal_year", "period_end"))
    assert [r.is_sample for r in rounds] == [True, True, True]
    assert [r.is_published for r in rounds] == [True, True, False]
    assert rounds[1].is_announcement_late  # the annual sample round shows the flag
    assert ProjectProgress.objects.filter(round=rounds[0]).count() == 4  # the projects with a 2564 line
    assert IndicatorResult.objects.get().is_sample


def test_the_sample_command_leaves_real_results_alone(plan):
    real = IndicatorResult.objects.create(
        indicator=plan["indicator"], fiscal_year=2564, actual_value=1, actual_text="๑"
    )
    call_command("load_sample_monitoring")
    real.refresh_from_db()
    assert (real.actual_text, real.is_sample) == ("๑", False)
