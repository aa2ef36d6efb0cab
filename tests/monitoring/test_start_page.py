"""After signing in, each role's start page lists what needs doing, each item a link to fix it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import IndicatorResult
from monitoring.start_page import start_page
from plans.models import ImportFlag
from projects.models import Project, ProjectBudget

pytestmark = pytest.mark.django_db


def _items(groups):
    return {item.text: item.url for group in groups for item in group.items}


def test_the_working_group_sees_unchecked_import_flags_and_incomplete_projects(editor, plan):
    edition = plan["edition"]
    ImportFlag.objects.create(edition=edition, kind="numbering", severity="warning", line=3, message="เลขซ้ำ")
    Project.objects.create(edition=edition, number=9, name="โครงการยังไม่ครบ")
    items = _items(start_page(editor))
    flags = (
        reverse("admin:plans_importflag_changelist") + f"?edition__id__exact={edition.pk}&resolved__exact=0"
    )
    assert items["ข้อสังเกตจากการนำเข้าที่ยังไม่ตรวจ ๑ รายการ (พ.ศ. ๒๕๖๓-๒๕๖๕)"] == flags
    project = Project.objects.get(number=9)
    text = f"{project}: ยังไม่ระบุยุทธศาสตร์ หน่วยงานรับผิดชอบ งบประมาณรายปี"
    assert items[text] == reverse("admin:projects_project_change", args=[project.pk])
    assert not any("ประกาศผล" in text for text in items)  # the committee's work is not theirs


def test_the_committee_sees_the_current_round_missing_records_results_and_announcements(
    committee_member, plan, round_2564
):
    groups = start_page(committee_member, today=dt.date(2021, 5, 20))
    items = _items(groups)
    entry = reverse("admin:monitoring_evaluationround_entry", args=[round_2564.pk])
    assert items[f"รอบปัจจุบัน: {round_2564}"] == reverse(
        "admin:monitoring_evaluationround_change", args=[round_2564.pk]
    )
    assert items["ยังไม่บันทึกผลของ ๒ โครงการในรอบนี้"] == entry  # projects 3 and 5
    results = reverse("admin:monitoring_evaluationround_results", args=[round_2564.pk])
    assert items["ตัวชี้วัด ๑ ตัวยังไม่มีผลของปีงบประมาณ ๒๕๖๔"] == results
    due = [item for group in groups for item in group.items if item.text.startswith("ประกาศผล")]
    assert due[0].text.endswith("(เลยกำหนดมาแล้ว ๕ วัน)") and due[0].urgent
    assert not any("ข้อสังเกต" in text for text in items)


def test_done_work_leaves_the_list(committee_member, plan, round_2564, record):
    record(round_2564, plan["projects"][3])
    record(round_2564, plan["projects"][5])
    IndicatorResult.objects.create(
        indicator=plan["indicator"], fiscal_year=2564, actual_text="๒ ระบบ", actual_value=Decimal(2)
    )
    ProjectBudget.objects.filter(project=plan["projects"][4]).update(amount=Decimal(1))
    items = _items(start_page(committee_member, today=dt.date(2021, 4, 1)))
    assert not any(text.startswith("ยังไม่บันทึกผล") or text.startswith("ตัวชี้วัด") for text in items)


def test_the_admin_index_shows_the_list_with_links(client, committee_member, round_2564):
    client.force_login(committee_member)
    response = client.get(reverse("admin:index"))
    assert "สิ่งที่ต้องทำ" in response.text
    assert reverse("admin:monitoring_evaluationround_entry", args=[round_2564.pk]) in response.text
