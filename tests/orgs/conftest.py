"""Two organizations with a row of every kind each (tests/orgs/organizations.py)."""

import pytest

from tests.orgs.organizations import two_organizations


@pytest.fixture
def orgs(db):
    """(A, B): Tai Mueang and Ban Na Lab, each with its editor, its committee and its rows."""
    return two_organizations()


@pytest.fixture
def a(orgs):
    return orgs[0]


@pytest.fixture
def b(orgs):
    return orgs[1]
