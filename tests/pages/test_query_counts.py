"""The number of SQL queries per page must not grow with the plan."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import build_plan

PAGES = [
    "/taimueang/plans/{p}/",
    "/taimueang/plans/{p}/document/",
    "/taimueang/plans/{p}/chapters/2/",
    "/taimueang/plans/{p}/chapters/5/",
    "/taimueang/plans/{p}/strategies/",
    "/taimueang/plans/{p}/strategies/it/",
    "/taimueang/plans/{p}/strategies/local/",
    "/taimueang/plans/{p}/projects/",
    "/taimueang/plans/{p}/projects/?sort=-total&fiscal_year={y}",
    "/taimueang/plans/{p}/projects/1/",
    "/taimueang/plans/{p}/projects/summary/",
    "/taimueang/plans/{p}/search/?q=ตัวอย่าง",
    "/taimueang/plans/{p}/data/projects.json",
    "/taimueang/plans/{p}/data/budgets.csv",
    "/taimueang/plans/{p}/data/indicators.xlsx",
]


def _counts(client, edition) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        url = page.format(p=edition.slug, y=edition.start_year)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[page] = len(queries)
    return counts


def test_query_counts_stay_the_same_with_ten_times_the_strategies_and_projects(client, db):
    small = build_plan(scale=1)
    large = build_plan(organization=small.organization, start_year=2566, end_year=2568, scale=10)
    assert large.projects.count() == 10 * small.projects.count()
    assert _counts(client, large) == _counts(client, small)


def test_home_and_sitemap_query_counts_do_not_grow(client, db):
    small = build_plan(scale=1)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    before = (count("/taimueang/"), count("/sitemap.xml"), count("/taimueang/plans/"))
    build_plan(organization=small.organization, start_year=2566, end_year=2568, scale=10)
    assert (count("/taimueang/"), count("/sitemap.xml"), count("/taimueang/plans/")) == before


# The front page's figures (portal.selectors.edition_overview) and its completeness panel
# (editions.completeness: the projects' counts and the IT strategies' each one conditional
# aggregate): 29 queries before those were merged, and up to 7 more on a plan without sample content.
FRONT_PAGE_QUERIES = 21


def test_the_front_page_reads_the_same_few_queries_whatever_the_plan_holds(client, db):
    from editions.consistency import SAMPLE_MODELS

    edition = build_plan(scale=1)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    pages = ["/taimueang/", f"/taimueang/plans/{edition.slug}/"]
    assert [count(url) for url in pages] == [FRONT_PAGE_QUERIES] * 2
    for model, path in SAMPLE_MODELS:  # a plan of the organization's own text only
        model.objects.filter(**{path: edition}).update(is_sample=False)
    assert "ข้อมูลตัวอย่าง" not in client.get(pages[0]).content.decode()
    assert [count(url) for url in pages] == [FRONT_PAGE_QUERIES] * 2
