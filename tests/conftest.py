"""Fixtures shared by every test directory: the roles' users and a plan edition."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import override_settings

from plans.models import Edition, Organization
from tests.factories import PLAN_TITLE, tai_mueang
from tests.organizations import member


@pytest.fixture(scope="session", autouse=True)
def _pdf_storage(tmp_path_factory):
    """Rendered PDFs go to a directory of this test run, never the project's var/pdfs."""
    location = tmp_path_factory.mktemp("pdfs")
    pdfs = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(location)}}
    with override_settings(STORAGES={**settings.STORAGES, "pdfs": pdfs}):
        yield location


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # For speed: the default hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db) -> User:
    """A member of Tai Mueang's IT working group (edits plan content, publishes)."""
    return member("editor", "editor")


@pytest.fixture
def committee_member(db) -> User:
    """A member of Tai Mueang's monitoring committee (reads the plan, cannot change it)."""
    return member("committee", "committee")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", password="pass-root")


@pytest.fixture
def organization(db) -> Organization:
    """Tai Mueang (/taimueang/), the organization the editor and the committee belong to."""
    return tai_mueang()


@pytest.fixture
def edition(organization) -> Edition:
    """A draft edition for 2563-2565."""
    return Edition.objects.create(
        organization=organization,
        title=PLAN_TITLE,
        start_year=2563,
        end_year=2565,
    )
