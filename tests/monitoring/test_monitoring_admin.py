"""The committee in the admin: records and publishes rounds, reads the plan, cannot change it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.forms import CHOOSE_STATUS, PERCENT_RANGE
from monitoring.models import EvaluationRound, ProjectProgress
from plans.forms import NOT_A_NUMBER, STALE_SAVE

pytestmark = pytest.mark.django_db


def _entry_url(round):
    return reverse("admin:monitoring_evaluationround_entry", args=[round.pk])


def _row(project, status="", percent="", spent="", outputs="", problems="", next_steps="", token=""):
    prefix = f"p{project.pk}"
    return {
        f"{prefix}-status": status,
        f"{prefix}-percent_done": percent,
        f"{prefix}-budget_spent": spent,
        f"{prefix}-outputs": outputs,
        f"{prefix}-problems": problems,
        f"{prefix}-next_steps": next_steps,
        f"{prefix}-lock_token": token,
    }


def _current_form(client, round):
    """The POST data of the entry screen as it is shown, rows untouched."""
    response = client.get(_entry_url(round))
    data = {}
    for row in response.context["entry"].rows:
        for name in row.fields:
            value = row[name].value()
            data[row.add_prefix(name)] = "" if value is None else str(value)
    return data


# -- role boundaries ---------------------------------------------------------------------------


def test_the_committee_cannot_change_plan_content(client, committee_member, plan):
    client.force_login(committee_member)
    project = plan["projects"][1]
    change = reverse("admin:projects_project_change", args=[project.pk])
    assert client.get(change).status_code == 200  # may read it
    response = client.post(
        change, {"name": "เปลี่ยนชื่อ", "number": 1, "edition": plan["edition"].pk, "status": "planned"}
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.name == "โครงการทดสอบ 1"
    assert client.get(reverse("admin:monitoring_committee_add")).status_code == 403
    assert client.get(reverse("admin:strategies_strategy_add")).status_code == 403


def test_the_committee_records_rounds_in_the_admin(client, committee_member, plan):
    client.force_login(committee_member)
    assert client.get(reverse("admin:monitoring_evaluationround_add")).status_code == 200
    assert client.get(reverse("admin:monitoring_indicatorresult_add")).status_code == 200


def test_the_working_group_reads_the_records_but_cannot_write_or_publish_them(
    client, editor, round_2564, plan
):
    client.force_login(editor)
    page = client.get(_entry_url(round_2564))
    assert page.status_code == 200
    assert "บันทึกทั้งหมด" not in page.content.decode()
    assert client.post(_entry_url(round_2564), _row(plan["projects"][5], "done")).status_code == 403
    publish = reverse("admin:monitoring_evaluationround_publish", args=[round_2564.pk])
    assert client.post(publish).status_code == 403
    assert client.get(reverse("admin:monitoring_evaluationround_add")).status_code == 403


def test_residents_have_no_admin(client, round_2564):
    response = client.get(_entry_url(round_2564))
    assert response.status_code == 302 and "/login/" in response["Location"]


# -- publishing --------------------------------------------------------------------------------


def test_the_committee_publishes_a_round_and_the_late_announcement_is_said(
    client, committee_member, round_2564
):
    client.force_login(committee_member)
    publish = reverse("admin:monitoring_evaluationround_publish", args=[round_2564.pk])
    response = client.post(publish, follow=True)
    round_2564.refresh_from_db()
    assert round_2564.published_at is not None
    page = response.content.decode()
    assert "ช้ากว่ากำหนด" in page  # reported in April 2021, published today
    assert "ยังไม่มีผลของ ๒ โครงการ" in page  # projects 3 and 5 have a 2564 budget line, no record


def test_a_round_without_any_record_cannot_be_published(client, committee_member, plan, make_round):
    round = make_round(plan["edition"])
    client.force_login(committee_member)
    client.post(reverse("admin:monitoring_evaluationround_publish", args=[round.pk]))
    round.refresh_from_db()
    assert round.published_at is None


def test_the_round_list_shows_missing_records_and_late_rounds(
    client, committee_member, round_2564, plan, make_round
):
    on_time = make_round(plan["edition"], name="รอบตรงเวลา", published=dt.date(2021, 5, 1))
    client.force_login(committee_member)
    changelist = reverse("admin:monitoring_evaluationround_changelist")
    page = client.get(changelist).content.decode()
    assert "๒ โครงการ" in page  # round_2564: projects 3 and 5 missing
    late = client.get(changelist, {"follow_up": "late"}).context["cl"].result_list
    assert list(late) == [round_2564]
    missing = client.get(changelist, {"follow_up": "missing"}).context["cl"].result_list
    assert set(missing) == {round_2564, on_time}


def test_the_round_page_links_to_the_annual_report_for_the_committee(client, committee_member, round_2564):
    client.force_login(committee_member)
    page = client.get(
        reverse("admin:monitoring_evaluationround_change", args=[round_2564.pk])
    ).content.decode()
    assert "ส่งออกรายงานประจำปี (PDF)" in page
    assert "บันทึกผลรายโครงการ" in page


# -- the one-screen entry ------------------------------------------------------------------------


def test_the_entry_screen_lists_every_project_of_the_year_with_its_planned_budget(
    client, committee_member, round_2564
):
    client.force_login(committee_member)
    response = client.get(_entry_url(round_2564))
    rows = response.context["entry"].rows
    assert [row.project.number for row in rows] == [1, 2, 3, 5]  # project 4 has no 2564 budget
    page = response.content.decode()
    assert "๓๐๐,๐๐๐" in page


def test_saving_the_entry_screen_saves_every_row_at_once(client, committee_member, round_2564, plan):
    client.force_login(committee_member)
    data = _current_form(client, round_2564)
    p1, p3, p5 = plan["projects"][1], plan["projects"][3], plan["projects"][5]
    data.update(
        {f"p{p1.pk}-status": "done", f"p{p1.pk}-percent_done": "", f"p{p1.pk}-budget_spent": "๙๕,๐๐๐"}
    )
    data.update({f"p{p5.pk}-status": "postponed", f"p{p5.pk}-problems": "รองบประมาณ"})
    response = client.post(_entry_url(round_2564), data)
    assert response.status_code == 302
    saved = {r.project_id: r for r in ProjectProgress.objects.filter(round=round_2564)}
    assert saved[p1.pk].status == "done" and saved[p1.pk].percent_done == 100
    assert saved[p1.pk].budget_spent == Decimal(95_000)
    assert saved[p5.pk].status == "postponed" and saved[p5.pk].problems == "รองบประมาณ"
    assert p3.pk not in saved  # left blank: still shown as not reported


def test_one_wrong_row_saves_nothing_marks_the_row_and_keeps_all_input(
    client, committee_member, round_2564, plan
):
    client.force_login(committee_member)
    data = _current_form(client, round_2564)
    p1, p2, p3, p5 = (plan["projects"][n] for n in (1, 2, 3, 5))
    data.update(
        {
            f"p{p1.pk}-status": "done",
            f"p{p1.pk}-percent_done": "๑๐๐",
            f"p{p1.pk}-outputs": "ระบบใหม่ใช้งานได้แล้ว",
        }
    )
    data.update({f"p{p2.pk}-percent_done": "๑๕๐", f"p{p2.pk}-budget_spent": "สามหมื่น"})
    data.update({f"p{p3.pk}-outputs": "มีผลแต่ลืมเลือกสถานะ"})
    data.update({f"p{p5.pk}-status": "in_progress", f"p{p5.pk}-percent_done": "40"})
    response = client.post(_entry_url(round_2564), data)

    assert response.status_code == 200
    assert list(
        ProjectProgress.objects.filter(round=round_2564)
        .values_list("project_id", "status", "percent_done")
        .order_by("project_id")
    ) == [(p1.pk, "in_progress", 50), (p2.pk, "in_progress", 10)]
    rows = {row.project.number: row for row in response.context["entry"].rows}
    assert rows[2].errors["percent_done"] == [PERCENT_RANGE]
    assert rows[2].errors["budget_spent"] == [NOT_A_NUMBER]
    assert rows[3].errors["status"] == [CHOOSE_STATUS]
    assert not rows[1].errors and not rows[5].errors
    page = response.content.decode()
    assert "ยังไม่ได้บันทึกแถวใดเลย: มีข้อผิดพลาด ๒ แถว" in page
    for typed in ("ระบบใหม่ใช้งานได้แล้ว", "๑๕๐", "สามหมื่น", "มีผลแต่ลืมเลือกสถานะ"):
        assert typed in page
    assert page.count("แถวนี้มีข้อผิดพลาด") == 2


def test_a_row_changed_by_someone_else_meanwhile_is_refused(client, committee_member, round_2564, plan):
    client.force_login(committee_member)
    data = _current_form(client, round_2564)
    p1 = plan["projects"][1]
    ProjectProgress.objects.filter(round=round_2564, project=p1).update(percent_done=70)
    stored = ProjectProgress.objects.get(round=round_2564, project=p1)
    stored.save()  # moves updated_at on, as another member's save would
    data[f"p{p1.pk}-percent_done"] = "60"
    response = client.post(_entry_url(round_2564), data)
    assert response.status_code == 200
    rows = {row.project.number: row for row in response.context["entry"].rows}
    assert rows[1].non_field_errors() == [STALE_SAVE]
    stored.refresh_from_db()
    assert stored.percent_done == 70


def test_the_entry_history_is_one_revision_per_save(client, committee_member, round_2564, plan):
    from reversion.models import Version

    client.force_login(committee_member)
    data = _current_form(client, round_2564)
    p5 = plan["projects"][5]
    data.update({f"p{p5.pk}-status": "in_progress", f"p{p5.pk}-percent_done": "20"})
    client.post(_entry_url(round_2564), data)
    versions = Version.objects.get_for_object(EvaluationRound.objects.get(pk=round_2564.pk))
    assert versions.count() == 1
    assert versions[0].revision.user == committee_member
