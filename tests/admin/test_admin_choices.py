"""Choice lists offer only what makes sense, grouped under their framework, chosen by name."""

import re

import pytest
from django.urls import reverse

from monitoring.models import EvaluationRound
from strategies.models import Framework, Indicator, Strategy, Tactic


@pytest.fixture
def frameworks(edition, framework):
    gov = Framework.objects.create(
        edition=edition, kind="gov40", name="ระบบราชการ ๔.๐", slug="gov40", order=1
    )
    dla = Framework.objects.create(edition=edition, kind="dla", name="แผนยุทธศาสตร์ สถ.", slug="dla", order=2)
    return {
        "it": framework,
        "gov_strategy": Strategy.objects.create(framework=gov, number=1, title="ยุทธศาสตร์ของรัฐบาล"),
        "dla_strategy": Strategy.objects.create(framework=dla, number=1, title="ยุทธศาสตร์ของ สถ."),
        "dla_tactic": Tactic.objects.create(framework=dla, text="กลยุทธ์ของ สถ."),
    }


def _select(html: str, name: str) -> str:
    match = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert match, name
    return match.group()


def _checkboxes(html: str, name: str) -> str:
    match = re.search(rf'<div id="id_{name}".*?</div>\s*</div>\s*</div>', html, re.S)
    assert match, name
    return match.group()


def test_a_projects_strategy_comes_only_from_the_it_plan_grouped_under_it(client, editor, frameworks):
    client.force_login(editor)
    select = _select(client.get(reverse("admin:projects_project_add")).text, "strategy")
    assert '<optgroup label="แผนแม่บทไอที (พ.ศ. ๒๕๖๓-๒๕๖๕)">' in select
    assert "ยุทธศาสตร์ที่ ๑ ยุทธศาสตร์ 1" in select
    assert "ยุทธศาสตร์ของ สถ." not in select and "ยุทธศาสตร์ของรัฐบาล" not in select


def test_a_projects_tactics_are_grouped_by_strategy_and_follow_the_chosen_one(client, editor, frameworks):
    client.force_login(editor)
    select = _select(client.get(reverse("admin:projects_project_add")).text, "tactic")
    it = frameworks["it"]
    for strategy in it.strategies.all():
        tactic = strategy.tactics.get()
        assert f'data-parent="{strategy.pk}"' in select
        assert tactic.text in select
    assert 'data-follows="strategy"' in select
    assert "กลยุทธ์ของ สถ." not in select


def test_an_it_strategy_aligns_only_with_higher_frameworks_grouped_by_framework(client, editor, frameworks):
    client.force_login(editor)
    strategy = frameworks["it"].strategies.first()
    html = client.get(reverse("admin:strategies_strategy_change", args=[strategy.pk])).text
    boxes = _checkboxes(html, "aligns_with")
    assert "ระบบราชการ ๔.๐" in boxes and "แผนยุทธศาสตร์ สถ." in boxes
    assert "ยุทธศาสตร์ของรัฐบาล" in boxes and "ยุทธศาสตร์ของ สถ." in boxes
    assert "ยุทธศาสตร์ 2" not in boxes  # the IT plan's own strategies are not higher than themselves


def test_a_dla_strategy_may_align_only_with_gov40(client, editor, frameworks, form_data):
    client.force_login(editor)
    dla_strategy = frameworks["dla_strategy"]
    url = reverse("admin:strategies_strategy_change", args=[dla_strategy.pk])
    html = client.get(url).text
    boxes = _checkboxes(html, "aligns_with")
    assert "ยุทธศาสตร์ของรัฐบาล" in boxes
    assert "ยุทธศาสตร์ 1" not in boxes

    data = form_data(client.get(url))
    data["aligns_with"] = [str(frameworks["it"].strategies.first().pk)]
    response = client.post(url, data)
    assert response.status_code == 200
    assert not dla_strategy.aligns_with.exists()


def test_a_new_strategy_cannot_be_linked_to_a_lower_framework(client, editor, frameworks):
    client.force_login(editor)
    dla = frameworks["dla_strategy"].framework
    response = client.post(
        reverse("admin:strategies_strategy_add"),
        {
            "framework": dla.pk,
            "number": "๒",
            "order": "๒๐",
            "title": "ใหม่",
            "aligns_with": [frameworks["dla_strategy"].pk],
            "goals-TOTAL_FORMS": "0",
            "goals-INITIAL_FORMS": "0",
            "tactics-TOTAL_FORMS": "0",
            "tactics-INITIAL_FORMS": "0",
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "เชื่อมโยงได้เฉพาะกับกรอบที่สูงกว่า" in response.text
    assert not Strategy.objects.filter(title="ใหม่").exists()


def test_indicator_results_choose_the_indicator_by_name_grouped_by_framework(
    client, committee_member, frameworks
):
    client.force_login(committee_member)
    html = client.get(reverse("admin:monitoring_indicatorresult_add")).text
    select = _select(html, "indicator")
    indicator = Indicator.objects.filter(framework=frameworks["it"]).first()
    assert indicator.name in select
    assert "แผนแม่บทไอที (พ.ศ. ๒๕๖๓-๒๕๖๕) · ยุทธศาสตร์ที่ ๑" in select
    assert 'class="vForeignKeyRawIdAdminField"' not in html


def test_a_progress_record_chooses_its_project_by_number_and_name(client, committee_member, edition):
    from projects.models import Project

    Project.objects.create(edition=edition, number=3, name="โครงการเครือข่าย")
    EvaluationRound.objects.create(
        edition=edition,
        name="รอบ",
        fiscal_year=2564,
        period_start="2020-10-01",
        period_end="2021-03-31",
        report_date="2021-04-30",
    )
    client.force_login(committee_member)
    html = client.get(reverse("admin:monitoring_projectprogress_add")).text
    assert "โครงการที่ ๓ โครงการเครือข่าย" in _select(html, "project")
    assert 'class="vForeignKeyRawIdAdminField"' not in html


def test_the_model_refuses_a_project_under_another_frameworks_strategy(edition, frameworks):
    from django.core.exceptions import ValidationError

    from projects.models import PROJECT_STRATEGY_NOT_IT_PLAN, Project

    project = Project(edition=edition, number=9, name="นำเข้าจากที่อื่น", strategy=frameworks["dla_strategy"])
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert error.value.message_dict["strategy"] == [
        PROJECT_STRATEGY_NOT_IT_PLAN.format(framework="แผนยุทธศาสตร์ สถ.")
    ]
