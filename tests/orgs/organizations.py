"""Two organizations on one deployment, each with a row of every kind, for the isolation tests.

Tai Mueang (A, the demo organization the shared fixtures use) and Ban Na Lab (B). Every
text of B's rows carries ``SECRET``: no page an editor of A opens may show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import reversion
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.auth.models import User
from django.db import models

from importer.models import PlanImport
from monitoring.models import (
    Committee,
    CommitteeMember,
    EvaluationMethod,
    EvaluationRound,
    IndicatorResult,
    ProjectProgress,
    RoundFinding,
    ScheduleRound,
)
from plans.models import (
    Block,
    Edition,
    EditionStatusChange,
    ImportFlag,
    Membership,
    Organization,
    Section,
    SwotItem,
)
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from tests.organizations import member, tai_mueang

SECRET = "บ้านนาลับ"
SECRET_LATIN = "bannalab"
OWN = "ท้ายเหมืองเอง"


@dataclass
class Plan:
    """One organization's rows: ``rows[Model]`` is its row of that kind."""

    organization: Organization
    editor: User
    committee: User
    rows: dict[type[models.Model], models.Model] = field(default_factory=dict)
    deleted: SwotItem | None = None
    deleted_pk: int | None = None

    def row(self, model):
        return self.rows[model]


def build_plan_of(organization: Organization, *, marker: str, editor: User, committee: User) -> Plan:
    """A row of every kind that belongs to an organization, saved in one revision; then one SWOT
    item deleted through the admin's log (so that history, recover and audit have rows to show)."""
    plan = Plan(organization, editor, committee)
    add = plan.rows.__setitem__
    edition = Edition.objects.create(
        organization=organization, title=f"แผนแม่บท {marker}", start_year=2563, end_year=2565, approval_reference=marker
    )
    add(Organization, organization)
    add(Edition, edition)
    add(EditionStatusChange, EditionStatusChange.objects.create(edition=edition, to_status="draft", note=marker))
    section = Section.objects.create(edition=edition, number="๑", title=f"บทที่ ๑ {marker}", order=10)
    add(Section, section)
    add(Block, Block.objects.create(section=section, text=f"ย่อหน้า {marker}", order=10))
    add(SwotItem, SwotItem.objects.create(edition=edition, kind="strength", text=f"จุดแข็ง {marker}", order=10))
    add(ImportFlag, ImportFlag.objects.create(edition=edition, kind="other", message=f"ข้อสังเกต {marker}", line=3))
    framework = Framework.objects.create(
        edition=edition, kind=Framework.Kind.IT_PLAN, name=f"แผนแม่บทไอที {marker}", slug="it",
        start_year=2563, end_year=2565,
    )
    add(Framework, framework)
    add(FrameworkPoint, FrameworkPoint.objects.create(framework=framework, kind="mission", text=f"พันธกิจ {marker}", order=10))
    strategy = Strategy.objects.create(framework=framework, number=1, title=f"ยุทธศาสตร์ {marker}", order=10)
    add(Strategy, strategy)
    goal = Goal.objects.create(strategy=strategy, number="(๑)", text=f"เป้าประสงค์ {marker}", order=10)
    add(Goal, goal)
    add(Tactic, Tactic.objects.create(framework=framework, strategy=strategy, goal=goal, text=f"กลยุทธ์ {marker}", order=10))
    indicator = Indicator.objects.create(
        framework=framework, strategy=strategy, goal=goal, name=f"ตัวชี้วัด {marker}", unit="ครั้ง", order=10
    )
    add(Indicator, indicator)
    add(IndicatorTarget, IndicatorTarget.objects.create(indicator=indicator, year=2564, text="๑ ครั้ง", value=Decimal(1)))
    unit = Unit.objects.create(organization=organization, name=f"สำนักปลัด {marker}", order=10)
    add(Unit, unit)
    project = Project.objects.create(edition=edition, number=1, name=f"โครงการ {marker}", strategy=strategy, unit=unit)
    add(Project, project)
    add(ProjectBudget, ProjectBudget.objects.create(project=project, fiscal_year=2564, amount=Decimal(1000)))
    committee = Committee.objects.create(edition=edition, name=f"คณะกรรมการ {marker}")
    add(Committee, committee)
    add(CommitteeMember, CommitteeMember.objects.create(committee=committee, name=f"นายกรรมการ {marker}", order=1))
    add(EvaluationMethod, EvaluationMethod.objects.create(edition=edition, title=f"ประเมินจากรายงาน {marker}"))
    schedule = ScheduleRound.objects.create(edition=edition, name=f"รอบ ๖ เดือน {marker}", covers_months=6, report_month=4)
    add(ScheduleRound, schedule)
    round = EvaluationRound.objects.create(
        edition=edition, schedule_round=schedule, name=f"รอบ ๖ เดือน {marker}", fiscal_year=2564,
        period_start=dt.date(2020, 10, 1), period_end=dt.date(2021, 3, 31), report_date=dt.date(2021, 4, 30),
    )
    add(EvaluationRound, round)
    add(RoundFinding, RoundFinding.objects.create(round=round, text=f"ข้อค้นพบ {marker}", order=10))
    add(
        ProjectProgress,
        ProjectProgress.objects.create(round=round, project=project, status="in_progress", percent_done=50, outputs=marker),
    )
    add(IndicatorResult, IndicatorResult.objects.create(indicator=indicator, fiscal_year=2564, actual_text=f"๑ {marker}"))
    add(
        PlanImport,
        PlanImport.objects.create(
            organization=organization, uploaded_by=editor, source_name=f"{marker}.txt", data=marker.encode(),
            sha256="0" * 64, status=PlanImport.Status.READY,
            preview={"organization": organization.name, "title": marker, "target": {"action": "new", "reason": marker}},
        ),
    )
    add(Membership, Membership.objects.get(user=editor, organization=organization))
    gone = SwotItem.objects.create(edition=edition, kind="weakness", text=f"จุดอ่อนที่ลบแล้ว {marker}", order=20)
    with reversion.create_revision():
        reversion.set_user(editor)
        reversion.set_comment(f"บันทึกโดย {marker}")
        for row in [*plan.rows.values(), gone]:
            if reversion.is_registered(type(row)):
                reversion.add_to_revision(row)
    LogEntry.objects.log_actions(editor.pk, [gone], DELETION, change_message="", single_object=True)
    plan.deleted, plan.deleted_pk = gone, gone.pk
    gone.delete()
    return plan


def two_organizations() -> tuple[Plan, Plan]:
    """(A, B): Tai Mueang with its editor and committee, and Ban Na Lab with its own."""
    a_org = tai_mueang()
    a = build_plan_of(a_org, marker=OWN, editor=member("editor", "editor"), committee=member("committee", "committee"))
    b_org = Organization.objects.create(
        name=f"องค์การบริหารส่วนตำบล{SECRET}", short_name=f"อบต.{SECRET}", slug=SECRET_LATIN, province=SECRET
    )
    b = build_plan_of(
        b_org,
        marker=SECRET,
        editor=member(f"{SECRET_LATIN}_editor", "editor", b_org),
        committee=member(f"{SECRET_LATIN}_committee", "committee", b_org),
    )
    return a, b
