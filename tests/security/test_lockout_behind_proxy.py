"""Sign-in throttling behind the proxy: strangers cannot lock the owner out, sprayers are stopped.

Every request comes from the proxy (REMOTE_ADDR 10.0.0.1), which appends the address
it saw to X-Forwarded-For, as nginx's $proxy_add_x_forwarded_for does.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

PROXY = "10.0.0.1"
OWNER = "198.51.100.7"
STRANGER = "203.0.113.9"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 5
    settings.ADDRESS_FAILURE_LIMIT = 20


def _login(address, username, password, *, client_header=None):
    """A sign-in through the proxy; ``client_header`` is an X-Forwarded-For the client sent itself."""
    forwarded = f"{client_header}, {address}" if client_header else address
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_the_real_address_is_recorded_not_the_proxy(editor):
    _login(STRANGER, "editor", "wrong")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [STRANGER]


def test_a_stranger_locks_only_himself_out_and_the_owner_signs_in_from_elsewhere(editor):
    for _ in range(5):
        _login(STRANGER, "editor", "wrong")
    assert _login(STRANGER, "editor", "pass-editor").status_code == 429
    assert _login(OWNER, "editor", "pass-editor").status_code == 302


def test_a_forged_x_forwarded_for_does_not_move_the_stranger_to_the_owners_address(editor):
    for n in range(5):
        _login(STRANGER, "editor", "wrong", client_header=f"{OWNER}, 192.0.2.{n}")
    assert _login(STRANGER, "editor", "pass-editor", client_header=OWNER).status_code == 429
    assert _login(OWNER, "editor", "pass-editor").status_code == 302


def test_spraying_many_usernames_from_one_address_locks_that_address(editor):
    for n in range(6):
        User.objects.create_user(f"user{n}", password=f"pass-user{n}", is_staff=True)
    statuses = [_login(STRANGER, f"user{n}", "wrong").status_code for n in range(6) for _ in range(4)]
    # 24 failures, never five for one username: the 20th locks the address.
    assert statuses[:19] == [200] * 19
    assert set(statuses[19:]) == {429}
    assert _login(STRANGER, "editor", "pass-editor").status_code == 429
    assert _login(OWNER, "editor", "pass-editor").status_code == 302


def test_the_lockout_page_says_in_thai_when_to_try_again(editor, settings):
    settings.PORTAL_DIGITS = "arabic"
    for _ in range(5):
        response = _login(STRANGER, "editor", "wrong")
    assert response.status_code == 429
    attempt = AccessAttempt.objects.get()
    until = timezone.localtime(attempt.attempt_time + timedelta(hours=1))
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in response.text
    assert f"ลองใหม่ได้หลังเวลา <strong>{until:%H:%M} น." in response.text
    assert 3500 <= int(response["Retry-After"]) <= 3600


def test_more_guesses_during_a_lockout_do_not_extend_it(editor):
    for _ in range(5):
        _login(STRANGER, "editor", "wrong")
    locked_at = AccessAttempt.objects.get().attempt_time
    for _ in range(3):
        assert _login(STRANGER, "editor", "wrong").status_code == 429
    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_the_lockout_ends_after_the_cool_off(editor):
    for _ in range(5):
        _login(STRANGER, "editor", "wrong")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61))
    assert _login(STRANGER, "editor", "pass-editor").status_code == 302


def test_without_a_proxy_the_header_is_not_believed(editor, settings):
    settings.PROXY_COUNT = 0
    client = Client(REMOTE_ADDR=STRANGER, HTTP_X_FORWARDED_FOR=OWNER)
    client.post(reverse("admin:login"), {"username": "editor", "password": "wrong"})
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [STRANGER]
