"""Shared data for the public page tests: the Tai Mueang plan, published, and a draft."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from plans.models import Edition
from tests.factories import build_plan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "tai_mueang_2563-2565.txt"
PERIOD = "2563-2565"


@pytest.fixture
def client():
    # Public pages are reached by name, as a browser would; "testserver" is not an allowed host.
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def plan(db) -> Edition:
    """The published 2563-2565 plan built by the page factory (chapters ๑-๒ text from the source)."""
    return build_plan()


@pytest.fixture
def imported_plan(organization) -> Edition:
    """The plan as the importer reads it from the source document; a broken importer fails these tests.

    The organization exists first (at /taimueang/), as it does once a host has created it."""
    call_command("import_plan", str(FIXTURE), verbosity=0)
    edition = Edition.objects.get(start_year=2563, end_year=2565)
    if edition.status != Edition.Status.PUBLISHED:
        edition.status = Edition.Status.PUBLISHED
        edition.save(update_fields=["status"])
    return edition


@pytest.fixture
def draft(db) -> Edition:
    return build_plan(start_year=2566, end_year=2568, status=Edition.Status.DRAFT)


@pytest.fixture
def staff_client(db):
    """Signed in as a member of Tai Mueang's working group: sees its drafts on the public pages."""
    from tests.organizations import member

    user = member("staff", "editor")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client
