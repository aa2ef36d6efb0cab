"""An admin page costs a member the same number of queries however many organizations the
deployment serves, and however many of them the member belongs to."""

from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.memberships import member_add
from plans.models import Organization, Section
from plans.tenancy import organization_path
from strategies.models import Strategy
from tests.organizations import member
from tests.orgs.organizations import build_plan_of


def _count(client, url) -> int:
    client.get(url)  # warm per-process caches (content types), which are not per-organization costs
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _pages(a):
    changelists = [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        for m in admin.site._registry
        if organization_path(m) is not None and a.editor.has_perm(f"{m._meta.app_label}.view_{m._meta.model_name}")
    ]
    return [
        *changelists,
        reverse("admin:strategies_strategy_change", args=[a.row(Strategy).pk]),
        reverse("admin:plans_section_change", args=[a.row(Section).pk]),
        reverse("admin:strategies_strategy_history", args=[a.row(Strategy).pk]),
        reverse("admin:plans_swotitem_recoverlist"),
        reverse("audit:history"),
    ]


def _more_organizations(n: int, start: int, *, joined_by=None) -> None:
    for i in range(start, start + n):
        organization = Organization.objects.create(name=f"องค์การบริหารส่วนตำบลที่ {i}", slug=f"org-x{i}")
        people = [member(f"editor{i}", "editor", organization), member(f"committee{i}", "committee", organization)]
        build_plan_of(organization, marker=f"หน่วยงาน {i}", editor=people[0], committee=people[1])
        if joined_by is not None:
            member_add(user=joined_by, organization=organization, role="committee")


def test_admin_pages_cost_the_same_queries_with_2_or_22_organizations(client, orgs):
    a, _ = orgs
    client.force_login(a.editor)
    pages = _pages(a)
    small = {url: _count(client, url) for url in pages}

    _more_organizations(10, start=1)
    _more_organizations(10, start=100, joined_by=a.editor)  # ten more of which the editor is a member

    large = {url: _count(client, url) for url in pages}
    assert large == small
