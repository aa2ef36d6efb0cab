"""A member of one organization gets 403 or 404 on every admin page of another organization's rows,
by GET and by POST, and nothing changes; on their own organization's rows the same pages open."""

import pytest
from django.contrib import admin

from plans.admin_scope import OrganizationScopedAdmin, OrganizationScopedInline
from plans.tenancy import organization_path
from tests.orgs.organizations import SECRET, SECRET_LATIN
from tests.orgs.walk import EVERY_FIELD, object_routes, snapshot, versions_of


def _walk(client, routes, methods=("get", "post")):
    answers = {}
    for name, url in routes:
        for method in methods:
            response = getattr(client, method)(url, EVERY_FIELD) if method == "post" else client.get(url)
            answers[(method, name, url)] = response
    return answers


def test_every_admin_and_inline_of_an_organizations_rows_is_limited_to_its_members():
    """A new admin (or inline) of rows that belong to an organization must use plans.admin_scope."""
    unscoped = []
    for model, model_admin in admin.site._registry.items():
        if organization_path(model) is not None and not isinstance(model_admin, OrganizationScopedAdmin):
            unscoped.append(model.__name__)
        for inline in model_admin.inlines:
            if organization_path(inline.model) is not None and not issubclass(inline, OrganizationScopedInline):
                unscoped.append(f"{model.__name__}: {inline.__name__}")
    assert unscoped == []


def test_the_walk_reaches_every_kind_of_admin_page(b):
    names = {name for name, _ in object_routes(b, versions_of(b))}
    # A sample of what must be there, from Django, reversion and the portal's own screens.
    assert {
        "plans_section_change", "plans_section_delete", "plans_section_history", "plans_section_revision",
        "plans_swotitem_recover", "monitoring_evaluationround_entry", "monitoring_evaluationround_sheet",
        "monitoring_evaluationround_upload", "monitoring_evaluationround_results", "monitoring_evaluationround_publish",
        "strategies_framework_targets", "importer_planimport_change", "importer_planimport_confirm",
        "editions_admin:publish", "editions_admin:revise", "editions_admin:withdraw", "editions_admin:next_plan",
        "plans_organization_change", "plans_membership_change",
    } <= names
    scoped = [model for model in admin.site._registry if organization_path(model) is not None]
    assert {f"{m._meta.app_label}_{m._meta.model_name}_change" for m in scoped} <= names


@pytest.mark.parametrize("role", ["editor", "committee"])
def test_a_member_of_one_organization_gets_403_or_404_on_every_page_of_anothers_rows(client, orgs, role):
    a, b = orgs
    routes = object_routes(b, versions_of(b))
    client.force_login(getattr(a, role))
    before = snapshot()

    answers = _walk(client, routes)

    # A page that takes only POST answers a GET with 405 before it looks at any row.
    refused = {"get": (403, 404, 405), "post": (403, 404)}
    let_through = [(m, name, r.status_code) for (m, name, _), r in answers.items() if r.status_code not in refused[m]]
    assert let_through == []
    shown = [name for (_, name, _), r in answers.items() if SECRET in r.content.decode() or SECRET_LATIN in r.content.decode()]
    assert shown == []
    assert snapshot() == before


def test_the_same_pages_open_for_the_rows_of_ones_own_organization(client, a):
    client.force_login(a.editor)
    routes = [
        (name, url)
        for name, url in object_routes(a, versions_of(a))
        if not name.startswith("plans_membership")  # the host's: editors may not see memberships
    ]

    answers = _walk(client, routes, methods=("get",))

    # 403 where the editor's role does not grant the action (deleting an organization, recording
    # progress); 405 where a page takes only POST; never "no such row".
    not_found = [name for (_, name, _), response in answers.items() if response.status_code == 404]
    assert not_found == []
    opened = {name: response.status_code for (_, name, _), response in answers.items()}
    assert opened["plans_section_change"] == opened["monitoring_evaluationround_entry"] == 200


def test_someone_with_a_role_but_no_membership_sees_no_organization(client, orgs):
    from tests.organizations import member

    a, _ = orgs
    loner = member("loner", "editor")
    loner.memberships.all().delete()  # in the editors' group, member of nothing
    client.force_login(loner)

    index = client.get("/admin/")
    assert index.context["app_list"] == []
    routes = object_routes(a, versions_of(a))
    opened = [(name, r.status_code) for (_, name, _), r in _walk(client, routes, methods=("get",)).items()]
    assert [(name, status) for name, status in opened if status not in (403, 404, 405)] == []
    assert client.get("/admin/plans/section/").status_code == 403
