"""What an editor of one organization is offered in the admin holds nothing of another: lists,
filters, choice lists (inlines included), autocomplete answers; and a posted id of another
organization's row, an action or a list edit on it, changes nothing."""

import json

import pytest
from django.contrib import admin
from django.contrib.admin.filters import RelatedFieldListFilter
from django.forms import ModelChoiceField
from django.urls import reverse

from plans.models import Edition, Section
from plans.tenancy import organization_of, organization_path
from strategies.models import Framework
from tests.admin.conftest import change_form_data
from tests.orgs.organizations import SECRET, SECRET_LATIN
from tests.orgs.walk import snapshot


def _url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def _scoped_admins(user):
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if organization_path(model) is not None and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            yield model, model_admin


def _choice_fields(response):
    """(label, field) of every choice list on an admin form page: the main form and every inline row."""
    if "adminform" not in response.context:
        return  # a page of its own (the importer's preview): no model form
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [*inline.formset.forms, inline.formset.empty_form]
    for form in forms:
        for name, field in form.fields.items():
            # A formset's hidden row id only says which of its own rows a form is (never a choice).
            if name == form._meta.model._meta.pk.name:
                continue
            if isinstance(field, ModelChoiceField) and organization_path(field.queryset.model) is not None:
                yield f"{type(form).__name__}.{name}", field


def _leaks(response) -> bool:
    text = response.content.decode()
    return SECRET in text or SECRET_LATIN in text


@pytest.mark.parametrize("role", ["editor", "committee"])
def test_every_change_list_shows_only_rows_of_ones_own_organization(client, orgs, role):
    a, b = orgs
    user = getattr(a, role)
    client.force_login(user)
    for model, _ in _scoped_admins(user):
        # (Searching for part of the other's name: the page repeats the words searched for.)
        for query in ("?q=นาลับ", ""):
            response = client.get(_url(model, "changelist") + query)
            assert response.status_code == 200, model
            assert not _leaks(response), (model, query)
            shown = list(response.context["cl"].queryset)
            assert all(organization_of(row) == a.organization.pk for row in shown), model
        assert a.row(model) in shown, model  # the list is not simply empty


def test_list_filters_offer_only_rows_of_ones_own_organization(client, orgs):
    a, b = orgs
    # A filter shows once it has two choices: a second plan of A's, with a framework and a section.
    second = Edition.objects.create(organization=a.organization, title="แผนถัดไป", start_year=2566, end_year=2568)
    Framework.objects.create(edition=second, kind=Framework.Kind.IT_PLAN, name="แผนไอทีถัดไป", slug="it")
    Section.objects.create(edition=second, title="บทที่ ๑ ถัดไป", order=1)
    client.force_login(a.editor)
    checked = 0
    for model, _ in _scoped_admins(a.editor):
        response = client.get(_url(model, "changelist"))
        for spec in response.context["cl"].filter_specs:
            if isinstance(spec, RelatedFieldListFilter):
                related = spec.field.related_model
                offered = related._default_manager.filter(pk__in=[pk for pk, _ in spec.lookup_choices])
                assert all(organization_of(row) == a.organization.pk for row in offered), (model, spec.title)
                checked += 1
    assert checked >= 10  # the plan (edition) or the framework is a filter of most lists


def test_every_choice_list_on_add_and_change_pages_offers_only_ones_own_rows(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    checked = 0
    for model, _ in _scoped_admins(a.editor):
        pages = [_url(model, "change", a.row(model).pk)]
        if a.editor.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}"):
            pages.append(_url(model, "add"))
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            assert not _leaks(response), url
            for label, field in _choice_fields(response):
                others = [row for row in field.queryset if organization_of(row) != a.organization.pk]
                assert others == [], (url, label)
                checked += 1
    assert checked >= 20


def test_autocomplete_answers_only_with_ones_own_rows(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    asked = 0
    for model, model_admin in _scoped_admins(a.editor):
        for field_name in model_admin.autocomplete_fields:
            for term in ("", SECRET):
                response = client.get(
                    reverse("admin:autocomplete"),
                    {"app_label": model._meta.app_label, "model_name": model._meta.model_name,
                     "field_name": field_name, "term": term},
                )
                assert response.status_code == 200, (model, field_name)
                related = model._meta.get_field(field_name).related_model
                ids = [result["id"] for result in json.loads(response.content)["results"]]
                rows = related._default_manager.filter(pk__in=ids)
                assert all(organization_of(row) == a.organization.pk for row in rows), (model, field_name)
                assert not _leaks(response)
                asked += 1
    assert asked >= 8


def _b_row_for(b, related):
    return b.rows.get(related)


def test_posting_another_organizations_row_as_a_parent_is_refused_and_saves_nothing(client, orgs):
    """Every choice on every change page (inlines included) posted with the other organization's row."""
    a, b = orgs
    client.force_login(a.editor)
    before = snapshot()
    tried = []
    for model, _ in _scoped_admins(a.editor):
        if not a.editor.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            continue
        url = _url(model, "change", a.row(model).pk)
        page = client.get(url)
        for label, field in _choice_fields(page):
            theirs = _b_row_for(b, field.queryset.model)
            if theirs is None:
                continue
            data = change_form_data(page)
            keys = [k for k in data if k == label.split(".", 1)[1] or k.endswith("-" + label.split(".", 1)[1])]
            if not keys:
                continue
            for key in keys:
                data[key] = [str(theirs.pk)] if isinstance(data[key], list) else str(theirs.pk)
            response = client.post(url, data)
            assert response.status_code in (200, 403), (url, label, response.status_code)
            tried.append((model.__name__, label))
    assert len(tried) >= 10
    assert snapshot() == before


def test_actions_and_list_edits_on_another_organizations_rows_change_nothing(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    before = snapshot()
    for model, model_admin in _scoped_admins(a.editor):
        url = _url(model, "changelist")
        page = client.get(url)
        actions = [name for name, _ in page.context["cl"].model_admin.get_action_choices(page.wsgi_request)[1:]]
        theirs = b.row(model)
        for action in actions:
            client.post(url, {"action": action, "_selected_action": [theirs.pk], "post": "yes"})
        editable = model_admin.list_editable
        if editable:
            data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0",
                    "form-MAX_NUM_FORMS": "1000", "form-0-id": str(theirs.pk), "_save": "1",
                    f"_lock-{theirs.pk}": ""}
            for name in editable:
                data[f"form-0-{name}"] = "999"
            client.post(url, data)
    assert snapshot() == before
