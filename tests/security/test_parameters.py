"""The parameters the issue's audit used to get a 500 or an oversized page, answered normally now."""

from projects.tables import MAX_PER_PAGE, PER_PAGE
from tests.security.conftest import PERIOD


def test_a_negative_page_size_shows_the_default_page(client, plan):
    response = client.get(f"/taimueang/plans/{PERIOD}/projects/?per_page=-1")
    assert response.status_code == 200
    assert response.context["table"].paginator.per_page == PER_PAGE


def test_a_huge_page_size_is_not_honoured(client, plan):
    response = client.get(f"/taimueang/plans/{PERIOD}/projects/?per_page=100000")
    assert response.status_code == 200
    assert response.context["table"].paginator.per_page <= MAX_PER_PAGE


def test_a_page_size_within_bounds_is_honoured(client, plan):
    response = client.get(f"/taimueang/plans/{PERIOD}/projects/?per_page=2")
    assert response.context["table"].paginator.per_page == 2


def test_a_nul_in_the_search_is_ignored_and_the_rest_is_searched(client, plan):
    response = client.get(f"/taimueang/plans/{PERIOD}/search/", {"q": "โครง\x00การ"})
    assert response.status_code == 200
    assert response.context["query"] == "โครง การ"
    clean = client.get(f"/taimueang/plans/{PERIOD}/search/", {"q": "\x00โครงการ\x00"})
    assert clean.context["query"] == "โครงการ"
    assert clean.context["results"].count > 0
