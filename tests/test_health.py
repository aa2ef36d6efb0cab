"""/healthz: what the proxy and the monitoring poll."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from thaimuang_plan import health


class BrokenConnection:
    def cursor(self):
        raise OperationalError('connection to server at "db.internal" failed: password authentication failed')


def test_healthz_lives_at_a_fixed_address():
    assert reverse("healthz") == "/healthz"


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_healthz_is_never_cached(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    monkeypatch.setattr(health, "connection", BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable (OperationalError)"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]


def test_healthz_does_not_show_the_database_error_message(client, monkeypatch):
    monkeypatch.setattr(health, "connection", BrokenConnection())
    response = client.get("/healthz")
    assert b"db.internal" not in response.content
    assert b"password" not in response.content
