"""Spending over the plan's budget is saved with a warning (not refused), and asks for a reason."""

from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import ProjectProgress
from monitoring.warnings import GIVE_A_REASON, over_plan
from tests.admin.conftest import change_form_data
from tests.monitoring.test_monitoring_admin import _current_form, _entry_url

pytestmark = pytest.mark.django_db


def test_the_warning_says_how_many_times_the_plan_was_spent():
    assert (
        over_plan(Decimal(20_000_000), Decimal(100_000))
        == "ใช้งบ ๒๐,๐๐๐,๐๐๐ บาท เกินงบตามแผน ๑๐๐,๐๐๐ บาท (๒๐๐ เท่าของแผน)"
    )
    assert over_plan(Decimal(150_000), Decimal(100_000)).endswith("(๑.๕ เท่าของแผน)")
    assert over_plan(Decimal(100_000), Decimal(100_000)) is None
    assert over_plan(Decimal(5), Decimal(0)) == "ใช้งบ ๕ บาท ทั้งที่แผนไม่มีงบของปีนี้"
    assert over_plan(Decimal(0), None) is None


def test_spending_200_times_the_plan_is_saved_with_a_warning_and_a_request_for_a_reason(
    client, committee_member, round_2564, plan
):
    client.force_login(committee_member)
    project = plan["projects"][1]  # 100,000 baht planned in 2564
    data = _current_form(client, round_2564)
    data[f"p{project.pk}-budget_spent"] = "๒๐,๐๐๐,๐๐๐"
    response = client.post(_entry_url(round_2564), data, follow=True)

    assert response.redirect_chain
    record = ProjectProgress.objects.get(round=round_2564, project=project)
    assert record.budget_spent == Decimal(20_000_000)
    page = response.text
    assert "บันทึกแล้ว แต่ ๑ โครงการใช้งบเกินแผน: โครงการที่ ๑" in page
    assert "ยังไม่ได้กรอกเหตุผลที่ใช้งบเกินแผนของ โครงการที่ ๑" in page
    assert "(๒๐๐ เท่าของแผน)" in page  # shown again on the project's row


def test_with_a_reason_the_warning_stays_but_no_reason_is_asked_for(
    client, committee_member, round_2564, plan
):
    client.force_login(committee_member)
    project = plan["projects"][1]
    data = _current_form(client, round_2564)
    data[f"p{project.pk}-budget_spent"] = "๑๕๐,๐๐๐"
    data[f"p{project.pk}-overspend_reason"] = "ได้รับงบเพิ่มเติมจากการโอนงบประมาณ"
    response = client.post(_entry_url(round_2564), data, follow=True)
    assert "ใช้งบเกินแผน: โครงการที่ ๑" in response.text
    assert "ยังไม่ได้กรอกเหตุผล" not in response.text
    assert ProjectProgress.objects.get(round=round_2564, project=project).overspend_reason.startswith(
        "ได้รับงบ"
    )


def test_the_single_record_form_warns_too(client, committee_member, round_2564, plan):
    client.force_login(committee_member)
    record = ProjectProgress.objects.get(round=round_2564, project=plan["projects"][2])  # 300,000 planned
    url = reverse("admin:monitoring_projectprogress_change", args=[record.pk])
    data = change_form_data(client.get(url))
    data["budget_spent"] = "๔๐๐,๐๐๐"
    response = client.post(url, data, follow=True)
    record.refresh_from_db()
    assert record.budget_spent == Decimal(400_000)
    assert GIVE_A_REASON in response.text
