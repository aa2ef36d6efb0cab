"""Middleware for running the portal: health check, staff sessions, second factor, caching, outages."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import patch_cache_control

from operations import outage
from thaimuang_plan import health

SIGNED_IN_AT = "operations_signed_in_at"


class HealthCheckMiddleware:
    """Answers /healthz before anything else runs.

    First in MIDDLEWARE so that the HTTPS redirect, the host check, sessions and
    sign-in are not in the way: a checker on the app's own port over plain HTTP
    must see 503 when the database is down, not 301 or 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return health.healthz(request)
        return self.get_response(request)


def _admin_prefix() -> str:
    return reverse("admin:index")


def _second_factor_exempt(path: str) -> bool:
    """Pages an editor must reach before the second factor: signing in and out, and setting it up."""
    exempt = [reverse("admin:login"), reverse("admin:logout"), reverse("operations:second_factor_verify"),
              reverse("operations:second_factor_setup")]
    return path in exempt


class StaffSessionMiddleware:
    """Absolute lifetime of a signed-in session, and the second factor.

    After AuthenticationMiddleware and django-otp's OTPMiddleware. Residents have no
    session; this only ever acts on signed-in staff.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self._check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request):
        # The idle timeout is the session's own expiry (SESSION_COOKIE_AGE with
        # SESSION_SAVE_EVERY_REQUEST); the absolute lifetime is counted from sign-in.
        now = int(time.time())
        signed_in_at = request.session.setdefault(SIGNED_IN_AT, now)
        if now - signed_in_at > settings.SESSION_MAX_AGE:
            logout(request)
            if request.path_info.startswith(_admin_prefix()):
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            return None

        if settings.OTP_REQUIRED and not request.user.is_verified():
            if request.path_info.startswith(_admin_prefix()):
                if _second_factor_exempt(request.path_info):
                    return None
                from django_otp import user_has_device

                name = "operations:second_factor_verify" if user_has_device(request.user) else "operations:second_factor_setup"
                return redirect_to_login(request.get_full_path(), reverse(name))
            # Elsewhere (draft previews, staff exports) a password alone is not a staff session.
            request.user = AnonymousUser()
        return None


class StaffNoStoreMiddleware:
    """``Cache-Control: private, no-store`` on the admin and on anything answered to signed-in staff.

    Drafts, previews and exports for staff must not be kept by a shared proxy or
    left in a browser cache on a shared office computer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        staff = user is not None and user.is_authenticated
        if staff or request.path_info.startswith(_admin_prefix()):
            if "Cache-Control" in response:
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        return response


class DatabaseUnavailableMiddleware:
    """A Thai 503 with Retry-After when a view finds the database unreachable.

    Errors raised outside a view (in another middleware) reach handler500, which
    makes the same decision (operations.views.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if outage.is_database_unavailable(exception):
            return outage.unavailable_response()
        return None


