"""Guessing passwords: after five failures the admin login is locked."""

import pytest
from django.urls import reverse


@pytest.fixture(autouse=True)
def _fresh_axes_state(db):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def test_the_sixth_bad_login_is_locked_out_with_a_thai_page(client, editor):
    url = reverse("admin:login")
    for _ in range(4):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the login form again, with its error
    # The fifth failure reaches the limit; from then on even the right password is refused.
    assert client.post(url, {"username": "editor", "password": "wrong"}).status_code == 429
    response = client.post(url, {"username": "editor", "password": "pass-editor"})
    assert response.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in response.text
    assert "_auth_user_id" not in client.session


def test_a_good_login_before_the_limit_works(client, editor):
    url = reverse("admin:login")
    for _ in range(4):
        client.post(url, {"username": "editor", "password": "wrong"})
    response = client.post(url, {"username": "editor", "password": "pass-editor"})
    assert response.status_code == 302
