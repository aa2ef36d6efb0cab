"""Publishing with checks: blocking problems must be fixed, warnings acknowledged, all in Thai."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editions.checks import CHECKS_BY_CODE, Severity, run_checks
from editions.services import CHECKS_CHANGED, NOT_ACKNOWLEDGED, PublishRefused, edition_publish
from plans.models import Block, Edition, ImportFlag, Section
from projects.models import Project, ProjectBudget
from strategies.models import Goal, Indicator, IndicatorTarget, Strategy, Tactic
from tests.factories import build_plan


@pytest.fixture
def draft(db) -> Edition:
    return build_plan(status=Edition.Status.DRAFT)


def test_an_edition_holding_only_a_foreword_cannot_be_published(client, editor, organization):
    edition = Edition.objects.create(organization=organization, title="แผนทดลอง", start_year=2566, end_year=2568)
    Block.objects.create(section=Section.objects.create(edition=edition, title="คำนำ"), text="คำนำของแผน")
    report = run_checks(edition)
    assert {r.code for r in report.blocking} == {"no_it_strategies", "no_projects"}
    client.force_login(editor)
    page = client.get(reverse("editions_admin:publish", args=[edition.pk])).content.decode()
    assert "ต้องแก้ไขก่อนเผยแพร่" in page and "แผนนี้ยังไม่มีโครงการ หน้าแรกจะแสดง “๐ โครงการ ๐ บาท”" in page
    assert 'value="เผยแพร่" disabled' in page
    response = client.post(reverse("editions_admin:publish", args=[edition.pk]), {"fingerprint": report.fingerprint})
    assert "ยังเผยแพร่ไม่ได้: ต้องแก้ไข ๒ เรื่องก่อน" in response.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT


def test_a_complete_plan_has_no_blocking_problem(draft):
    assert not run_checks(draft).blocking


def _break(draft, code):
    """Make the one problem ``code`` names in a plan that had none of that kind."""
    it_strategy = Strategy.objects.get(framework__edition=draft, framework__kind="it_plan", number=1)
    project = Project.objects.get(edition=draft, number=2)
    if code == "empty_chapter":
        Section.objects.create(edition=draft, number="บทที่ ๗", title="บทใหม่ที่ยังว่าง", order=999)
    elif code == "strategy_without_goals":
        Goal.objects.filter(strategy=it_strategy).delete()
    elif code == "strategy_without_tactics":
        Tactic.objects.filter(strategy=it_strategy).delete()
    elif code == "indicator_missing_target":
        IndicatorTarget.objects.filter(indicator__framework__edition=draft, indicator__number="๑)", year=2564).delete()
    elif code == "indicator_total_mismatch":
        Indicator.objects.filter(framework__edition=draft, number="๑)").update(total_value=7, total_text="๗ ระบบ")
    elif code == "project_without_budget":
        project.budgets.all().delete()
    elif code == "project_without_unit":
        Project.objects.filter(pk=project.pk).update(unit=None)
    elif code == "project_without_strategy":
        Project.objects.filter(pk=project.pk).update(strategy=None, tactic=None)
    elif code == "unresolved_import_flags":
        ImportFlag.objects.create(edition=draft, kind="unplaced", line=12, message="จัดเข้าที่ไม่ได้")
    elif code == "budget_outside_period":
        # Only an import or a copy could write this (the admin form and a trigger refuse it):
        # shorten the edition under its budgets instead.
        Edition.objects.filter(pk=draft.pk).update(start_year=2564)
        draft.refresh_from_db()
    elif code == "revision_approval":
        Edition.objects.filter(pk=draft.pk).update(revision_number=1, revision_kind="amendment")
        draft.refresh_from_db()


CASES = [
    ("empty_chapter", "บทที่ ๗ บทใหม่ที่ยังว่าง ยังไม่มีเนื้อหา", "plans_section"),
    ("strategy_without_goals", "ยุทธศาสตร์ที่ ๑ ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๑ ยังไม่มีเป้าประสงค์", "strategies_strategy"),
    ("strategy_without_tactics", "ยุทธศาสตร์ที่ ๑ ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๑ ยังไม่มีกลยุทธ์", "strategies_strategy"),
    ("indicator_missing_target", "ไม่มีค่าเป้าหมายปี ๒๕๖๔", "strategies_indicator"),
    ("indicator_total_mismatch", "ค่ารวม ๗ ระบบ ไม่ตรงกับค่ารายปี", "strategies_indicator"),
    ("project_without_budget", "โครงการที่ ๒ พัฒนาเว็บไซต์และระบบข่าวสารของ อบต. ยังไม่มีงบประมาณ", "projects_project"),
    ("project_without_unit", "ยังไม่มีหน่วยงานรับผิดชอบ", "projects_project"),
    ("project_without_strategy", "ยังไม่มียุทธศาสตร์ด้านไอที", "projects_project"),
    ("unresolved_import_flags", "บรรทัด ๑๒: ข้อความที่จัดเข้าที่ไม่ได้ — จัดเข้าที่ไม่ได้", "plans_importflag"),
    ("budget_outside_period", "โครงการที่ ๑ จัดหาเครื่องคอมพิวเตอร์สำหรับงานบริการประชาชน: งบประมาณปี ๒๕๖๓ อยู่นอกช่วงปีของแผน (๒๕๖๔-๒๕๖๕)", "projects_project"),
    ("revision_approval", "ยังไม่ได้ระบุมติหรือคำสั่งที่อนุมัติ", "plans_edition"),
]


@pytest.mark.parametrize(("code", "message", "admin_page"), CASES)
def test_each_check_finds_its_problem_says_it_in_thai_and_links_to_where_to_fix_it(draft, code, message, admin_page):
    def found():
        return [f for r in run_checks(draft).results if r.code == code for f in r.findings if message in f.message]

    assert not found()
    _break(draft, code)
    findings = found()
    assert findings
    assert all(f"/admin/{admin_page.replace('_', '/', 1)}/" in f.fix_url for f in findings)


def test_blocking_and_warning_checks_are_as_described():
    blocking = {code for code, check in CHECKS_BY_CODE.items() if check.severity == Severity.BLOCKING}
    assert blocking == {
        "revision_approval", "no_it_strategies", "no_projects", "budget_outside_period", "alignment_outside_plan",
    }


def test_warnings_must_be_acknowledged_and_a_refused_form_keeps_the_ticks(client, editor, draft):
    _break(draft, "project_without_unit")
    client.force_login(editor)
    url = reverse("editions_admin:publish", args=[draft.pk])
    page = client.get(url)
    report = page.context["report"]
    # The factory's plan has empty chapters and a total that differs, as the source does.
    assert {"project_without_unit", "empty_chapter", "indicator_total_mismatch"} <= report.warning_codes
    assert "ตรวจแล้ว ยืนยันเผยแพร่ทั้งที่มี “โครงการที่ไม่ระบุหน่วยงานรับผิดชอบ”" in page.content.decode()
    others = {f"ack_{code}": "on" for code in report.warning_codes - {"project_without_unit"}}
    response = client.post(url, {"fingerprint": report.fingerprint, **others})
    html = response.content.decode()
    assert NOT_ACKNOWLEDGED.format(titles="โครงการที่ไม่ระบุหน่วยงานรับผิดชอบ") in html
    assert 'name="ack_empty_chapter" id="id_ack_empty_chapter" checked' in html
    draft.refresh_from_db()
    assert draft.status == Edition.Status.DRAFT
    response = client.post(url, {"fingerprint": report.fingerprint, **others, "ack_project_without_unit": "on"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Edition.Status.PUBLISHED
    assert "โครงการที่ไม่ระบุหน่วยงานรับผิดชอบ" in draft.status_changes.get().note


def test_a_change_made_while_the_page_was_open_must_be_looked_at_again(draft):
    report = run_checks(draft)
    _break(draft, "project_without_unit")
    with pytest.raises(PublishRefused) as refused:
        edition_publish(edition=draft, acknowledged={"project_without_unit"}, fingerprint=report.fingerprint)
    assert refused.value.message == CHECKS_CHANGED


def test_the_confirmation_page_shows_what_changed_since_the_previous_edition(client, editor, plan, revision):
    ProjectBudget.objects.filter(project__edition=revision, project__number=2, fiscal_year=2564).update(amount=45000)
    client.force_login(editor)
    html = client.get(reverse("editions_admin:publish", args=[revision.pk])).content.decode()
    assert "สิ่งที่เปลี่ยนไปจากฉบับก่อนหน้า" in html
    assert "ปี ๒๕๖๔ ๓๐,๐๐๐ → ๔๕,๐๐๐ (+๑๕,๐๐๐)" in html
    assert f"/taimueang/plans/{plan.period_slug}/r0/" in html  # where the replaced edition stays


def test_the_checks_take_the_same_number_of_queries_for_a_plan_ten_times_larger(db):
    small = build_plan(status=Edition.Status.DRAFT)
    large = build_plan(organization=small.organization, start_year=2566, end_year=2568, scale=10, status="draft")
    counts = []
    for edition in (small, large):
        with CaptureQueriesContext(connection) as queries:
            run_checks(edition)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_committee_cannot_open_the_confirmation_page(client, committee_member, draft):
    client.force_login(committee_member)
    assert client.get(reverse("editions_admin:publish", args=[draft.pk])).status_code == 403
