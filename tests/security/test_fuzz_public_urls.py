"""No visitor can make the portal answer 5xx: every public address, every parameter, any value.

Hypothesis sends generated paths and query strings (NUL, huge and negative numbers, Thai
digits, unknown sort keys, bytes that are not UTF-8) to every public URL pattern. A new
public URL must be added to ROUTES, or the first test fails.
"""

import string
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.conftest import PERIOD

# Path template per URL name; {…} parts are generated.
ROUTES = {
    "healthz": "/healthz",
    "sitemap": "/sitemap.xml",
    "plans:home": "/{org}/",
    "host:root": "/",
    "host:landing": "/organizations/",
    "host:open_data": "/data/",
    "host:open_data_file": "/data/projects.{fmt}",
    "host:legacy": "/plans/{period}/",
    "sitemap_section": "/sitemap-{section}.xml",
    "plans:editions": "/taimueang/plans/",
    "plans:edition": "/taimueang/plans/{period}/",
    "plans:document": "/taimueang/plans/{period}/document/",
    "plans:chapter": "/taimueang/plans/{period}/chapters/{key}/",
    "plans:chapter_by_position": "/taimueang/plans/{period}/document/{int}/",
    "plans:search": "/taimueang/plans/{period}/search/",
    "plans:privacy": "/taimueang/privacy/",
    "plans:contact": "/taimueang/contact/",
    "projects:list": "/taimueang/plans/{period}/projects/",
    "projects:summary": "/taimueang/plans/{period}/projects/summary/",
    "projects:detail": "/taimueang/plans/{period}/projects/{int}/",
    "projects:downloads": "/taimueang/plans/{period}/data/",
    "projects:export": "/taimueang/plans/{period}/data/{dataset}.{fmt}",
    "strategies:index": "/taimueang/plans/{period}/strategies/",
    "strategies:framework": "/taimueang/plans/{period}/strategies/{slug}/",
    "monitoring:index": "/taimueang/plans/{period}/monitoring/",
    "monitoring:round": "/taimueang/plans/{period}/monitoring/rounds/{int}/",
    "pdf:plan": "/taimueang/plans/{period}/pdf/",
    "editions:compare_previous": "/taimueang/plans/{period}/compare/",
    "editions:compare": "/taimueang/plans/{period}/compare/{other}/",
    "editions:compare_csv": "/taimueang/plans/{period}/compare/{other}/csv/",
    "monitoring:report_pdf": "/taimueang/plans/{period}/reports/{int}/pdf/",
    "insights:alignment": "/taimueang/plans/{period}/alignment/",
    "insights:alignment_csv": "/taimueang/plans/{period}/alignment.csv",
    "insights:summary": "/taimueang/plans/{period}/at-a-glance/",
    "insights:summary_pdf": "/taimueang/plans/{period}/at-a-glance/pdf/",
    "insights:transparency": "/taimueang/transparency/",
    "insights:transparency_index": "/taimueang/transparency/index.{fmt}",
    # Staff pages outside the admin's own URLs; a visitor is sent to sign in.
    "operations:second_factor_setup": "/admin/second-factor/",
    "operations:second_factor_verify": "/admin/second-factor/verify/",
    "editions_admin:revise": "/admin/editions/{int}/revise/",
    "editions_admin:publish": "/admin/editions/{int}/publish/",
    "editions_admin:withdraw": "/admin/editions/{int}/withdraw/",
    "editions_admin:next_plan": "/admin/editions/{int}/next-plan/",
    "audit:history": "/admin/history/",
}
# Names the views read, plus a few they do not.
PARAMETERS = ["page", "per_page", "sort", "q", "strategy", "fiscal_year", "unit", "status", "format", "x"]
NASTY = ["", "-1", "0", "1", "2", "100000", "9" * 30, "๒", "1.5", "1e9", "\x00", "a\x00b", "-total", "total",
         "-name", "budget_2564", "__str__", "' OR 1=1 --", "<script>", "%", "ที่", " " * 200, "null"]

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
value = st.one_of(st.sampled_from(NASTY), text, st.integers().map(str))
parts = {
    "period": st.one_of(st.just(PERIOD), st.just("2566-2568"), st.sampled_from(["2563", "x-y", "2565-2563", "๒๕๖๓-๒๕๖๕"]), text),
    "other": st.one_of(st.just("2566-2568"), st.just(PERIOD), text),
    "key": st.one_of(st.sampled_from(["1", "๑", "chapter-1", "intro"]), text),
    "int": st.one_of(st.integers(min_value=0, max_value=10**20), st.sampled_from([1, 2, 2563, 2564, 2565])),
    "slug": st.one_of(st.sampled_from(["it", "dla", "local", "gov40"]), st.text(alphabet=string.ascii_letters + "-_", min_size=1, max_size=20)),
    "dataset": st.one_of(st.sampled_from(["projects", "budgets", "indicators"]), text),
    "fmt": st.one_of(st.sampled_from(["csv", "xlsx", "json"]), text),
    "section": st.one_of(st.sampled_from(["pages", "editions", "chapters", "strategies", "projects"]), text),
    "org": st.one_of(st.sampled_from(["taimueang", "nobody", "admin", "org-1"]), text),
}
query = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), text), value), max_size=5)
raw_query = st.binary(max_size=60).map(lambda b: quote(b, safe="=&"))


def _public_names(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _public_names(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + entry.name


def _path(template: str, data) -> str:
    fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return template.format(**{name: quote(str(data.draw(parts[name])), safe="") for name in fields})


def test_every_public_url_pattern_is_fuzzed():
    assert set(_public_names()) == set(ROUTES)


@pytest.fixture
def anonymous(pytestconfig):
    # raise_request_exception=False: an exception in a view becomes the 500 a visitor would get.
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    client.pytest_config = pytestconfig
    return client


def _get(client, url):
    response = client.get(url)
    # Counted on the pytest config; conftest.py prints the total at the end of the run.
    config = client.pytest_config
    config.fuzz_requests = getattr(config, "fuzz_requests", 0) + 1
    assert response.status_code < 500, (url, response.status_code)
    return response


# The PDFs read no parameter and cost 0.4 s a request even from the cache;
# the generated requests of the next test still reach them.
GRID_SKIP = {"pdf:plan", "insights:summary_pdf"}


@pytest.mark.parametrize("name", sorted(set(ROUTES) - GRID_SKIP))
def test_every_parameter_with_every_nasty_value(anonymous, plan, name):
    """The grid: each parameter alone with each value, on the published plan's own address."""
    valid = {"period": PERIOD, "other": "2566-2568", "key": "1", "int": 1, "slug": "it", "dataset": "projects", "fmt": "csv", "section": "projects", "org": "taimueang"}
    if name == "monitoring:report_pdf":
        valid["int"] = 2564
    path = ROUTES[name].format(**valid)
    for parameter in PARAMETERS:
        for nasty in NASTY:
            _get(anonymous, f"{path}?{urlencode({parameter: nasty})}")


@pytest.mark.parametrize("name", sorted(ROUTES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), pairs=query, raw=raw_query, use_raw=st.booleans())
def test_no_public_url_answers_5xx(anonymous, plan, draft, name, data, pairs, raw, use_raw):
    path = _path(ROUTES[name], data)
    _get(anonymous, f"{path}?{raw if use_raw else urlencode(pairs)}")
