"""Issue 11, case by case, on the demo plan (the Tai Mueang source plus the labelled sample).

The importer writes the whole plan as one revision; a restore or recover of one
object must change that object (and its own rows) only, and only for someone
allowed to change it.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision, Version

from editions.services import edition_publish_as_told
from importer.services import plan_import
from monitoring.models import EvaluationRound, ProjectProgress
from plans.forms import STALE_SAVE
from plans.models import Block, Edition, SwotItem
from projects.models import Project, Unit
from strategies.models import Goal, Strategy


@pytest.fixture
def demo(db) -> Edition:
    """The plan as the issue found it: imported (source, then sample), published, with sample monitoring."""
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    source, sample = fixtures / "tai_mueang_2563-2565.txt", fixtures / "sample_chapters_3-6.txt"
    edition = plan_import(data=source.read_bytes(), name=source.name).edition
    plan_import(data=sample.read_bytes(), name=sample.name, sample=True)
    edition_publish_as_told(edition=Edition.objects.get(pk=edition.pk))
    call_command("load_sample_monitoring", stdout=io.StringIO())
    return Edition.objects.get(pk=edition.pk)


def _import_version(obj) -> Version:
    return Version.objects.get_for_object(obj).filter(revision__comment__startswith="นำเข้า").get()


def _change(client, form_data, obj, **values):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url))
    data.update(values)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def _revision_url(obj, version):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk])


def _it_plan_strategy(demo, number) -> Strategy:
    return Strategy.objects.get(framework__edition=demo, framework__kind="it_plan", number=number)


def test_every_row_the_import_wrote_has_its_own_version_to_restore_from(demo):
    imports = Revision.objects.filter(comment__startswith="นำเข้า")
    for model in (Block, SwotItem, Project, Strategy, Goal, Unit):
        stored = {str(pk) for pk in model.objects.values_list("pk", flat=True)}
        versioned = set(
            Version.objects.get_for_model(model).filter(revision__in=imports).values_list("object_id", flat=True)
        )
        assert stored and stored <= versioned, model.__name__


def test_a_rename_survives_restoring_another_object_to_its_imported_version(client, editor, demo, form_data, restore):
    client.force_login(editor)
    project = Project.objects.get(edition=demo, number=1)
    _change(client, form_data, project, name="โครงการเครือข่าย (ชื่อใหม่)")
    strategy = _it_plan_strategy(demo, 2)
    imported_title = strategy.title
    _change(client, form_data, strategy, title="ยุทธศาสตร์ที่แก้ชื่อแล้ว")
    goal = Goal.objects.filter(strategy=_it_plan_strategy(demo, 1)).order_by("order").first()
    _change(client, form_data, goal, order="๙๙๙")

    response = restore(client, _revision_url(strategy, _import_version(strategy)))

    assert response.status_code == 302
    strategy.refresh_from_db()
    assert strategy.title == imported_title
    project.refresh_from_db()
    assert project.name == "โครงการเครือข่าย (ชื่อใหม่)"
    goal.refresh_from_db()
    assert goal.order == 999
    assert Version.objects.get_for_object(project).first().field_dict["name"] == project.name


def test_rows_added_elsewhere_survive_restoring_a_swot_item(client, editor, demo, form_data, restore):
    client.force_login(editor)
    project = Project.objects.get(edition=demo, number=4)
    budgets = project.budgets.count()
    year = min({2563, 2564, 2565} - set(project.budgets.values_list("fiscal_year", flat=True)))
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = form_data(client.get(url))
    n = int(data["budgets-TOTAL_FORMS"])
    data.update({"budgets-TOTAL_FORMS": str(n + 1), f"budgets-{n}-fiscal_year": str(year),
                 f"budgets-{n}-amount": "๕,๐๐๐", f"budgets-{n}-source": "เงินอุดหนุน"})
    assert client.post(url, data).status_code == 302
    strategy = _it_plan_strategy(demo, 2)
    goals = strategy.goals.count()
    url = reverse("admin:strategies_strategy_change", args=[strategy.pk])
    data = form_data(client.get(url))
    n = int(data["goals-TOTAL_FORMS"])
    data.update({"goals-TOTAL_FORMS": str(n + 1), f"goals-{n}-text": "เป้าประสงค์ที่เพิ่มใหม่", f"goals-{n}-order": "990"})
    assert client.post(url, data).status_code == 302
    swot = SwotItem.objects.filter(edition=demo).first()
    _change(client, form_data, swot, text="จุดแข็งที่แก้แล้ว")

    assert restore(client, _revision_url(swot, _import_version(swot))).status_code == 302

    assert project.budgets.count() == budgets + 1
    assert strategy.goals.count() == goals + 1
    swot.refresh_from_db()
    assert swot.text == _import_version(swot).field_dict["text"]


def test_recovering_a_deleted_swot_item_leaves_another_projects_rename(client, editor, demo, form_data, restore):
    client.force_login(editor)
    project = Project.objects.get(edition=demo, number=2)
    _change(client, form_data, project, name="ชื่อโครงการที่สองแบบใหม่")
    swot = SwotItem.objects.filter(edition=demo).last()
    text = swot.text
    client.post(reverse("admin:plans_swotitem_delete", args=[swot.pk]), {"post": "yes"})
    deleted = Version.objects.get_deleted(SwotItem).get()

    assert restore(client, reverse("admin:plans_swotitem_recover", args=[deleted.pk])).status_code == 302

    assert SwotItem.objects.get(pk=swot.pk).text == text
    project.refresh_from_db()
    assert project.name == "ชื่อโครงการที่สองแบบใหม่"


def test_restoring_the_edition_to_its_imported_version_keeps_it_published(client, editor, demo, form_data, restore):
    client.force_login(editor)
    _change(client, form_data, demo, title="แผนแม่บท (ชื่อใหม่)")
    imported = Version.objects.get_for_object(demo).filter(revision__comment__startswith="นำเข้าจากไฟล์").get()
    assert imported.field_dict["status"] == Edition.Status.DRAFT

    page = client.get(_revision_url(demo, imported))
    assert str(Edition._meta.get_field("status").verbose_name) not in [c.label for c in page.context["plan"].fields]
    assert restore(client, _revision_url(demo, imported)).status_code == 302

    demo.refresh_from_db()
    assert demo.title == imported.field_dict["title"]
    assert demo.status == Edition.Status.PUBLISHED, "publishing is not rolled back by a restore"


def test_the_committees_recover_post_with_an_import_version_changes_nothing(client, committee_member, demo):
    version = Version.objects.filter(revision__comment__startswith="นำเข้าจากไฟล์").first()
    blocks, revisions, logs = Block.objects.count(), Revision.objects.count(), LogEntry.objects.count()
    client.force_login(committee_member)

    response = client.post(reverse("admin:monitoring_evaluationround_recover", args=[version.pk]), {})

    assert response.status_code == 404
    assert Edition.objects.get(pk=demo.pk).status == Edition.Status.PUBLISHED
    assert Block.objects.count() == blocks
    assert (Revision.objects.count(), LogEntry.objects.count()) == (revisions, logs)


def test_the_committee_cannot_restore_plan_content_it_may_only_read(client, committee_member, demo):
    strategy = _it_plan_strategy(demo, 2)
    strategy.title = "แก้โดยคณะทำงาน"
    strategy.save()
    url = _revision_url(strategy, _import_version(strategy))
    client.force_login(committee_member)

    page = client.get(url)
    assert page.status_code == 200 and "ไม่มีสิทธิ์กู้คืน" in page.text
    assert "ยืนยันการกู้คืน" not in page.text
    response = client.post(url, {"lock_token": page.context["plan"].token})

    assert response.status_code == 403
    strategy.refresh_from_db()
    assert strategy.title == "แก้โดยคณะทำงาน"


def test_an_editor_cannot_roll_back_a_monitoring_record(client, editor, committee_member, demo, form_data):
    round = EvaluationRound.objects.filter(edition=demo).first()
    assert round is not None, "the demo has sample monitoring rounds"
    client.force_login(committee_member)
    _change(client, form_data, round, name="รอบที่คณะกรรมการแก้ชื่อ")
    round_version = Version.objects.get_for_object(round).last()
    unit = Unit.objects.first()
    progress = ProjectProgress.objects.filter(round=round).count()
    client.force_login(editor)

    through_a_unit = client.post(_revision_url(unit, round_version), {})
    through_a_unit_recover = client.post(reverse("admin:projects_unit_recover", args=[round_version.pk]), {})
    page = client.get(_revision_url(round, round_version))
    own_page = client.post(_revision_url(round, round_version), {"lock_token": page.context["plan"].token})

    assert through_a_unit.status_code == 404
    assert through_a_unit_recover.status_code == 404
    assert own_page.status_code == 403
    round.refresh_from_db()
    assert round.name == "รอบที่คณะกรรมการแก้ชื่อ"
    assert ProjectProgress.objects.filter(round=round).count() == progress


def test_a_stale_unit_list_save_is_refused_and_keeps_the_input(client, editor, demo, form_data):
    client.force_login(editor)
    unit = Unit.objects.order_by("order", "pk").first()
    list_url = reverse("admin:projects_unit_changelist")
    page = client.get(list_url)  # editor A opens the list
    formset = page.context["cl"].formset
    data = {}
    for name in formset.management_form.fields:
        data[formset.management_form.add_prefix(name)] = str(formset.management_form[name].value())
    for form in formset.forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = str(value)
    data["_save"] = "บันทึก"
    row = next(form for form in formset.forms if form.instance.pk == unit.pk)
    # Editor B renames unit 1 and changes its order from its change form.
    _change(client, form_data, unit, name="กองช่าง (ชื่อใหม่)", order="๕๕")
    data[row.add_prefix("order")] = "๗๗"  # A's stale list sets another order

    response = client.post(list_url, data)

    assert response.status_code == 200
    assert STALE_SAVE in response.text
    assert 'value="๗๗"' in response.text or 'value="77"' in response.text
    unit.refresh_from_db()
    assert (unit.name, unit.order) == ("กองช่าง (ชื่อใหม่)", 55)
