"""Restoring a version from an object's history, and bringing back a deleted row."""

from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.urls import reverse
from reversion.models import Version

from plans.forms import STALE_SAVE
from strategies.models import Framework, Strategy


def _save_vision(client, url, form_data, vision):
    data = form_data(client.get(url))
    data["vision"] = vision
    assert client.post(url, data).status_code == 302


def _url(framework):
    return reverse("admin:strategies_framework_change", args=[framework.pk])


def _revision_url(obj, version):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk])


def test_the_restore_page_says_what_will_change_and_changes_nothing(client, editor, framework, form_data):
    client.force_login(editor)
    _save_vision(client, _url(framework), form_data, "ฉบับแรก")
    _save_vision(client, _url(framework), form_data, "ฉบับที่สอง")
    first = Version.objects.get_for_object(framework).order_by("pk").first()

    page = client.get(_revision_url(framework, first))

    assert page.status_code == 200
    assert "ช่องที่จะเปลี่ยน" in page.text
    assert "ฉบับที่สอง" in page.text and "ฉบับแรก" in page.text
    assert "ยืนยันการกู้คืน" in page.text
    framework.refresh_from_db()
    assert framework.vision == "ฉบับที่สอง", "looking at a version must not change anything"


def test_restoring_works_and_is_kept_as_a_new_version_with_a_log_entry(
    client, editor, framework, form_data, restore
):
    client.force_login(editor)
    _save_vision(client, _url(framework), form_data, "ฉบับแรก")
    _save_vision(client, _url(framework), form_data, "ฉบับที่สอง")
    first = Version.objects.get_for_object(framework).order_by("pk").first()
    assert first.field_dict["vision"] == "ฉบับแรก"

    response = restore(client, _revision_url(framework, first))

    assert response.status_code == 302
    framework.refresh_from_db()
    assert framework.vision == "ฉบับแรก"
    versions = Version.objects.get_for_object(framework)
    assert versions.count() == 3
    newest = versions.first().revision
    assert newest.user == editor
    assert newest.get_comment().startswith("กู้คืนจากฉบับวันที่ ")
    entry = LogEntry.objects.filter(object_id=str(framework.pk), action_flag=CHANGE).latest("pk")
    assert entry.user == editor
    assert entry.get_change_message().startswith("กู้คืนจากฉบับวันที่ ")
    history = client.get(reverse("admin:strategies_framework_history", args=[framework.pk]))
    assert "กู้คืนจากฉบับวันที่" in history.text


def test_a_restore_opened_before_someone_elses_save_is_refused(client, editor, framework, form_data):
    client.force_login(editor)
    _save_vision(client, _url(framework), form_data, "ฉบับแรก")
    _save_vision(client, _url(framework), form_data, "ฉบับที่สอง")
    first = Version.objects.get_for_object(framework).order_by("pk").first()
    url = _revision_url(framework, first)
    page = client.get(url)
    other = Framework.objects.get(pk=framework.pk)
    other.vision = "ของอีกคน"
    other.save()  # someone else saves meanwhile

    response = client.post(url, {"lock_token": page.context["plan"].token})

    assert response.status_code == 200
    assert STALE_SAVE in response.text
    framework.refresh_from_db()
    assert framework.vision == "ของอีกคน"


def test_a_restore_opened_before_someone_edits_one_of_its_rows_is_refused(client, editor, framework, form_data):
    client.force_login(editor)
    _save_vision(client, _url(framework), form_data, "ฉบับแรก")
    _save_vision(client, _url(framework), form_data, "ฉบับที่สอง")
    first = Version.objects.get_for_object(framework).order_by("pk").first()
    url = _revision_url(framework, first)
    page = client.get(url)
    point = framework.points.first()
    point.text = "แก้จากหน้าพันธกิจ"
    point.save()

    response = client.post(url, {"lock_token": page.context["plan"].token})

    assert STALE_SAVE in response.text
    point.refresh_from_db()
    assert point.text == "แก้จากหน้าพันธกิจ"


def test_restoring_a_framework_brings_back_a_deleted_strategy_with_what_it_owned(
    client, editor, framework, form_data, restore
):
    client.force_login(editor)
    _save_vision(client, _url(framework), form_data, "ก่อนลบ")
    before = Version.objects.get_for_object(framework).first()
    data = form_data(client.get(_url(framework)))
    data["strategies-1-DELETE"] = "on"
    assert client.post(_url(framework), data).status_code == 302
    assert framework.strategies.count() == 1

    page = client.get(_revision_url(framework, before))
    assert "เพิ่มกลับมา" in page.text
    response = restore(client, _revision_url(framework, before))

    assert response.status_code == 302
    assert list(framework.strategies.values_list("number", flat=True)) == [1, 2]
    restored = Strategy.objects.get(framework=framework, number=2)
    assert restored.goals.count() == 1
    assert restored.tactics.count() == 1
    assert restored.indicators.get().targets.count() == 3


def test_restoring_removes_rows_added_since_and_says_so_first(client, editor, framework, form_data, restore):
    client.force_login(editor)
    strategy = framework.strategies.get(number=1)
    url = reverse("admin:strategies_strategy_change", args=[strategy.pk])
    data = form_data(client.get(url))
    data["title"] = "ชื่อใหม่"
    assert client.post(url, data).status_code == 302
    before = Version.objects.get_for_object(strategy).first()
    data = form_data(client.get(url))
    data.update({"goals-TOTAL_FORMS": "2", "goals-1-number": "(๒)", "goals-1-text": "เป้าประสงค์ใหม่", "goals-1-order": "20"})
    assert client.post(url, data).status_code == 302
    assert strategy.goals.count() == 2

    page = client.get(_revision_url(strategy, before))
    assert "ลบออก" in page.text and "เป้าประสงค์ใหม่" in page.text
    assert restore(client, _revision_url(strategy, before)).status_code == 302

    assert list(strategy.goals.values_list("text", flat=True)) == ["เป้าประสงค์ของ 1"]
    # Only this strategy's goals: other tests' imports may have left deleted goals' versions behind.
    deleted = [
        v for v in Version.objects.get_deleted(type(strategy.goals.first())) if v.field_dict["strategy_id"] == strategy.pk
    ]
    assert [v.field_dict["text"] for v in deleted] == ["เป้าประสงค์ใหม่"], "the removed row can be recovered"
    removal = LogEntry.objects.get(action_flag=DELETION)
    assert (removal.object_repr, removal.user) == (deleted[0].object_repr, editor)


def test_a_deleted_project_can_be_recovered_with_its_budget(client, editor, edition, restore):
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
    url = reverse("admin:projects_project_recover", args=[deleted.pk])

    page = client.get(url)
    assert "โครงการอินเทอร์เน็ตตำบล" in page.text
    assert not Project.objects.exists(), "looking at a deleted row must not bring it back"
    response = restore(client, url)

    assert response.status_code == 302
    project = Project.objects.get()
    assert project.name == "โครงการอินเทอร์เน็ตตำบล"
    assert project.budgets.get().amount == 100000
    assert Version.objects.get_for_object(project).first().revision.get_comment().startswith("กู้คืนรายการที่ถูกลบ")


def test_a_restore_whose_target_is_gone_is_refused_in_thai(client, editor, framework, form_data, restore):
    from strategies.models import Tactic

    client.force_login(editor)
    tactic = Tactic.objects.filter(strategy__number=1).get()
    url = reverse("admin:strategies_tactic_change", args=[tactic.pk])
    data = form_data(client.get(url))
    data["text"] = "แก้แล้ว"
    assert client.post(url, data).status_code == 302
    before = Version.objects.get_for_object(tactic).first()
    goal = tactic.goal
    tactic.goal = None
    tactic.save()
    goal.delete()

    page = client.get(_revision_url(tactic, before))

    assert "ถูกลบไปแล้ว กรุณากู้คืนรายการนั้นก่อน" in page.text
    assert "ยืนยันการกู้คืน" not in page.text
    response = client.post(_revision_url(tactic, before), {"lock_token": page.context["plan"].token})
    assert response.status_code == 200
    tactic.refresh_from_db()
    assert tactic.goal_id is None


def test_a_version_that_can_no_longer_be_read_is_explained_not_an_error(client, editor, framework, form_data):
    from plans.admin_history import UNREADABLE

    client.force_login(editor)
    _save_vision(client, _url(framework), form_data, "ฉบับแรก")
    _save_vision(client, _url(framework), form_data, "ฉบับที่สอง")
    first = Version.objects.get_for_object(framework).order_by("pk").first()
    Version.objects.filter(pk=first.pk).update(serialized_data="[{not json")

    response = client.get(_revision_url(framework, first), follow=True)

    assert UNREADABLE in response.text
    assert response.redirect_chain[-1][0] == reverse("admin:strategies_framework_history", args=[framework.pk])
