"""What each role finds to do when it signs in: the admin's start page.

For the working group: import flags still to check and the parts of the plan
that are incomplete; for the committee: the current round, projects without a
record, indicators without a result, announcements due. Each item is a
sentence and a link to the page that fixes it. A fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from monitoring.models import EvaluationRound, IndicatorResult, ProjectProgress
from plans.models import Edition, ImportFlag
from projects.models import Project
from strategies.models import Framework, Indicator
from thaimuang_plan.lib.formatting import date as thaidate
from thaimuang_plan.lib.formatting import digits

SHOWN_PER_KIND = 8


@dataclass
class Todo:
    text: str
    url: str
    urgent: bool = False


@dataclass
class TodoGroup:
    title: str
    items: list[Todo] = field(default_factory=list)
    more: int = 0


def _group(title, items) -> TodoGroup:
    return TodoGroup(title=title, items=items[:SHOWN_PER_KIND], more=max(0, len(items) - SHOWN_PER_KIND))


def _editions():
    """The editions being worked on: drafts, and the published one."""
    return list(
        Edition.objects.filter(status__in=[Edition.Status.DRAFT, Edition.Status.PUBLISHED]).order_by(
            "-start_year"
        )
    )


def editor_todos(editions) -> list[TodoGroup]:
    groups = []
    ids = [e.pk for e in editions]
    flags = (
        ImportFlag.objects.filter(edition__in=ids, resolved=False)
        .values("edition")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_edition = {e.pk: e for e in editions}
    items = [
        Todo(
            f"ข้อสังเกตจากการนำเข้าที่ยังไม่ตรวจ {digits(row['n'])} รายการ ({by_edition[row['edition']].period_label})",
            reverse("admin:plans_importflag_changelist")
            + f"?edition__id__exact={row['edition']}&resolved__exact=0",
        )
        for row in flags
    ]
    groups.append(_group("ข้อสังเกตจากการนำเข้า", items))

    incomplete = []
    it_plans = {
        f.edition_id: f for f in Framework.objects.filter(edition__in=ids, kind=Framework.Kind.IT_PLAN)
    }
    for edition in editions:
        plan = it_plans.get(edition.pk)
        if plan is None:
            incomplete.append(
                Todo(
                    f"{edition.period_label}: ยังไม่มีกรอบแผนแม่บทไอที (วิสัยทัศน์ พันธกิจ ยุทธศาสตร์)",
                    reverse("admin:strategies_framework_add"),
                )
            )
        elif not plan.vision.strip():
            incomplete.append(
                Todo(
                    f"{edition.period_label}: แผนแม่บทไอทียังไม่มีวิสัยทัศน์",
                    reverse("admin:strategies_framework_change", args=[plan.pk]),
                )
            )
    no_targets = (
        Indicator.objects.filter(framework__edition__in=ids, framework__kind=Framework.Kind.IT_PLAN)
        .annotate(n=Count("targets"))
        .filter(n=0)
        .select_related("framework")
    )
    incomplete += [
        Todo(
            f"ตัวชี้วัด “{i.name[:60]}” ยังไม่มีค่าเป้าหมายรายปี",
            reverse("admin:strategies_framework_targets", args=[i.framework_id]),
        )
        for i in no_targets
    ]
    projects = (
        Project.objects.filter(edition__in=ids)
        .annotate(budget_lines=Count("budgets"))
        .filter(Q(strategy__isnull=True) | Q(unit__isnull=True) | Q(budget_lines=0))
        .order_by("edition", "number")
    )
    for project in projects:
        missing = [
            label
            for label, is_missing in (
                ("ยุทธศาสตร์", project.strategy_id is None),
                ("หน่วยงานรับผิดชอบ", project.unit_id is None),
                ("งบประมาณรายปี", project.budget_lines == 0),
            )
            if is_missing
        ]
        incomplete.append(
            Todo(
                f"{project}: ยังไม่ระบุ{' '.join(missing)}",
                reverse("admin:projects_project_change", args=[project.pk]),
            )
        )
    groups.append(_group("ส่วนของแผนที่ยังไม่ครบ", incomplete))
    return groups


def current_round(edition, today: dt.date):
    """The round the committee works on: the latest one whose period has begun."""
    return (
        EvaluationRound.objects.filter(edition=edition, period_start__lte=today)
        .order_by("-period_end", "-pk")
        .first()
    )


def committee_todos(editions, today: dt.date) -> list[TodoGroup]:
    groups = []
    published = next((e for e in editions if e.status == Edition.Status.PUBLISHED), None) or (
        editions[0] if editions else None
    )
    items = []
    if published is not None:
        round = current_round(published, today)
        if round is None:
            items.append(
                Todo(
                    f"{published.period_label}: ยังไม่มีรอบการติดตามที่เริ่มแล้ว เพิ่มรอบใหม่",
                    reverse("admin:monitoring_evaluationround_add"),
                )
            )
        else:
            round.edition = published
            planned = Project.objects.filter(
                edition=published, budgets__fiscal_year=round.fiscal_year
            ).distinct()
            missing = planned.exclude(
                Exists(ProjectProgress.objects.filter(round=round, project=OuterRef("pk")))
            ).count()
            entry = reverse("admin:monitoring_evaluationround_entry", args=[round.pk])
            items.append(
                Todo(
                    f"รอบปัจจุบัน: {round}", reverse("admin:monitoring_evaluationround_change", args=[round.pk])
                )
            )
            if missing:
                items.append(
                    Todo(
                        f"ยังไม่บันทึกผลของ {digits(missing)} โครงการในรอบนี้",
                        entry,
                        urgent=round.report_date <= today,
                    )
                )
            indicators = Indicator.objects.filter(
                framework__edition=published, framework__kind=Framework.Kind.IT_PLAN
            )
            without = indicators.exclude(
                Exists(
                    IndicatorResult.objects.filter(indicator=OuterRef("pk"), fiscal_year=round.fiscal_year)
                )
            ).count()
            if without:
                items.append(
                    Todo(
                        f"ตัวชี้วัด {digits(without)} ตัวยังไม่มีผลของปีงบประมาณ {digits(round.fiscal_year)}",
                        reverse("admin:monitoring_evaluationround_results", args=[round.pk]),
                    )
                )
    groups.append(_group("รอบการติดตาม", items))

    due = []
    for round in EvaluationRound.objects.filter(
        edition__in=[e.pk for e in editions], published_at__isnull=True
    ).order_by("report_date"):
        days = (round.announce_by - today).days
        when = f"เลยกำหนดมาแล้ว {digits(-days)} วัน" if days < 0 else f"อีก {digits(days)} วัน"
        due.append(
            Todo(
                f"ประกาศผล “{round}” ภายใน {thaidate(round.announce_by)} ({when})",
                reverse("admin:monitoring_evaluationround_change", args=[round.pk]),
                urgent=days < 0,
            )
        )
    groups.append(_group("การประกาศผลที่ถึงกำหนด", due))
    return groups


def start_page(user, today: dt.date | None = None) -> list[TodoGroup]:
    """The start page's groups for ``user``'s roles (both for someone in both)."""
    today = today or timezone.localdate()
    editions = _editions()
    groups = []
    if user.has_perm("plans.change_edition"):
        groups += editor_todos(editions)
    if user.has_perm("monitoring.change_projectprogress"):
        groups += committee_todos(editions, today)
    return groups
