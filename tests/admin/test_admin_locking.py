"""Two editors saving the same object: the second is refused, and keeps what they typed."""

import pytest
from django.urls import reverse
from reversion.models import Version

from plans.forms import STALE_SAVE
from strategies.models import Framework, Strategy


@pytest.fixture
def change_url(framework):
    return reverse("admin:strategies_framework_change", args=[framework.pk])


def test_the_change_form_carries_the_rows_token(client, editor, framework, change_url):
    client.force_login(editor)
    response = client.get(change_url)
    assert response.context["adminform"].form["lock_token"].value() == framework.updated_at.isoformat()
    assert 'name="lock_token"' in response.text


def test_a_fresh_save_goes_through(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    data = form_data(client.get(change_url))
    data["vision"] = "วิสัยทัศน์ใหม่"
    response = client.post(change_url, data)
    assert response.status_code == 302
    framework.refresh_from_db()
    assert framework.vision == "วิสัยทัศน์ใหม่"


def test_it_refuses_a_stale_save_and_keeps_the_editors_input(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    data = form_data(client.get(change_url))
    # Someone else saves while this editor is typing.
    other = Framework.objects.get(pk=framework.pk)
    other.vision = "ของอีกคน"
    other.save()

    data["vision"] = "ข้อความที่ฉันพิมพ์ไว้ยาว ๆ"
    response = client.post(change_url, data)

    assert response.status_code == 200
    assert STALE_SAVE in response.text
    assert "ข้อความที่ฉันพิมพ์ไว้ยาว ๆ" in response.text
    framework.refresh_from_db()
    assert framework.vision == "ของอีกคน"


def test_it_refuses_a_stale_row_in_an_inline(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    data = form_data(client.get(change_url))
    strategy = framework.strategies.first()
    strategy.title = "แก้จากหน้ายุทธศาสตร์"
    strategy.save()

    response = client.post(change_url, data)

    assert response.status_code == 200
    assert STALE_SAVE in response.text
    strategy.refresh_from_db()
    assert strategy.title == "แก้จากหน้ายุทธศาสตร์"


def _save_vision(client, url, form_data, vision):
    data = form_data(client.get(url))
    data["vision"] = vision
    assert client.post(url, data).status_code == 302


def test_restoring_an_earlier_version_works_and_is_kept_as_a_new_version(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    _save_vision(client, change_url, form_data, "ฉบับแรก")
    _save_vision(client, change_url, form_data, "ฉบับที่สอง")
    first = Version.objects.get_for_object(framework).order_by("pk").first()
    assert first.field_dict["vision"] == "ฉบับแรก"
    revision_url = reverse("admin:strategies_framework_revision", args=[framework.pk, first.pk])

    page = client.get(revision_url)
    assert page.status_code == 200
    framework.refresh_from_db()
    assert framework.vision == "ฉบับที่สอง", "looking at a version must not change anything"

    response = client.post(revision_url, form_data(page))

    assert response.status_code == 302
    framework.refresh_from_db()
    assert framework.vision == "ฉบับแรก"
    versions = Version.objects.get_for_object(framework)
    assert versions.count() == 3
    assert versions.first().revision.user == editor
    assert "กู้คืน" in versions.first().revision.get_comment()


def test_a_restore_opened_before_someone_elses_save_is_refused(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    _save_vision(client, change_url, form_data, "ฉบับแรก")
    first = Version.objects.get_for_object(framework).first()
    revision_url = reverse("admin:strategies_framework_revision", args=[framework.pk, first.pk])
    page = client.get(revision_url)
    Framework.objects.filter(pk=framework.pk).first().save()  # someone else saves meanwhile

    response = client.post(revision_url, form_data(page))

    assert response.status_code == 200
    assert STALE_SAVE in response.text


def test_restoring_a_framework_brings_back_a_deleted_strategy(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    _save_vision(client, change_url, form_data, "ก่อนลบ")
    before = Version.objects.get_for_object(framework).first()
    data = form_data(client.get(change_url))
    data["strategies-1-DELETE"] = "on"
    assert client.post(change_url, data).status_code == 302
    assert framework.strategies.count() == 1

    revision_url = reverse("admin:strategies_framework_revision", args=[framework.pk, before.pk])
    response = client.post(revision_url, form_data(client.get(revision_url)))

    assert response.status_code == 302
    assert list(framework.strategies.values_list("number", flat=True)) == [1, 2]
    restored = Strategy.objects.get(framework=framework, number=2)
    assert restored.goals.count() == 1
    assert restored.indicators.get().targets.count() == 3


def test_a_deleted_project_can_be_recovered(client, editor, edition, form_data):
    from projects.models import Project

    client.force_login(editor)
    add = client.post(
        reverse("admin:projects_project_add"),
        {"edition": edition.pk, "number": "๑", "name": "โครงการอินเทอร์เน็ตตำบล", "status": "planned",
         "budgets-TOTAL_FORMS": "1", "budgets-INITIAL_FORMS": "0",
         "budgets-0-fiscal_year": "๒๕๖๔", "budgets-0-amount": "๑๐๐,๐๐๐", "budgets-0-source": "งบประมาณ อบต."},
    )
    assert add.status_code == 302
    project = Project.objects.get()
    client.post(reverse("admin:projects_project_delete", args=[project.pk]), {"post": "yes"})
    assert not Project.objects.exists()
    deleted = Version.objects.get_deleted(Project).first()

    page = client.get(reverse("admin:projects_project_recover", args=[deleted.pk]))
    response = client.post(reverse("admin:projects_project_recover", args=[deleted.pk]), form_data(page))

    assert response.status_code == 302
    project = Project.objects.get()
    assert project.name == "โครงการอินเทอร์เน็ตตำบล"
    assert project.budgets.get().amount == 100000
