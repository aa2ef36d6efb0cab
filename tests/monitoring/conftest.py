"""A small published plan with projects in fiscal year 2564, for the monitoring tests.

Its figures are ``tests.factories.KNOWN_BUDGETS``:
strategy 1: projects 1 (100,000 baht in 2564) and 2 (300,000);
strategy 2: project 3 (a 2564 line of 0 baht) and project 4 (no 2564 line; 50,000 in 2565);
no strategy: project 5 (50,000 in 2564).
"""

import pytest

from tests.factories import build_known_plan, make_round, record


@pytest.fixture
def plan(edition):
    """The edition, published, with the IT plan's strategies, projects, budgets and indicators."""
    return build_known_plan(edition)


@pytest.fixture(name="make_round")
def make_round_fixture():
    return make_round


@pytest.fixture(name="record")
def record_fixture():
    return record


@pytest.fixture
def round_2564(plan):
    """An unpublished six-month round of 2564 with records for projects 1 and 2."""
    round = make_round(plan["edition"])
    record(round, plan["projects"][1], percent=50, spent=40_000, outputs="ติดตั้งเครือข่ายแล้ว ๓ จุด")
    record(round, plan["projects"][2], percent=10, spent=30_000)
    return round
