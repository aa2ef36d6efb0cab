"""Settings read from the environment: each case starts Django in a fresh process,
because settings.py is evaluated once per process."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from thaimuang_plan.env import env_bool, env_int, env_list, env_str

BASE_DIR = settings.BASE_DIR
SETTINGS_SOURCE = (BASE_DIR / "thaimuang_plan" / "settings.py").read_text()
# Every variable settings.py reads, so that the developer's own shell can't leak into a case.
SETTINGS_VARIABLES = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', SETTINGS_SOURCE))

# What a deployment gives (the same as `make deploy-check`).
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(48),
    "ALLOWED_HOSTS": "plan.example.go.th",
    "CSRF_TRUSTED_ORIGINS": "https://plan.example.go.th",
}

PRINT_DATABASE = (
    "import django; django.setup(); from django.conf import settings; "
    "db = settings.DATABASES['default']; print(db['ENGINE'], db['NAME'], db['HOST'], db['PORT'])"
)


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Only the variables a deployment would set: nothing the test run itself exported.
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in SETTINGS_VARIABLES and not key.startswith("DJANGO_")
    }
    clean["DJANGO_SETTINGS_MODULE"] = "thaimuang_plan.settings"
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_settings_variables_were_found():
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"} <= SETTINGS_VARIABLES


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("-c", "import django; django.setup()", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_python("-c", "import django; django.setup()", DEBUG="0", SECRET_KEY="changeme")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_is_the_default_when_debug_is_not_set():
    result = run_python("-c", "import django; django.setup()")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_bad_debug_value_fails_loudly():
    result = run_python("-c", "import django; django.setup()", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'" in result.stderr


def test_a_bad_portal_digits_value_fails_loudly():
    result = run_python("-c", "import django; django.setup()", DEBUG="1", PORTAL_DIGITS="roman")
    assert result.returncode != 0
    assert "PORTAL_DIGITS must be 'thai' or 'arabic'" in result.stderr


def test_development_needs_no_environment_and_uses_sqlite():
    result = run_python("-c", PRINT_DATABASE, DEBUG="1")
    assert result.returncode == 0, result.stderr
    engine, name, *_ = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(BASE_DIR / "db.sqlite3")


def test_database_url_picks_the_postgres_engine():
    result = run_python(
        "-c", PRINT_DATABASE, DEBUG="1", DATABASE_URL="postgres://plan:pw@db.example.go.th:5433/thaimuang"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "thaimuang", "db.example.go.th", "5433"]


def test_production_allows_no_host_unless_told():
    code = "import django; django.setup(); from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    result = run_python("-c", code, DEBUG="0", SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_deploy_check_passes_with_the_production_environment():
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


# The typed readers themselves


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("yes", True), (" TRUE ", True), ("0", False), ("off", False), ("", False)],
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("PORTAL_TEST_FLAG", raw)
    assert env_bool("PORTAL_TEST_FLAG") is expected


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("PORTAL_TEST_FLAG", raising=False)
    assert env_bool("PORTAL_TEST_FLAG", default=True) is True


def test_env_int_rejects_a_word(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_INT must be a whole number, not 'ten'"):
        env_int("PORTAL_TEST_INT", 5)


def test_env_int_uses_the_default_when_empty(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_INT", " ")
    assert env_int("PORTAL_TEST_INT", 5) == 5


def test_env_str_without_a_default_must_be_set(monkeypatch):
    monkeypatch.delenv("PORTAL_TEST_STR", raising=False)
    with pytest.raises(ImproperlyConfigured, match="Set the environment variable PORTAL_TEST_STR"):
        env_str("PORTAL_TEST_STR")


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_LIST", " a.go.th, ,b.go.th ,")
    assert env_list("PORTAL_TEST_LIST") == ["a.go.th", "b.go.th"]
