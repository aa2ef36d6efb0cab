"""Drafts, unpublished rounds and unpublished annual reports are previewed on the public pages by
their own organization's staff only; staff of another organization see what residents see."""

import pytest
from django.test import Client

from plans.models import Edition, Organization
from tests.factories import build_plan, make_round
from tests.organizations import member


@pytest.fixture
def other_staff(db):
    """A member of another organization's working group and committee, signed in."""
    theirs = Organization.objects.create(slug="bangkruai", name="เทศบาลเมืองบางกรวย")
    user = member("bangkruai-editor", "editor", theirs)
    member_committee = member("bangkruai-committee", "committee", theirs)
    clients = []
    for person in (user, member_committee):
        client = Client(HTTP_HOST="localhost")
        client.force_login(person)
        clients.append(client)
    return clients


def _client_of(user_name: str, role: str) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(member(user_name, role))
    return client


def test_a_draft_is_previewed_by_its_own_staff_and_by_no_other(db, other_staff):
    build_plan()
    draft = build_plan(start_year=2566, end_year=2570, status=Edition.Status.DRAFT)
    address = f"/taimueang/plans/{draft.permanent_slug}/"
    assert _client_of("tm-editor", "editor").get(address).status_code == 200
    for client in other_staff:
        assert client.get(address).status_code == 404
        assert draft.permanent_slug not in client.get("/taimueang/plans/").content.decode()
    assert draft.permanent_slug in _client_of("tm-committee", "committee").get("/taimueang/plans/").content.decode()


def test_a_withdrawn_plan_shows_another_organization_s_staff_the_public_notice(db, other_staff):
    edition = build_plan()
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.WITHDRAWN)
    address = f"/taimueang/plans/{edition.permanent_slug}/"
    assert other_staff[0].get(address).status_code == 410
    assert _client_of("tm-editor", "editor").get(address).status_code == 200


def test_unpublished_monitoring_is_previewed_and_exported_only_in_its_own_organization(db, other_staff):
    edition = build_plan()
    round_ = make_round(edition, year=2564, published=None)
    assert not round_.is_published
    round_address = f"/taimueang/plans/2563-2565/monitoring/rounds/{round_.pk}/"
    report_address = "/taimueang/plans/2563-2565/reports/2564/pdf/"
    own = _client_of("tm-committee", "committee")
    assert own.get(round_address).status_code == 200
    assert own.get(report_address).status_code != 404
    for client in other_staff:
        assert client.get(round_address).status_code == 404
        assert client.get(report_address).status_code == 404
