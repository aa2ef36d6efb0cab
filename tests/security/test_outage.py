"""Outages that answer: a hung or absent database gives a Thai 503 quickly, and /healthz says so.

The app runs in a child process with production settings and DATABASE_URL pointing
at a local port that accepts connections and never answers (a hung PostgreSQL), so
the real settings, middleware and error handler are what is tested.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONNECT_TIMEOUT = 2  # libpq's smallest connect timeout

CHILD = r"""
import json, os, time
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings

# collectstatic has not run here; the pages only need {% static %} to resolve.
plain = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
results = {}
with override_settings(STORAGES=plain):
    client = Client(raise_request_exception=False)
    for name, kwargs in [
        ("healthz_http", {"path": "/healthz", "HTTP_HOST": "10.0.0.5:8000"}),
        ("home", {"path": "/", "HTTP_HOST": "plan.example.go.th", "secure": True}),
        ("plan", {"path": "/taimueang/plans/2563-2565/projects/", "HTTP_HOST": "plan.example.go.th", "secure": True}),
        ("with_session", {"path": "/taimueang/plans/", "HTTP_HOST": "plan.example.go.th", "secure": True,
                          "HTTP_COOKIE": "sessionid=abcdefghijklmnopqrstuvwxyz012345"}),
    ]:
        path = kwargs.pop("path")
        started = time.monotonic()
        response = client.get(path, **kwargs)
        results[name] = {
            "status": response.status_code,
            "seconds": time.monotonic() - started,
            "retry_after": response.get("Retry-After"),
            "location": response.get("Location"),
            "text": response.content.decode("utf-8", "replace"),
        }
print("RESULT" + json.dumps(results))
"""


def _run_app(port: int) -> dict:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "test-only-" + "k" * 60,
        "ALLOWED_HOSTS": "plan.example.go.th",
        "DATABASE_URL": f"postgres://portal@127.0.0.1:{port}/portal",
        "DB_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "DB_CONN_MAX_AGE": "0",
        "DJANGO_SETTINGS_MODULE": "thaimuang_plan.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT")), None)
    assert line, done.stderr[-3000:]
    return json.loads(line[len("RESULT") :])


@pytest.fixture(scope="module")
def outage():
    # The kernel completes the TCP handshake for a listening socket; nobody ever reads or answers.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    try:
        yield _run_app(listener.getsockname()[1])
    finally:
        listener.close()


def test_healthz_answers_503_over_plain_http_within_the_connect_timeout(outage):
    health = outage["healthz_http"]
    # Not 301 to https, not 400 for an unknown host: the checker on the app port sees the outage.
    assert health["status"] == 503
    assert health["seconds"] < CONNECT_TIMEOUT * 2 + 1
    assert "database unavailable" in health["text"]


@pytest.mark.parametrize("page", ["home", "plan", "with_session"])
def test_pages_answer_a_thai_503_with_retry_after(outage, page):
    result = outage[page]
    assert result["status"] == 503
    assert int(result["retry_after"]) > 0
    assert "ระบบไม่พร้อมให้บริการชั่วคราว" in result["text"]
    assert result["seconds"] < CONNECT_TIMEOUT * 2 + 1


def test_postgres_connections_get_connect_and_statement_timeouts():
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": "postgres://portal@127.0.0.1:5/portal"}
    code = "from django.conf import settings; import json; print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "thaimuang_plan.settings"}, capture_output=True, text=True,
        check=True,
    )
    options = json.loads(done.stdout)
    assert options["connect_timeout"] == 5
    assert "statement_timeout=20000" in options["options"]
