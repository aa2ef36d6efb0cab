"""The two commands set everything up: missing Debian packages, and a way to sign in."""

import importlib.util
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[1]


def _check_system():
    spec = importlib.util.spec_from_file_location("check_system", ROOT / "scripts" / "check_system.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_pdf_libraries_are_installed_when_apt_get_may_run(monkeypatch, capsys):
    check = _check_system()
    missing = iter([["harfbuzz-subset", "Laksaman font"], []])
    monkeypatch.setattr(check, "missing_pdf_requirements", lambda: next(missing))
    monkeypatch.setattr(check, "installer", lambda: [])
    commands = []
    monkeypatch.setattr(
        check.subprocess, "run", lambda args, **kw: commands.append(args) or type("R", (), {"returncode": 0})()
    )
    assert check.main([]) == 0
    assert ["apt-get", "install", "-y", "-q", *check.DEBIAN_PACKAGES.split()] in commands


def test_without_root_or_sudo_it_prints_the_one_line_to_run(monkeypatch, capsys):
    check = _check_system()
    monkeypatch.setattr(check, "missing_pdf_requirements", lambda: ["pango-1.0"])
    monkeypatch.setattr(check, "installer", lambda: None)
    assert check.main([]) == 1
    assert f"sudo apt-get install -y {check.DEBIAN_PACKAGES}" in capsys.readouterr().err


@pytest.mark.django_db
def test_development_gets_a_local_administrator_once_with_its_password_printed(settings, tmp_path, capsys):
    settings.DEBUG = True  # the test runner turns it off; `make run` has DEBUG=1
    settings.BASE_DIR = tmp_path
    call_command("dev_admin")
    first = capsys.readouterr().out
    password = first.split("รหัสผ่าน ")[1].split()[0]
    user = User.objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    call_command("dev_admin")  # the next `make run`: the same account, printed again
    assert f"รหัสผ่าน {password}" in capsys.readouterr().out
    assert User.objects.filter(username="admin").count() == 1
    assert (tmp_path / "var" / "dev-admin-password").stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_production_never_gets_a_printed_password(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("dev_admin")
    assert not User.objects.filter(username="admin").exists()
