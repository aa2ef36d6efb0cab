"""Login records are kept for a limited time, and the privacy notice says how long."""

import io
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone


def _records(age_days: int):
    when = timezone.now() - timedelta(days=age_days)
    common = {"username": f"u{age_days}", "ip_address": "203.0.113.9", "user_agent": "x"}
    for model, extra in [(AccessLog, {}), (AccessFailureLog, {}), (AccessAttempt, {"failures_since_start": 1})]:
        row = model.objects.create(**common, **extra)
        # attempt_time is set on creation (auto_now_add); age it afterwards.
        model.objects.filter(pk=row.pk).update(attempt_time=when)


def test_records_older_than_the_retention_are_deleted_and_newer_ones_kept(db, settings):
    settings.LOGIN_RECORD_RETENTION_DAYS = 90
    _records(91)
    _records(89)
    expired = SessionStore()
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=timezone.now() - timedelta(days=1))
    live = SessionStore()
    live.create()

    out = io.StringIO()
    call_command("purge_old_records", stdout=out)
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        assert list(model.objects.values_list("username", flat=True)) == ["u89"]
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert "login failures: 1 deleted" in out.getvalue()


def test_days_can_be_given_on_the_command_line(db):
    _records(10)
    call_command("purge_old_records", "--days", "7", stdout=io.StringIO())
    assert not AccessLog.objects.exists()


def test_the_privacy_notice_gives_the_retention_in_thai_digits(client, plan, settings):
    settings.LOGIN_RECORD_RETENTION_DAYS = 45
    response = client.get("/taimueang/privacy/")
    assert "เก็บไว้ ๔๕ วัน" in response.text
    assert "หมายเลขไอพี" in response.text
