"""Absolute rules live in the database; the admin forms say the same in Thai."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from plans.forms import TOO_SMALL
from projects.models import BUDGET_YEAR_OUTSIDE_PLAN, Project, ProjectBudget
from strategies.models import TARGET_YEAR_OUTSIDE_PERIOD, Indicator, IndicatorTarget


@pytest.fixture
def indicator(framework) -> Indicator:
    return framework.indicators.order_by("pk").first()


@pytest.fixture
def project(edition) -> Project:
    return Project.objects.create(edition=edition, number=1, name="โครงการทดสอบ")


def test_the_database_refuses_a_target_year_outside_the_framework_period(indicator):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorTarget.objects.create(indicator=indicator, year=2570, text="๑")


def test_the_database_refuses_moving_a_target_out_of_the_period(indicator):
    target = indicator.targets.get(year=2565)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorTarget.objects.filter(pk=target.pk).update(year=2566)


def test_the_database_refuses_two_targets_for_one_year(indicator):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorTarget.objects.create(indicator=indicator, year=2563, text="๒")


def test_the_database_refuses_a_negative_budget(project):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectBudget.objects.create(project=project, fiscal_year=2564, amount=Decimal("-1"))


def test_the_database_refuses_a_budget_year_outside_the_plan_period(project):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectBudget.objects.create(project=project, fiscal_year=2566, amount=Decimal(1))


def _indicator_post(client, indicator, form_data, year):
    url = reverse("admin:strategies_indicator_change", args=[indicator.pk])
    data = form_data(client.get(url))
    data.update({"targets-TOTAL_FORMS": "4", "targets-3-year": year, "targets-3-text": "๑ ครั้ง", "targets-3-value": "๑"})
    return client.post(url, data)


def test_the_indicator_form_explains_a_target_year_outside_the_period_in_thai(client, editor, indicator, form_data):
    client.force_login(editor)
    response = _indicator_post(client, indicator, form_data, "๒๕๗๐")
    assert response.status_code == 200
    assert TARGET_YEAR_OUTSIDE_PERIOD.format(year=2570, start=2563, end=2565) in response.text
    assert indicator.targets.count() == 3


def test_the_indicator_form_refuses_a_second_target_for_a_year(client, editor, indicator, form_data):
    client.force_login(editor)
    response = _indicator_post(client, indicator, form_data, "๒๕๖๓")
    assert response.status_code == 200
    assert indicator.targets.count() == 3


def test_the_project_form_explains_bad_budgets_in_thai(client, editor, project, form_data):
    client.force_login(editor)
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = form_data(client.get(url))
    data.update({
        "budgets-TOTAL_FORMS": "2",
        "budgets-0-fiscal_year": "๒๕๗๐", "budgets-0-amount": "๑๐๐", "budgets-0-source": "งบ อบต.",
        "budgets-1-fiscal_year": "๒๕๖๔", "budgets-1-amount": "-๕", "budgets-1-source": "งบ อบต.",
    })
    response = client.post(url, data)
    assert response.status_code == 200
    assert BUDGET_YEAR_OUTSIDE_PLAN.format(year=2570, start=2563, end=2565) in response.text
    assert TOO_SMALL % {"limit_value": 0} in response.text
    assert not project.budgets.exists()
