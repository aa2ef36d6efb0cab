"""Admin sign-in throttling on top of django-axes.

Two limits, both counted over the cool-off window (AXES_COOLOFF_TIME):

* AXES_FAILURE_LIMIT failures for one username *from one address* lock that pair only,
  so a stranger guessing the owner's password locks himself out, not the owner
  signing in from elsewhere;
* ADDRESS_FAILURE_LIMIT failures from one address across any usernames lock that
  address, so spraying a few guesses at many accounts is stopped too.

Failures during a lockout do not restart the cool-off (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from thaimuang_plan.lib.formatting import date, digits


class LoginAttemptHandler(AxesDatabaseHandler):
    """AXES_LOCKOUT_PARAMETERS is [[username, ip_address], ip_address]; each gets its own limit."""

    def get_failures(self, request, credentials=None) -> int:
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Axes compares one number with AXES_FAILURE_LIMIT; an address over its own
        # (higher) limit counts as reaching it.
        if address >= settings.ADDRESS_FAILURE_LIMIT:
            return max(pair, settings.AXES_FAILURE_LIMIT)
        return pair


def unlock_time(request, credentials=None):
    """When the newest failure that counts leaves the cool-off window (an upper bound)."""
    attempts = LoginAttemptHandler().get_user_attempts(request, credentials)
    times = [t for t in (q.aggregate(newest=Max("attempt_time"))["newest"] for q in attempts) if t]
    return max(times, default=timezone.now()) + get_cool_off(request)


def lockout_response(request, original_response=None, credentials=None):
    """The Thai page axes shows instead of the login form (AXES_LOCKOUT_CALLABLE), status 429."""
    until = timezone.localtime(unlock_time(request, credentials))
    response = render(
        request,
        "admin/lockout.html",
        {
            **admin.site.each_context(request),
            "until_date": date(until.date()),
            "until_time": digits(until.strftime("%H:%M")),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    seconds = max(0, int((until - timezone.now()).total_seconds()))
    response["Retry-After"] = str(seconds)
    return response
