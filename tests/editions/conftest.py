"""A published plan (the page factory's Tai Mueang plan) and a draft revision of it."""

import datetime as dt

import pytest
from django.test import Client

from editions.services import revision_start
from plans.models import Edition
from tests.factories import build_plan

PERIOD = "2563-2565"
APPROVAL = "มติสภา อบต.ท้ายเหมือง สมัยสามัญ สมัยที่ ๒ ครั้งที่ ๑/๒๕๖๔"


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def plan(db) -> Edition:
    return build_plan()


@pytest.fixture
def revision(plan, editor) -> Edition:
    return revision_start(
        edition=plan,
        kind=Edition.RevisionKind.AMENDMENT,
        approval_reference=APPROVAL,
        approved_on=dt.date(2021, 3, 15),
        user=editor,
    )
