"""Staff sessions end after half an hour idle and a few hours in all; staff pages are never cached."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from operations.middleware import SIGNED_IN_AT
from tests.security.conftest import PERIOD


def _signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    return client


def test_idle_for_longer_than_the_timeout_signs_out(editor):
    client = _signed_in(editor)
    # What 31 idle minutes leave behind: the session's expiry has passed.
    Session.objects.update(expire_date=timezone.now() - timedelta(minutes=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_each_request_moves_the_idle_expiry_forward(editor, settings):
    client = _signed_in(editor)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get("/admin/").status_code == 200
    expiry = Session.objects.get().expire_date
    assert expiry > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_the_absolute_lifetime_ends_even_an_active_session(editor, settings):
    client = _signed_in(editor)
    session = client.session
    session[SIGNED_IN_AT] -= settings.SESSION_MAX_AGE + 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_defaults_are_thirty_minutes_idle_and_eight_hours_in_all():
    from django.conf import settings

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_MAX_AGE == 8 * 60 * 60


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/plans/edition/"])
def test_the_admin_is_private_and_never_stored(client, editor, path):
    response = _signed_in(editor).get(path)
    assert response["Cache-Control"] == "private, no-store"
    anonymous = client.get("/admin/login/")
    assert "no-store" in anonymous["Cache-Control"] and "private" in anonymous["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    ["/taimueang/plans/2566-2568/", "/taimueang/plans/2566-2568/projects/", "/taimueang/plans/2566-2568/data/projects.csv", "/taimueang/plans/2566-2568/data/budgets.xlsx"],
)
def test_draft_previews_and_exports_to_staff_are_private_and_never_stored(editor, draft, path):
    response = _signed_in(editor).get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_public_pages_for_residents_stay_cacheable(client, plan):
    response = client.get(f"/taimueang/plans/{PERIOD}/")
    assert "no-store" not in response.get("Cache-Control", "")
    assert "sessionid" not in response.cookies
