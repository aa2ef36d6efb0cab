"""How long the portal keeps records about people (see the privacy notice, /privacy/).

Login records (django-axes: username, address, browser, time) are kept for
LOGIN_RECORD_RETENTION_DAYS; expired sessions are removed. The app writes its
logs to standard output only; their retention is the service manager's (README,
Operations).
"""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone


def purge_old_records(*, days: int | None = None, now=None) -> dict[str, int]:
    """Delete login records older than ``days`` and expired sessions; returns what was deleted, by kind."""
    days = settings.LOGIN_RECORD_RETENTION_DAYS if days is None else days
    now = now or timezone.now()
    cutoff = now - timedelta(days=days)
    deleted = {
        "login successes": AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0],
        "login failures": AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0],
        "lockout counters": AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0],
        "expired sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
    }
    return deleted
