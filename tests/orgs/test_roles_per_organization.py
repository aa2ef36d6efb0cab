"""A role counts in the organization it is held in: an editor of A who sits on B's committee
edits A's plan, reads B's, and records B's monitoring but not A's."""

import pytest
from django.urls import reverse

from monitoring.models import ProjectProgress
from plans import tenancy
from plans.memberships import member_add
from plans.models import Edition, Membership, SwotItem
from strategies.models import Strategy
from tests.admin.conftest import change_form_data, list_action_data


@pytest.fixture
def both(orgs):
    """Editor of A (the fixture's A editor) and member of B's committee."""
    a, b = orgs
    member_add(user=a.editor, organization=b.organization, role=Membership.Role.COMMITTEE)
    return a, b, a.editor


def test_the_rights_in_each_organization_are_those_of_the_role_held_there(both):
    a, b, person = both
    assert tenancy.has_perm_in(person, "strategies.change_strategy", a.row(Strategy))
    assert not tenancy.has_perm_in(person, "strategies.change_strategy", b.row(Strategy))
    assert tenancy.has_perm_in(person, "strategies.view_strategy", b.row(Strategy))
    assert tenancy.has_perm_in(person, "monitoring.change_projectprogress", b.row(ProjectProgress))
    assert not tenancy.has_perm_in(person, "monitoring.change_projectprogress", a.row(ProjectProgress))


def test_they_change_their_own_organizations_strategy_and_only_read_the_others(client, both):
    a, b, person = both
    client.force_login(person)
    own = reverse("admin:strategies_strategy_change", args=[a.row(Strategy).pk])
    data = change_form_data(client.get(own))
    data["title"] = "แก้ในหน่วยงานของตน"
    assert client.post(own, data).status_code == 302
    assert Strategy.objects.get(pk=a.row(Strategy).pk).title == "แก้ในหน่วยงานของตน"

    theirs = reverse("admin:strategies_strategy_change", args=[b.row(Strategy).pk])
    page = client.get(theirs)
    assert page.status_code == 200 and 'name="title"' not in page.text  # read-only for the committee
    before = Strategy.objects.get(pk=b.row(Strategy).pk).title
    assert client.post(theirs, {**data, "framework": b.row(Strategy).framework_id}).status_code == 403
    assert client.post(reverse("admin:strategies_strategy_delete", args=[b.row(Strategy).pk]), {"post": "yes"}).status_code == 403
    assert Strategy.objects.get(pk=b.row(Strategy).pk).title == before


def test_the_lists_show_both_organizations_but_edits_and_actions_reach_only_the_editable(client, both):
    a, b, person = both
    client.force_login(person)
    url = reverse("admin:plans_swotitem_changelist")
    page = client.get(url)
    mine, theirs = a.row(SwotItem), b.row(SwotItem)
    assert {mine, theirs} <= set(page.context["cl"].queryset)

    # The list as a browser posts it, both rows' order changed: only the editable one is saved.
    data = _list_data(page)
    for form in page.context["cl"].formset.forms:
        data[form.add_prefix("order")] = "๙๙"
    client.post(url, data)
    assert SwotItem.objects.get(pk=mine.pk).order == 99 and SwotItem.objects.get(pk=theirs.pk).order == 10

    # Deleting both from the list (through the confirmation) deletes only the editable one.
    page = client.get(url)
    confirm = client.post(url, list_action_data(page, "delete_selected", [mine, theirs]))
    assert confirm.status_code == 200
    client.post(url, {**list_action_data(page, "delete_selected", [mine, theirs]), "post": "yes"})
    assert not SwotItem.objects.filter(pk=mine.pk).exists() and SwotItem.objects.filter(pk=theirs.pk).exists()


def _list_data(page) -> dict:
    """What a browser posts when "บันทึก" is pressed on a change list with editable columns."""
    formset = page.context["cl"].formset
    data = {formset.management_form.add_prefix(k): str(v) for k, v in formset.management_form.initial.items()}
    for form in formset.forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = str(value)
    data["_save"] = "บันทึก"
    return data


def test_they_record_the_others_monitoring_but_not_their_own(client, both):
    a, b, person = both
    client.force_login(person)
    round_b, round_a = b.row(ProjectProgress).round, a.row(ProjectProgress).round
    page_b = client.get(reverse("admin:monitoring_evaluationround_entry", args=[round_b.pk]))
    page_a = client.get(reverse("admin:monitoring_evaluationround_entry", args=[round_a.pk]))
    assert page_b.context["can_record"] and not page_a.context["can_record"]
    assert client.post(reverse("admin:monitoring_evaluationround_entry", args=[round_a.pk]), {}).status_code == 403
    assert client.get(reverse("admin:monitoring_evaluationround_upload", args=[round_a.pk])).status_code == 403
    assert client.get(reverse("admin:monitoring_evaluationround_upload", args=[round_b.pk])).status_code == 200


def test_they_may_publish_their_own_plan_only(client, both):
    a, b, person = both
    client.force_login(person)
    assert client.get(reverse("editions_admin:publish", args=[a.row(Edition).pk])).status_code == 200
    assert client.get(reverse("editions_admin:publish", args=[b.row(Edition).pk])).status_code == 403
    assert client.post(reverse("editions_admin:publish", args=[b.row(Edition).pk]), {"fingerprint": "x"}).status_code == 403
    assert Edition.objects.get(pk=b.row(Edition).pk).status == Edition.Status.DRAFT
    page = client.get(reverse("admin:plans_edition_change", args=[b.row(Edition).pk]))
    assert page.context["publish_url"] is None and page.context["next_plan_url"] is None
