"""The second factor for staff: an authenticator app (TOTP) plus single-use recovery codes.

Built on django-otp. A device is confirmed only after the editor has typed a code
from it, so a half-finished setup never counts as a second factor.
"""

from __future__ import annotations

import math
from base64 import b32encode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thaimuang_plan.lib.thai import to_arabic_digits

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "แอปยืนยันตัวตน"
RECOVERY_DEVICE_NAME = "รหัสกู้คืน"


def pending_app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def has_app_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def start_app_setup(*, user) -> TOTPDevice:
    """A new secret for the editor's app; replaces any setup left unfinished."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code in a data: URI (the CSP allows data: images)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for apps set up by typing instead of scanning."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_app_setup(*, device: TOTPDevice, token: str) -> bool:
    """True and the device confirmed when ``token`` is the app's current code."""
    if not device.verify_token(_digits_only(token)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # One app per editor: an earlier app (a lost phone) stops working now.
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    return True


@transaction.atomic
def new_recovery_codes(*, user) -> list[str]:
    """Ten fresh single-use codes; any earlier codes stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirmed_devices(user) -> list:
    return list(devices_for_user(user))


def wait_seconds(devices) -> int:
    """Seconds until every device will check a code again (0: now). Wrong codes make it wait."""
    now = timezone.now()
    waits = [0]
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(math.ceil((data["locked_until"] - now).total_seconds()))
    # Only when every device waits: a recovery code is not slowed by the app's throttling.
    return min(waits[1:]) if len(waits) == len(devices) + 1 and devices else 0


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def verify(*, user, token: str):
    """The confirmed device (app or recovery code) that accepts ``token``, else None.

    Each device throttles its own failures (django-otp), so guessing gets slower.
    """
    token = token.strip()
    for device in devices_for_user(user, for_verify=True):
        candidate = _digits_only(token) if isinstance(device, TOTPDevice) else token.lower().replace(" ", "")
        if candidate and device.verify_token(candidate):
            return device
    return None


def _digits_only(token: str) -> str:
    # Thai digits are accepted too: some phone keyboards type them.
    return "".join(ch for ch in to_arabic_digits(token) if ch.isdigit())
