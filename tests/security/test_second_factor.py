"""The second factor for staff: set up from a Thai page with a QR code, then asked at every sign-in."""

import os
import re
import subprocess
import sys
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from operations import second_factor
from operations.views import WRONG_CODE, WRONG_VERIFY_CODE

SETUP = "/admin/second-factor/"
VERIFY = "/admin/second-factor/verify/"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.OTP_REQUIRED = True


def _code(device: TOTPDevice, *, later: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + later
    return f"{totp.token():06d}"


def _signed_in(user) -> Client:
    client = Client()
    assert client.post(reverse("admin:login"), {"username": user.username, "password": f"pass-{user.username}"}).status_code == 302
    return client


def _set_up(client) -> tuple[TOTPDevice, list[str]]:
    client.post(SETUP, {"action": "start"})
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SETUP, {"action": "confirm", "token": _code(device)})
    assert response.status_code == 200
    return device, re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text)


def test_the_admin_sends_a_staff_member_without_a_second_factor_to_set_one_up(editor):
    client = _signed_in(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_the_setup_page_is_thai_and_shows_a_qr_code_of_the_secret(editor):
    client = _signed_in(editor)
    assert "เริ่มตั้งค่า" in client.get(SETUP).text
    assert not TOTPDevice.objects.exists()  # nothing is written by looking at the page
    client.post(SETUP, {"action": "start"})
    page = client.get(SETUP).text
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "สแกนคิวอาร์โค้ดด้วยแอป" in page
    assert 'src="data:image/svg+xml' in page
    assert second_factor.secret_for_typing(device) in page


def test_a_wrong_code_keeps_the_setup_open_with_a_thai_message(editor):
    client = _signed_in(editor)
    client.post(SETUP, {"action": "start"})
    response = client.post(SETUP, {"action": "confirm", "token": "000000"})
    assert response.status_code == 400
    assert WRONG_CODE in response.text
    assert 'value="000000"' in response.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_after_setup_the_admin_opens_and_ten_recovery_codes_are_shown_once(editor):
    client = _signed_in(editor)
    _device, codes = _set_up(client)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_the_next_sign_in_asks_for_the_app_code(editor):
    device, _ = _set_up(_signed_in(editor))
    client = _signed_in(editor)
    response = client.get("/admin/")
    assert response["Location"].startswith(VERIFY)
    wrong = client.post(VERIFY, {"token": "123456"})
    assert wrong.status_code == 400 and WRONG_VERIFY_CODE in wrong.text
    device.refresh_from_db()
    device.throttle_reset()  # the wrong code above made the device wait before the next try
    assert client.post(VERIFY, {"token": _code(device, later=30), "next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(editor):
    _device, codes = _set_up(_signed_in(editor))
    first = _signed_in(editor)
    assert first.post(VERIFY, {"token": codes[0].upper(), "next": "/admin/"}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = _signed_in(editor)
    assert second.post(VERIFY, {"token": codes[0]}).status_code == 400
    assert StaticToken.objects.count() == 9


def test_a_password_alone_cannot_replace_the_app(editor):
    _set_up(_signed_in(editor))
    client = _signed_in(editor)
    response = client.post(SETUP, {"action": "start"})
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(confirmed=False).count() == 0


def test_a_password_alone_does_not_show_drafts_on_the_public_pages(editor, draft, settings):
    client = _signed_in(editor)
    assert client.get("/taimueang/plans/2566-2568/", HTTP_HOST="localhost").status_code == 404
    settings.OTP_REQUIRED = False
    assert client.get("/taimueang/plans/2566-2568/", HTTP_HOST="localhost").status_code == 200


def test_without_the_setting_the_admin_needs_no_second_factor(editor, settings):
    settings.OTP_REQUIRED = False
    assert _signed_in(editor).get("/admin/").status_code == 200


def test_production_settings_require_the_second_factor():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 60, "DJANGO_SETTINGS_MODULE": "thaimuang_plan.settings"}
    env.pop("OTP_REQUIRED", None)
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; print(settings.OTP_REQUIRED)"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert done.stdout.strip() == "True"


def test_right_after_a_wrong_code_the_page_says_how_long_to_wait(editor):
    client = _signed_in(editor)
    client.post(SETUP, {"action": "start"})
    client.post(SETUP, {"action": "confirm", "token": "000000"})
    device = TOTPDevice.objects.get()
    response = client.post(SETUP, {"action": "confirm", "token": _code(device)})
    assert response.status_code == 400
    assert "กรุณารอ ๑ วินาทีแล้วลองใหม่" in response.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
