"""The rules a round and its records keep: announcement dates, DB constraints, clear errors."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from monitoring.models import EvaluationRound, IndicatorResult, ProjectProgress
from monitoring.models.records import PROGRESS_DONE_NEEDS_100

REPORT = dt.date(2021, 4, 30)


def _round(published=None):
    published_at = timezone.make_aware(dt.datetime.combine(published, dt.time(23, 30))) if published else None
    return EvaluationRound(report_date=REPORT, published_at=published_at)


def test_results_must_be_announced_within_fifteen_days_of_the_report():
    assert _round().announce_by == dt.date(2021, 5, 15)
    assert not _round(published=dt.date(2021, 5, 15)).is_announcement_late
    late = _round(published=dt.date(2021, 5, 16))
    assert late.is_announcement_late
    assert late.days_late == 1


def test_an_unpublished_round_becomes_late_once_the_deadline_passes():
    unpublished = _round()
    assert not unpublished.is_announcement_late_on(dt.date(2021, 5, 15))
    assert unpublished.is_announcement_late_on(dt.date(2021, 5, 16))


def test_results_stay_up_at_least_thirty_days_from_the_announcement():
    assert _round().keep_up_until is None
    assert _round(published=dt.date(2021, 5, 10)).keep_up_until == dt.date(2021, 6, 9)


def test_the_announcement_date_is_the_local_thai_date(settings):
    # 23:30 in Bangkok on 15 May is 16:30 UTC: still on time.
    assert _round(published=dt.date(2021, 5, 15)).published_on == dt.date(2021, 5, 15)


def _save_fails(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectProgress.objects.create(**fields)


def test_the_database_refuses_impossible_progress(round_2564, plan):
    project = plan["projects"][5]
    _save_fails(round=round_2564, project=project, status="in_progress", percent_done=101)
    _save_fails(round=round_2564, project=project, status="in_progress", budget_spent=Decimal(-1))
    _save_fails(round=round_2564, project=project, status="done", percent_done=90)
    _save_fails(round=round_2564, project=plan["projects"][1], status="in_progress")  # already recorded


def test_a_done_project_is_refused_below_100_percent_with_a_thai_message(round_2564, plan):
    progress = ProjectProgress(round=round_2564, project=plan["projects"][5], status="done", percent_done=90)
    with pytest.raises(ValidationError) as error:
        progress.full_clean()
    assert error.value.message_dict["percent_done"] == [PROGRESS_DONE_NEEDS_100]


def test_a_round_outside_the_plan_years_is_refused(plan, make_round):
    round = make_round(plan["edition"])
    round.fiscal_year = 2570
    with pytest.raises(ValidationError) as error:
        round.full_clean()
    assert "2570" in error.value.message_dict["fiscal_year"][0]


def test_one_result_per_indicator_and_year(plan):
    IndicatorResult.objects.create(indicator=plan["indicator"], fiscal_year=2564, actual_value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorResult.objects.create(indicator=plan["indicator"], fiscal_year=2564, actual_value=2)
