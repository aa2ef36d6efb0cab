"""Every rule the database enforces (constraints and triggers) is checked by the form first.

Each case posts a form, as a browser would, that the database would refuse;
the page must come back (never a 500) with a Thai message naming the field,
and nothing is saved.
"""

import datetime as dt

import pytest
from django.urls import reverse

from monitoring.models import Committee, EvaluationRound, IndicatorResult, ProjectProgress, ScheduleRound
from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Indicator, IndicatorTarget, Strategy


@pytest.fixture
def dla_strategy(edition):
    dla = Framework.objects.create(edition=edition, kind="dla", name="แผนยุทธศาสตร์ สถ.", slug="dla")
    return Strategy.objects.create(framework=dla, number=1, title="ยุทธศาสตร์ของ สถ.")


@pytest.fixture
def round_2564(edition):
    return EvaluationRound.objects.create(
        edition=edition,
        name="รอบ ๖ เดือน",
        fiscal_year=2564,
        period_start=dt.date(2020, 10, 1),
        period_end=dt.date(2021, 3, 31),
        report_date=dt.date(2021, 4, 30),
    )


@pytest.fixture
def project(edition):
    return Project.objects.create(edition=edition, number=1, name="โครงการทดสอบ")


def _post(client, form_data, url, changes):
    data = form_data(client.get(url))
    data.update({key: value for key, value in changes.items()})
    return client.post(url, data)


def _new_project(edition, **extra):
    return {
        "edition": str(edition.pk),
        "number": "๗",
        "name": "โครงการใหม่",
        "status": "planned",
        "budgets-TOTAL_FORMS": "1",
        "budgets-0-source": "งบประมาณ อบต.",
        **extra,
    }


CASES = {
    "a new project's budget year outside the plan (trigger)": (
        "editor",
        lambda f: reverse("admin:projects_project_add"),
        lambda f: _new_project(f["edition"], **{"budgets-0-fiscal_year": "๒๕๗๐", "budgets-0-amount": "๑๐๐"}),
        "ปีงบประมาณ 2570 อยู่นอกช่วงปีของแผน (2563-2565)",
        lambda f: Project.objects.filter(number=7).exists(),
    ),
    "a new project's negative budget": (
        "editor",
        lambda f: reverse("admin:projects_project_add"),
        lambda f: _new_project(f["edition"], **{"budgets-0-fiscal_year": "๒๕๖๔", "budgets-0-amount": "-๕"}),
        "ต้องไม่น้อยกว่า",
        lambda f: Project.objects.filter(number=7).exists(),
    ),
    "a new project with the same budget year twice": (
        "editor",
        lambda f: reverse("admin:projects_project_add"),
        lambda f: _new_project(
            f["edition"],
            **{
                "budgets-TOTAL_FORMS": "2",
                "budgets-0-fiscal_year": "๒๕๖๔",
                "budgets-0-amount": "๑",
                "budgets-1-fiscal_year": "2564",
                "budgets-1-amount": "๒",
                "budgets-1-source": "งบ",
            },
        ),
        "ปีงบประมาณ (พ.ศ.)ซ้ำกัน",
        lambda f: Project.objects.filter(number=7).exists(),
    ),
    "a project number already used in the plan": (
        "editor",
        lambda f: reverse("admin:projects_project_add"),
        lambda f: _new_project(f["edition"], number="1", **{"budgets-TOTAL_FORMS": "0"}),
        "แผนนี้มีโครงการเลขนี้อยู่แล้ว",
        lambda f: Project.objects.count() > 1,
    ),
    "a project under a strategy of another framework": (
        "editor",
        lambda f: reverse("admin:projects_project_add"),
        lambda f: _new_project(
            f["edition"], strategy=str(f["dla_strategy"].pk), **{"budgets-TOTAL_FORMS": "0"}
        ),
        "เลือกได้เฉพาะยุทธศาสตร์ของแผนแม่บทไอทีของแผนฉบับนี้",
        lambda f: Project.objects.filter(number=7).exists(),
    ),
    "a new indicator's target outside the framework period (trigger)": (
        "editor",
        lambda f: reverse("admin:strategies_indicator_add"),
        lambda f: {
            "framework": str(f["framework"].pk),
            "name": "ตัวชี้วัดใหม่",
            "total_rule": "sum",
            "order": "0",
            "targets-TOTAL_FORMS": "1",
            "targets-0-year": "๒๕๗๐",
            "targets-0-text": "๑ ครั้ง",
        },
        "ปี 2570 อยู่นอกช่วงปีของกรอบยุทธศาสตร์ (2563-2565)",
        lambda f: Indicator.objects.filter(name="ตัวชี้วัดใหม่").exists(),
    ),
    "a second edition for the same period": (
        "editor",
        lambda f: reverse("admin:plans_edition_add"),
        lambda f: {
            "organization": str(f["edition"].organization_id),
            "title": "ซ้ำ",
            "start_year": "๒๕๖๓",
            "end_year": "๒๕๖๕",
        },
        "หน่วยงานนี้มีแผนของช่วงปีนี้",
        lambda f: Edition.objects.count() > 1,
    ),
    "an edition that ends before it starts": (
        "editor",
        lambda f: reverse("admin:plans_edition_add"),
        lambda f: {
            "organization": str(f["edition"].organization_id),
            "title": "กลับด้าน",
            "start_year": "๒๕๗๐",
            "end_year": "๒๕๖๘",
        },
        "ปีสิ้นสุด (พ.ศ.) ต้องไม่ก่อนปีเริ่มต้น",
        lambda f: Edition.objects.count() > 1,
    ),
    "an edition with a Christian-era year": (
        "editor",
        lambda f: reverse("admin:plans_edition_add"),
        lambda f: {
            "organization": str(f["edition"].organization_id),
            "title": "ค.ศ.",
            "start_year": "2023",
            "end_year": "2025",
        },
        "ปีเริ่มต้นและปีสิ้นสุดต้องเป็นปีพุทธศักราช",
        lambda f: Edition.objects.count() > 1,
    ),
    "a committee whose term ends before it starts": (
        "editor",
        lambda f: reverse("admin:monitoring_committee_add"),
        lambda f: {
            "edition": str(f["edition"].pk),
            "name": "คณะกรรมการ",
            "term_start": "1/10/2565",
            "term_end": "30/09/2564",
            "members-TOTAL_FORMS": "0",
        },
        "วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ",
        lambda f: Committee.objects.exists(),
    ),
    "a schedule round reported in month 13": (
        "editor",
        lambda f: reverse("admin:monitoring_scheduleround_add"),
        lambda f: {
            "edition": str(f["edition"].pk),
            "name": "รอบ",
            "covers_months": "๖",
            "report_month": "๑๓",
            "order": "0",
        },
        "เดือนที่รายงานต้องอยู่ระหว่าง ๑ ถึง ๑๒",
        lambda f: ScheduleRound.objects.exists(),
    ),
    "a round whose period ends before it starts": (
        "committee_member",
        lambda f: reverse("admin:monitoring_evaluationround_add"),
        lambda f: {
            "edition": str(f["edition"].pk),
            "name": "รอบใหม่",
            "fiscal_year": "๒๕๖๔",
            "period_start": "31/03/2564",
            "period_end": "1/10/2563",
            "report_date": "30/04/2564",
            "findings-TOTAL_FORMS": "0",
        },
        "“ถึงวันที่” ต้องไม่ก่อน “ติดตามผลตั้งแต่วันที่”",
        lambda f: EvaluationRound.objects.count() > 1,
    ),
    "a second round of the same name in a year": (
        "committee_member",
        lambda f: reverse("admin:monitoring_evaluationround_add"),
        lambda f: {
            "edition": str(f["edition"].pk),
            "name": "รอบ ๖ เดือน",
            "fiscal_year": "๒๕๖๔",
            "period_start": "1/10/2563",
            "period_end": "31/03/2564",
            "report_date": "30/04/2564",
            "findings-TOTAL_FORMS": "0",
        },
        "แผนนี้มีรอบการติดตามชื่อนี้ในปีงบประมาณนี้อยู่แล้ว",
        lambda f: EvaluationRound.objects.count() > 1,
    ),
    "a second progress record of a project in a round": (
        "committee_member",
        lambda f: reverse("admin:monitoring_projectprogress_add"),
        lambda f: {
            "round": str(f["round_2564"].pk),
            "project": str(f["recorded"].project_id),
            "status": "in_progress",
            "percent_done": "๕๐",
            "budget_spent": "๐",
        },
        "รอบนี้มีผลการดำเนินงานของโครงการนี้อยู่แล้ว",
        lambda f: ProjectProgress.objects.count() > 1,
    ),
    "a project done at 50 per cent": (
        "committee_member",
        lambda f: reverse("admin:monitoring_projectprogress_change", args=[f["recorded"].pk]),
        lambda f: {"status": "done", "percent_done": "๕๐"},
        "โครงการที่ดำเนินการแล้วเสร็จต้องมีความก้าวหน้าร้อยละ ๑๐๐",
        lambda f: ProjectProgress.objects.filter(status="done").exists(),
    ),
    "an indicator result for a year outside the plan": (
        "committee_member",
        lambda f: reverse("admin:monitoring_indicatorresult_add"),
        lambda f: {"indicator": str(f["indicator"].pk), "fiscal_year": "๒๕๙๙", "actual_text": "๑ ครั้ง"},
        "ปีงบประมาณ ๒๕๙๙ อยู่นอกช่วงปีของแผน",
        lambda f: IndicatorResult.objects.filter(fiscal_year=2599).exists(),
    ),
    "a second indicator result for a year": (
        "committee_member",
        lambda f: reverse("admin:monitoring_indicatorresult_add"),
        lambda f: {"indicator": str(f["result"].indicator_id), "fiscal_year": "๒๕๖๔", "actual_text": "๒ ครั้ง"},
        "ตัวชี้วัดนี้มีผลของปีงบประมาณนี้อยู่แล้ว",
        lambda f: IndicatorResult.objects.count() > 1,
    ),
    "a target year twice for an indicator": (
        "editor",
        lambda f: reverse("admin:strategies_indicator_change", args=[f["indicator"].pk]),
        lambda f: {"targets-TOTAL_FORMS": "4", "targets-3-year": "๒๕๖๓", "targets-3-text": "๑"},
        "ปี (พ.ศ.)ซ้ำกัน",
        lambda f: IndicatorTarget.objects.filter(indicator=f["indicator"]).count() > 3,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_form_the_database_would_refuse_gets_a_thai_message_not_a_500(
    case, client, editor, committee_member, edition, framework, dla_strategy, round_2564, project, form_data
):
    indicator = framework.indicators.order_by("pk").first()
    fixtures = {
        "edition": edition,
        "framework": framework,
        "dla_strategy": dla_strategy,
        "round_2564": round_2564,
        "indicator": indicator,
        "recorded": ProjectProgress.objects.create(
            round=round_2564, project=project, status="in_progress", percent_done=10
        ),
        "result": IndicatorResult.objects.create(indicator=indicator, fiscal_year=2564, actual_text="๑ ครั้ง"),
    }
    role, url, changes, message, saved = CASES[case]
    client.force_login({"editor": editor, "committee_member": committee_member}[role])
    response = _post(client, form_data, url(fixtures), changes(fixtures))
    assert response.status_code == 200
    assert message in response.text
    assert not saved(fixtures)
    assert ProjectBudget.objects.count() == 0
