"""The committee types dates as Thai clerks do (พ.ศ., Thai digits) and reads them back in พ.ศ."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.models import EvaluationRound
from plans.models import Edition
from thaimuang_plan.lib.bedates import LOOKS_LIKE_CE

pytestmark = pytest.mark.django_db

ADD = "admin:monitoring_evaluationround_add"


def _round_data(plan, **dates):
    return {
        "edition": plan["edition"].pk,
        "name": "รอบทั้งปี",
        "fiscal_year": "๒๕๖๕",
        "period_start": "1/10/2564",
        "period_end": "30/09/2565",
        "report_date": "31/10/2565",
        "findings-TOTAL_FORMS": "0",
        "findings-INITIAL_FORMS": "0",
        **dates,
    }


def test_a_report_date_typed_as_31_10_2565_is_stored_as_31_october_2022(client, committee_member, plan):
    client.force_login(committee_member)
    response = client.post(reverse(ADD), _round_data(plan))
    assert response.status_code == 302
    round = EvaluationRound.objects.get()
    assert (round.period_start, round.period_end, round.report_date) == (
        dt.date(2021, 10, 1),
        dt.date(2022, 9, 30),
        dt.date(2022, 10, 31),
    )


def test_dates_typed_in_thai_digits_are_accepted(client, committee_member, plan):
    client.force_login(committee_member)
    data = _round_data(plan, period_start="๐๑/๑๐/๒๕๖๔", period_end="๓๐/๐๙/๒๕๖๕", report_date="๓๑/๑๐/๒๕๖๕")
    assert client.post(reverse(ADD), data).status_code == 302
    assert EvaluationRound.objects.get().report_date == dt.date(2022, 10, 31)


def test_a_christian_era_year_is_refused_and_the_form_keeps_what_was_typed(client, committee_member, plan):
    client.force_login(committee_member)
    response = client.post(reverse(ADD), _round_data(plan, report_date="31/10/2022"))
    assert response.status_code == 200
    assert LOOKS_LIKE_CE.format(year=2022, be=2565) in response.text
    assert 'value="31/10/2022"' in response.text
    assert 'value="รอบทั้งปี"' in response.text
    assert not EvaluationRound.objects.exists()


def test_the_change_form_shows_the_dates_in_be_with_a_thai_calendar(client, committee_member, round_2564):
    client.force_login(committee_member)
    response = client.get(reverse("admin:monitoring_evaluationround_change", args=[round_2564.pk]))
    assert 'value="๐๑/๑๐/๒๕๖๓"' in response.text  # 1 October 2020 starts fiscal year 2564
    assert 'value="๓๐/๐๔/๒๕๖๔"' in response.text
    assert "plans/be-datepicker.js" in response.text
    assert "2020" not in response.text and "2021" not in response.text


def test_the_edition_list_shows_when_it_was_published_in_be_with_thai_month_names(client, editor, edition):
    Edition.objects.filter(pk=edition.pk).update(
        published_at=timezone.make_aware(dt.datetime(2026, 12, 2, 15, 20))
    )
    client.force_login(editor)
    response = client.get(reverse("admin:plans_edition_changelist"))
    assert "๒ ธ.ค. ๒๕๖๙ ๑๕:๒๐ น." in response.text
    visible = re.sub(r"<[^>]+>", " ", response.text)  # the rows' lock tokens are ISO timestamps
    assert "2026" not in visible
