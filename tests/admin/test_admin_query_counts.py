"""No admin page issues more queries as the plan grows."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import Block, ImportFlag, Section, SwotItem
from projects.models import Project, ProjectBudget, Unit
from strategies.models import FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic

CHANGELISTS = [
    "plans_organization", "plans_edition", "plans_section", "plans_block", "plans_swotitem", "plans_importflag",
    "strategies_framework", "strategies_frameworkpoint", "strategies_strategy", "strategies_goal",
    "strategies_tactic", "strategies_indicator", "projects_unit", "projects_project",
]


def _grow(framework, n: int, start: int) -> None:
    """Add n of every kind of row, numbered from ``start``."""
    edition = framework.edition
    unit = Unit.objects.create(organization=edition.organization, name=f"กอง {start}")
    for i in range(start, start + n):
        FrameworkPoint.objects.create(framework=framework, kind="principle", text=f"หลักการ {i}", order=i)
        strategy = Strategy.objects.create(framework=framework, number=i, title=f"ยุทธศาสตร์ {i}", order=i)
        goal = Goal.objects.create(strategy=strategy, text=f"เป้าประสงค์ {i}", order=i)
        Tactic.objects.create(framework=framework, strategy=strategy, goal=goal, text=f"กลยุทธ์ {i}", order=i)
        Tactic.objects.create(framework=framework, text=f"กลยุทธ์ของกรอบ {i}", order=i)
        indicator = Indicator.objects.create(framework=framework, strategy=strategy, goal=goal, name=f"ตัวชี้วัด {i}")
        IndicatorTarget.objects.create(indicator=indicator, year=2563, text="๑", value=Decimal(1))
        project = Project.objects.create(edition=edition, number=i, name=f"โครงการ {i}", strategy=strategy, unit=unit)
        ProjectBudget.objects.create(project=project, fiscal_year=2564, amount=Decimal(1000))
        section = Section.objects.create(edition=edition, title=f"หัวข้อ {i}", order=i)
        Block.objects.create(section=section, text=f"ย่อหน้า {i}", order=i)
        SwotItem.objects.create(edition=edition, kind="strength", text=f"จุดแข็ง {i}", order=i)
        ImportFlag.objects.create(edition=edition, kind="other", message=f"ข้อสังเกต {i}", line=i)


def _count(client, url) -> int:
    client.get(url)  # warm per-process caches (content types), which are not per-row costs
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _pages(framework):
    strategy = Strategy.objects.filter(framework=framework).order_by("pk").first()
    indicator = Indicator.objects.filter(framework=framework).order_by("pk").first()
    return [
        *[reverse(f"admin:{name}_changelist") for name in CHANGELISTS],
        reverse("admin:strategies_framework_change", args=[framework.pk]),
        reverse("admin:strategies_strategy_change", args=[strategy.pk]),
        reverse("admin:strategies_indicator_change", args=[indicator.pk]),
        reverse("admin:plans_edition_change", args=[framework.edition.pk]),
        reverse("admin:strategies_framework_history", args=[framework.pk]),
    ]


@pytest.mark.django_db
def test_admin_pages_issue_the_same_number_of_queries_for_10_or_100_rows(client, superuser, framework):
    client.force_login(superuser)
    _grow(framework, 10, start=100)
    small = {url: _count(client, url) for url in _pages(framework)}
    _grow(framework, 90, start=1000)
    large = {url: _count(client, url) for url in _pages(framework)}
    assert large == small
