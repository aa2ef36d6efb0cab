"""Pages of the second factor, and the server-error handler that knows about outages."""

from __future__ import annotations

import sys

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from operations import outage
from operations import second_factor as sf
from thaimuang_plan.lib.formatting import digits

WRONG_CODE = "รหัสไม่ถูกต้องหรือหมดอายุแล้ว กรุณาพิมพ์รหัส ๖ หลักที่แอปแสดงอยู่ขณะนี้"
WRONG_VERIFY_CODE = "รหัสไม่ถูกต้อง กรุณาพิมพ์รหัส ๖ หลักจากแอป หรือรหัสกู้คืนที่ยังไม่เคยใช้"
# Each wrong code doubles the wait before the next one is checked (django-otp's throttling).
TOO_FAST = "กรอกรหัสผิดมาแล้ว ระบบจึงให้รอก่อนตรวจรหัสถัดไป กรุณารอ {seconds} วินาทีแล้วลองใหม่"
TITLE = "ยืนยันตัวตนสองขั้นตอน"
CODES_TITLE = "รหัสกู้คืน"
SETUP_DONE = "ตั้งค่าการยืนยันตัวตนสองขั้นตอนเรียบร้อยแล้ว"


def server_error(request):
    """handler500: a Thai 503 with Retry-After when the database is unreachable, else the 500 page."""
    if outage.is_database_unavailable(sys.exc_info()[1]):
        return outage.unavailable_response()
    return defaults.server_error(request)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def _context(request, **extra):
    # The admin's own header, title and links, as on every admin page.
    return {**admin.site.each_context(request), "title": TITLE, "next": _next_url(request), **extra}


@staff_member_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up the authenticator app (QR code), then show the recovery codes once."""
    user = request.user
    if sf.has_app_device(user) and not user.is_verified():
        # Replacing the app must itself need the second factor, or a stolen password would do.
        return redirect(f"{reverse('operations:second_factor_verify')}?next={request.path}")
    action = request.POST.get("action")
    if action == "start":
        sf.start_app_setup(user=user)
        return redirect("operations:second_factor_setup")
    if action == "codes" and user.is_verified():
        codes = sf.new_recovery_codes(user=user)
        return render(request, "operations/recovery_codes.html", _context(request, title=CODES_TITLE, codes=codes))

    device = sf.pending_app_device(user)
    error = None
    if action == "confirm" and device is not None:
        wait = sf.wait_seconds([device])
        if wait:
            error = TOO_FAST.format(seconds=digits(wait))
        elif sf.confirm_app_setup(device=device, token=request.POST.get("token", "")):
            otp_login(request, device)
            codes = sf.new_recovery_codes(user=user)
            return render(
                request,
                "operations/recovery_codes.html",
                _context(request, title=CODES_TITLE, codes=codes, message=SETUP_DONE),
            )
        else:
            error = WRONG_CODE
    context = _context(
        request,
        device=device,
        qr=sf.qr_code_data_uri(device) if device else None,
        secret=sf.secret_for_typing(device) if device else None,
        has_app=sf.has_app_device(user),
        codes_left=sf.recovery_codes_left(user),
        error=error,
        token=request.POST.get("token", ""),
    )
    return render(request, "operations/second_factor_setup.html", context, status=200 if error is None else 400)


@staff_member_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from the app or a recovery code."""
    if not sf.has_app_device(request.user) and not sf.recovery_codes_left(request.user):
        return redirect(f"{reverse('operations:second_factor_setup')}?next={_next_url(request)}")
    error = None
    if request.method == "POST":
        wait = sf.wait_seconds(sf.confirmed_devices(request.user))
        device = None if wait else sf.verify(user=request.user, token=request.POST.get("token", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        error = TOO_FAST.format(seconds=digits(wait)) if wait else WRONG_VERIFY_CODE
    return render(
        request,
        "operations/second_factor_verify.html",
        _context(request, error=error),
        status=200 if error is None else 400,
    )
