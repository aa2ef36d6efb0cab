"""python manage.py add_member USERNAME ORG_SLUG ROLE provisions a member from the command line."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from plans.management.commands.add_member import UNKNOWN_ORGANIZATION, UNKNOWN_ROLE
from plans.models import Membership
from plans.roles import COMMITTEE, EDITORS
from strategies.models import Strategy


def _run(*args, **options) -> str:
    out = StringIO()
    call_command("add_member", *args, stdout=out, **options)
    return out.getvalue()


def test_it_creates_a_staff_member_and_prints_the_generated_password_once(orgs):
    a, b = orgs
    output = _run("somchai", "taimueang", "editor")

    password = re.search(r"รหัสผ่าน \(แสดงครั้งเดียว[^:]*\): (\S+)", output).group(1)
    user = User.objects.get(username="somchai")
    assert user.is_staff and user.check_password(password)
    assert Membership.objects.filter(user=user, organization=a.organization, role="editor").exists()
    assert set(user.groups.values_list("name", flat=True)) == {EDITORS}
    # They sign in and find their organization's plan, and not the other's.
    client = Client()
    client.force_login(user)
    shown = set(client.get(reverse("admin:strategies_strategy_changelist")).context["cl"].queryset)
    assert shown == {a.row(Strategy)}


def test_running_it_again_changes_nothing_and_prints_no_password(orgs):
    _run("somchai", "taimueang", "editor")
    before = User.objects.get(username="somchai").password
    output = _run("somchai", "taimueang", "editor")
    assert "รหัสผ่าน" not in output and "อยู่แล้ว" in output
    assert User.objects.get(username="somchai").password == before
    assert Membership.objects.filter(user__username="somchai").count() == 1


def test_an_existing_user_gets_another_role_elsewhere_and_becomes_staff(orgs):
    a, b = orgs
    User.objects.create_user("somsri", password="x", is_staff=False)
    _run("somsri", "taimueang", "editor")
    _run("somsri", b.organization.slug, "committee")
    user = User.objects.get(username="somsri")
    assert user.is_staff and user.check_password("x")
    assert set(user.memberships.values_list("organization__slug", "role")) == {
        ("taimueang", "editor"), (b.organization.slug, "committee")
    }
    assert set(user.groups.values_list("name", flat=True)) == {EDITORS, COMMITTEE}


def test_the_password_can_come_from_the_environment(orgs, monkeypatch):
    monkeypatch.setenv("MEMBER_PASSWORD", "ท้ายเหมือง-2567-plan")
    output = _run("somchai", "taimueang", "committee", password_from_env="MEMBER_PASSWORD")
    assert "ท้ายเหมือง-2567-plan" not in output and "MEMBER_PASSWORD" in output
    assert User.objects.get(username="somchai").check_password("ท้ายเหมือง-2567-plan")


def test_a_missing_or_weak_password_in_the_environment_is_refused_in_thai(orgs, monkeypatch):
    with pytest.raises(CommandError, match="ไม่พบรหัสผ่านในตัวแปรสภาพแวดล้อม NOPE"):
        _run("somchai", "taimueang", "editor", password_from_env="NOPE")
    monkeypatch.setenv("WEAK", "123")
    with pytest.raises(CommandError, match="รหัสผ่านใน WEAK ใช้ไม่ได้"):
        _run("somchai", "taimueang", "editor", password_from_env="WEAK")
    assert not User.objects.filter(username="somchai").exists()


def test_an_unknown_organization_or_role_is_refused_in_thai_and_creates_nobody(orgs):
    a, b = orgs
    with pytest.raises(CommandError) as unknown:
        _run("somchai", "nowhere", "editor")
    assert str(unknown.value) == UNKNOWN_ORGANIZATION.format(slug="nowhere", known=f"{b.organization.slug}, taimueang")
    with pytest.raises(CommandError) as role:
        _run("somchai", "taimueang", "admin")
    assert str(role.value) == UNKNOWN_ROLE.format(role="admin")
    assert not User.objects.filter(username="somchai").exists()
