"""The next plan, started from an existing edition: strategy copied, years mapped by the editor, projects chosen."""

import pytest
from django.urls import reverse

from editions.admin_views import NEXT_PLAN_STARTED
from editions.services import NEXT_PLAN_YEARS_TWICE
from plans.models import Block, Edition, Section
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Goal, Indicator, IndicatorTarget, Strategy, Tactic


def _form(plan, **overrides):
    data = {
        "title": "แผนแม่บทเทคโนโลยีสารสนเทศ",
        "start_year": "๒๕๖๖",
        "end_year": "๒๕๖๘",
        "year_2563": "2566",
        "year_2564": "2567",
        "year_2565": "",  # left out
        "project_1": "on",
        "project_3": "on",
        "project_4": "on",  # project 2 left out
        "copy_document": "on",
    }
    data.update(overrides)
    return data


def test_the_form_offers_the_years_of_the_next_period_without_choosing_silently(client, editor, plan):
    client.force_login(editor)
    html = client.get(reverse("editions_admin:next_plan", args=[plan.pk])).content.decode()
    assert "ค่าเป้าหมายและงบประมาณของปี พ.ศ. ๒๕๖๓ ย้ายไปเป็นปี" in html
    assert "ไม่นำไป" in html and "พ.ศ. ๒๕๖๖" in html and "พ.ศ. ๒๕๖๘" in html
    assert 'name="project_2"' in html
    # A longer period: the form is offered again for it, keeping the title typed.
    again = client.post(reverse("editions_admin:next_plan", args=[plan.pk]), {**_form(plan, title="ชื่อใหม่"), "end_year": "2570", "refresh": "1"})
    html = again.content.decode()
    assert "พ.ศ. ๒๕๗๐" in html and 'value="ชื่อใหม่"' in html
    assert Edition.objects.count() == 1


def test_the_next_plan_copies_the_strategy_maps_the_years_and_carries_the_chosen_projects(client, editor, plan):
    client.force_login(editor)
    response = client.post(reverse("editions_admin:next_plan", args=[plan.pk]), _form(plan), follow=True)
    new = Edition.objects.get(start_year=2566)
    assert NEXT_PLAN_STARTED.format(edition=new) in response.content.decode()
    assert (new.status, new.end_year, new.based_on, new.revision_number) == (Edition.Status.DRAFT, 2568, plan, 0)
    for model, lookup in [(Framework, "edition"), (Strategy, "framework__edition"), (Goal, "strategy__framework__edition"),
                          (Tactic, "framework__edition"), (Indicator, "framework__edition")]:
        assert model.objects.filter(**{lookup: new}).count() == model.objects.filter(**{lookup: plan}).count(), model
    it_plan = Framework.objects.get(edition=new, kind="it_plan")
    assert (it_plan.start_year, it_plan.end_year) == (2566, 2568)
    years = set(IndicatorTarget.objects.filter(indicator__framework=it_plan).values_list("year", flat=True))
    assert years == {2566, 2567}  # ๒๕๖๕ was left out, nothing shifted on its own
    # The local development plan is another body's plan: its period and targets stay as printed.
    local = Framework.objects.get(edition=new, slug="local")
    assert (local.start_year, local.end_year) == (2561, 2565)
    assert set(IndicatorTarget.objects.filter(indicator__framework=local).values_list("year", flat=True)) == set(range(2561, 2566))
    assert sorted(Project.objects.filter(edition=new).values_list("number", flat=True)) == [1, 3, 4]
    budgets = dict(ProjectBudget.objects.filter(project__edition=new, project__number=3).values_list("fiscal_year", "amount"))
    assert budgets == {2566: 15000, 2567: 15000}
    assert {p.strategy.framework.edition_id for p in Project.objects.filter(edition=new).select_related("strategy__framework")} == {new.pk}
    assert Section.objects.filter(edition=new).count() == Section.objects.filter(edition=plan).count()
    # Residents do not see it: it is a draft.
    client.logout()
    assert client.get("/taimueang/plans/2566-2568/").status_code == 404


def test_two_old_years_cannot_go_to_the_same_new_year(client, editor, plan):
    client.force_login(editor)
    response = client.post(reverse("editions_admin:next_plan", args=[plan.pk]), _form(plan, year_2565="2567"))
    html = response.content.decode()
    assert NEXT_PLAN_YEARS_TWICE.format(year=2567) in html
    assert 'value="๒๕๖๖"' in html or 'value="2566"' in html
    assert Edition.objects.count() == 1


def test_the_next_plan_must_come_after_this_one(client, editor, plan):
    client.force_login(editor)
    response = client.post(reverse("editions_admin:next_plan", args=[plan.pk]), _form(plan, start_year="2564", end_year="2566", year_2563="2564", year_2564="2565"))
    assert "ต้องเริ่มหลังปีสุดท้ายของแผนเดิม" in response.content.decode()
    assert Edition.objects.count() == 1


@pytest.mark.parametrize("copy_document", [False])
def test_without_the_document_only_the_strategy_and_projects_come(client, editor, plan, copy_document):
    from editions.services import next_plan_start

    new = next_plan_start(
        edition=plan, title="แผนถัดไป", start_year=2566, end_year=2568,
        year_map={2563: 2566, 2564: 2567, 2565: 2568}, project_numbers={1}, copy_document=copy_document,
    )
    assert not Section.objects.filter(edition=new).exists()
    # Nothing of the document, so no block embeds a framework in the new plan.
    assert not Block.objects.filter(section__edition=new).exists()
    assert Strategy.objects.filter(framework__edition=new).count() == Strategy.objects.filter(framework__edition=plan).count()
