"""Fixtures shared by every test directory: the roles' users and a plan edition."""

import pytest
from django.contrib.auth.models import Group, User

from plans.models import Edition, Organization
from plans.roles import COMMITTEE, EDITORS


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # For speed: the default hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _member(username: str, role: str) -> User:
    user = User.objects.create_user(username, password="pass-" + username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db) -> User:
    """A member of the IT working group (edits plan content, publishes)."""
    return _member("editor", EDITORS)


@pytest.fixture
def committee_member(db) -> User:
    """A member of the monitoring committee (reads the plan, cannot change it)."""
    return _member("committee", COMMITTEE)


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", password="pass-root")


@pytest.fixture
def organization(db) -> Organization:
    return Organization.objects.create(name="องค์การบริหารส่วนตำบลท้ายเหมือง", short_name="อบต.ท้ายเหมือง")


@pytest.fixture
def edition(organization) -> Edition:
    """A draft edition for 2563-2565."""
    return Edition.objects.create(
        organization=organization,
        title="แผนแม่บทเทคโนโลยีสารสนเทศ",
        start_year=2563,
        end_year=2565,
    )
