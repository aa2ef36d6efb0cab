"""Hosts see every organization and say who belongs where; editors keep their own organization's
details up to date but add no organization and no member."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from plans.models import Membership, Organization
from plans.roles import COMMITTEE, EDITORS, HOSTS
from strategies.models import Strategy


@pytest.fixture
def host(db):
    user = User.objects.create_user("province", password="pass-province", is_staff=True)
    user.groups.add(Group.objects.get(name=HOSTS))
    return user


def test_a_host_sees_the_rows_of_every_organization(client, orgs, host, superuser):
    a, b = orgs
    for person in (host, superuser):
        client.force_login(person)
        listed = set(client.get(reverse("admin:plans_organization_changelist")).context["cl"].queryset)
        assert {a.organization, b.organization} <= listed
    # A superuser also reads every plan; a host's own group is about organizations and members.
    shown = set(client.get(reverse("admin:strategies_strategy_changelist")).context["cl"].queryset)
    assert {a.row(Strategy), b.row(Strategy)} <= shown


def test_a_host_adds_an_organization_and_its_members_from_its_page(client, orgs, host):
    client.force_login(host)
    page = client.get(reverse("admin:plans_organization_add"))
    assert page.status_code == 200
    response = client.post(
        reverse("admin:plans_organization_add"),
        {"name": "เทศบาลตำบลบางใหม่", "slug": "bangmai", "code": "6830101", "short_name": "ทต.บางใหม่",
         "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    new = Organization.objects.get(slug="bangmai")
    clerk = User.objects.create_user("clerk", password="x")

    url = reverse("admin:plans_organization_change", args=[new.pk])
    page = client.get(url)
    assert "memberships" in {inline.formset.prefix for inline in page.context["inline_admin_formsets"]}
    data = {
        "name": new.name, "slug": new.slug, "code": new.code, "short_name": new.short_name,
        "lock_token": page.context["adminform"].form["lock_token"].value(),
        "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
        "memberships-0-user": str(clerk.pk), "memberships-0-role": "committee",
    }
    assert client.post(url, data).status_code == 302
    clerk.refresh_from_db()
    assert Membership.objects.filter(user=clerk, organization=new, role="committee").exists()
    # The membership puts them in the role's group and lets them into the admin.
    assert clerk.is_staff and set(clerk.groups.values_list("name", flat=True)) == {COMMITTEE}


def test_removing_the_last_membership_of_a_role_takes_its_group_away(client, orgs, host):
    a, _ = orgs
    client.force_login(host)
    membership = Membership.objects.get(user=a.editor, organization=a.organization)
    response = client.post(reverse("admin:plans_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not a.editor.groups.filter(name=EDITORS).exists()


def test_a_slug_is_a_valid_free_address(client, orgs, host):
    a, _ = orgs
    client.force_login(host)
    for slug, wrong in (("admin", "สงวนไว้"), (a.organization.slug, "มีหน่วยงานอื่นใช้"), ("ban_na", "อักษรภาษาอังกฤษตัวเล็ก")):
        response = client.post(
            reverse("admin:plans_organization_add"),
            {"name": "อบต.ทดสอบ", "slug": slug, "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"},
        )
        assert response.status_code == 200
        assert wrong in " ".join(response.context["adminform"].form.errors["slug"])


def test_an_editor_changes_their_own_organizations_details_but_not_its_address(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    listed = list(client.get(reverse("admin:plans_organization_changelist")).context["cl"].queryset)
    assert listed == [a.organization]
    url = reverse("admin:plans_organization_change", args=[a.organization.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    assert "slug" not in form.fields and "name" in form.fields  # the address is shown, not editable
    assert page.context["inline_admin_formsets"] == []  # members are the host's to manage
    data = {
        "name": a.organization.name, "short_name": a.organization.short_name, "phone": "0 7641 0000",
        "lock_token": form["lock_token"].value(), "slug": "hijacked",
    }
    assert client.post(url, data).status_code == 302
    a.organization.refresh_from_db()
    assert a.organization.phone == "0 7641 0000" and a.organization.slug == "taimueang"


def test_an_editor_adds_no_organization_and_no_member(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    assert client.get(reverse("admin:plans_organization_add")).status_code == 403
    assert client.post(reverse("admin:plans_organization_add"), {"name": "x", "slug": "xyz"}).status_code == 403
    assert client.get(reverse("admin:plans_membership_changelist")).status_code == 403
    assert client.get(reverse("admin:plans_membership_add")).status_code == 403
    delete = reverse("admin:plans_organization_delete", args=[a.organization.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert not Organization.objects.filter(slug="xyz").exists()
    assert Organization.objects.filter(pk=a.organization.pk).exists()


def test_a_host_cannot_raise_anyone_to_superuser_or_touch_a_superuser(client, host, superuser):
    person = User.objects.create_user("clerk", password="pass-clerk-1234")
    client.force_login(host)
    people = client.get("/admin/auth/user/").content.decode()
    assert "clerk" in people and superuser.username not in people
    assert client.get(f"/admin/auth/user/{superuser.pk}/change/").status_code in (302, 404)
    page = client.get(f"/admin/auth/user/{person.pk}/change/")
    assert page.status_code == 200 and 'name="is_superuser"' not in page.content.decode()
    form = {"username": "clerk", "is_superuser": "on", "is_staff": "on", "is_active": "on",
            "date_joined_0": "01/12/2569", "date_joined_1": "10:00:00", "groups": [str(g.pk) for g in Group.objects.all()]}
    client.post(f"/admin/auth/user/{person.pk}/change/", form)
    client.post(f"/admin/auth/user/{host.pk}/change/", {**form, "username": host.username})
    person.refresh_from_db()
    host.refresh_from_db()
    assert not person.is_superuser and not person.groups.exists()
    assert not host.is_superuser and list(host.groups.values_list("name", flat=True)) == [HOSTS]
