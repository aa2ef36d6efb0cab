"""Plan content for the admin tests, and a helper that fills a change form as a browser would."""

import re
from decimal import Decimal

import pytest

from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic


@pytest.fixture
def framework(edition) -> Framework:
    """The IT plan's framework (2563-2565) with two points and two strategies, each with children."""
    framework = Framework.objects.create(
        edition=edition, kind=Framework.Kind.IT_PLAN, name="แผนแม่บทไอที", slug="it", start_year=2563, end_year=2565
    )
    FrameworkPoint.objects.create(framework=framework, kind="mission", number="๑", text="พันธกิจแรก", order=10)
    FrameworkPoint.objects.create(framework=framework, kind="mission", number="๒", text="พันธกิจที่สอง", order=20)
    for number in (1, 2):
        strategy = Strategy.objects.create(framework=framework, number=number, title=f"ยุทธศาสตร์ {number}", order=number * 10)
        goal = Goal.objects.create(strategy=strategy, number="(๑)", text=f"เป้าประสงค์ของ {number}", order=10)
        Tactic.objects.create(framework=framework, strategy=strategy, goal=goal, text=f"กลยุทธ์ของ {number}", order=10)
        indicator = Indicator.objects.create(
            framework=framework, strategy=strategy, goal=goal, name=f"ตัวชี้วัดของ {number}", unit="ครั้ง", order=10
        )
        for year in (2563, 2564, 2565):
            IndicatorTarget.objects.create(indicator=indicator, year=year, text="๑ ครั้ง", value=Decimal(1))
    return framework


def _add_form(data: dict, form) -> None:
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        else:
            data[key] = str(value)


def change_form_data(response) -> dict:
    """The POST data a browser would send for an admin change page, unchanged."""
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        for form in formset.forms:
            _add_form(data, form)
    return data


@pytest.fixture
def form_data():
    return change_form_data


def confirm_restore(client, url):
    """Open a restore (or recover) page and press its confirm button; returns the POST's response."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return client.post(url, {"lock_token": page.context["plan"].token})


@pytest.fixture
def restore():
    return confirm_restore


def list_action_data(response, action: str, selected) -> dict:
    """The POST a browser sends from a change list page when an action is run on ``selected`` rows."""
    tokens = dict(re.findall(r'name="(_lock-[^"]+)" value="([^"]*)"', response.text))
    return {"action": action, "_selected_action": [str(obj.pk) for obj in selected], **tokens}


@pytest.fixture
def action_data():
    return list_action_data


@pytest.fixture
def walk_data(db):
    """A whole plan with monitoring rounds and an import flag, for walking every admin page."""
    from tests.admin.walk import build_walk_data

    return build_walk_data()
