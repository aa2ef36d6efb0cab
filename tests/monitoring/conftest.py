"""A small published plan with projects in fiscal year 2564, for the monitoring tests.

Strategy 1: projects 1 (100,000 baht in 2564) and 2 (300,000).
Strategy 2: project 3 (a 2564 line of 0 baht) and project 4 (no 2564 line; 50,000 in 2565).
No strategy: project 5 (50,000 in 2564).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from monitoring.models import Committee, CommitteeMember, EvaluationRound, ProjectProgress
from plans.models import Edition
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Indicator, IndicatorTarget, Strategy

BUDGETS = {1: {2564: 100_000}, 2: {2564: 300_000}, 3: {2564: 0}, 4: {2565: 50_000}, 5: {2564: 50_000}}


@pytest.fixture
def plan(edition):
    """The edition, published, with the IT plan's strategies, projects, budgets and indicators."""
    edition.status = Edition.Status.PUBLISHED
    edition.save()
    framework = Framework.objects.create(
        edition=edition,
        kind=Framework.Kind.IT_PLAN,
        name="แผนแม่บทไอที",
        slug="it",
        start_year=2563,
        end_year=2565,
    )
    s1 = Strategy.objects.create(framework=framework, number=1, title="พัฒนาโครงสร้างพื้นฐาน", order=10)
    s2 = Strategy.objects.create(framework=framework, number=2, title="พัฒนาบริการประชาชน", order=20)
    strategy_of = {1: s1, 2: s1, 3: s2, 4: s2, 5: None}
    projects = {}
    for number, budgets in BUDGETS.items():
        project = Project.objects.create(
            edition=edition,
            number=number,
            name=f"โครงการทดสอบ {number}",
            strategy=strategy_of[number],
            targets="เป้าหมายแรก\nเป้าหมายที่สอง",
        )
        for year, amount in budgets.items():
            ProjectBudget.objects.create(project=project, fiscal_year=year, amount=Decimal(amount))
        projects[number] = project
    indicator = Indicator.objects.create(
        framework=framework, strategy=s1, name="จำนวนระบบที่พัฒนา", unit="ระบบ", order=10
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2564, text="๒ ระบบ", value=Decimal(2))
    committee = Committee.objects.create(edition=edition, term_start=dt.date(2020, 1, 1))
    CommitteeMember.objects.create(
        committee=committee, name="นายประธาน ใจดี", position="นายก อบต.", role="chair", order=1
    )
    CommitteeMember.objects.create(committee=committee, name="นางกรรมการ ขยัน", position="ปลัด อบต.", order=2)
    CommitteeMember.objects.create(
        committee=committee, name="นายเลขา รอบคอบ", position="นักวิชาการคอมพิวเตอร์", role="secretary", order=3
    )
    return {
        "edition": edition,
        "framework": framework,
        "strategies": [s1, s2],
        "projects": projects,
        "indicator": indicator,
        "committee": committee,
    }


def make_round(
    edition,
    *,
    name="รอบ ๖ เดือน",
    year=2564,
    months=6,
    report=dt.date(2021, 4, 30),
    published=None,
    is_sample=False,
):
    start = dt.date(2020, 10, 1) if year == 2564 else dt.date(2021, 10, 1)
    end = dt.date(start.year + 1, 3, 31) if months == 6 else dt.date(start.year + 1, 9, 30)
    return EvaluationRound.objects.create(
        edition=edition,
        name=name,
        fiscal_year=year,
        period_start=start,
        period_end=end,
        report_date=report,
        published_at=timezone.make_aware(dt.datetime.combine(published, dt.time(9))) if published else None,
        is_sample=is_sample,
    )


def record(round, project, status="in_progress", percent=50, spent=0, **extra):
    return ProjectProgress.objects.create(
        round=round,
        project=project,
        status=status,
        percent_done=percent,
        budget_spent=Decimal(spent),
        **extra,
    )


@pytest.fixture(name="make_round")
def make_round_fixture():
    return make_round


@pytest.fixture(name="record")
def record_fixture():
    return record


@pytest.fixture
def round_2564(plan):
    """An unpublished six-month round of 2564 with records for projects 1 and 2."""
    round = make_round(plan["edition"])
    record(round, plan["projects"][1], percent=50, spent=40_000, outputs="ติดตั้งเครือข่ายแล้ว ๓ จุด")
    record(round, plan["projects"][2], percent=10, spent=30_000)
    return round
