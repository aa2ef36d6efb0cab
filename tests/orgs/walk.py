"""Every admin address that names one row, generated from the admin's own URL patterns.

``object_routes`` walks ``admin.site._registry`` (each admin's ``get_urls()``: change, delete,
history, restore a version, recover, and the custom screens such as a round's entry sheet
or a framework's target grid) and the plan-life pages under /admin/editions/, so a page
added later is walked without being listed here.
"""

from __future__ import annotations

import reversion
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core import serializers
from django.urls import URLPattern, reverse
from reversion.models import Revision, Version

import editions.admin_urls
from plans.models import Edition
from plans.tenancy import organization_path

# Parameters of the admin's URL patterns that name a row (anything else is a list or a form).
ROW_PARAMETERS = {"object_id", "pk", "version_id"}

#: A POST that would do something on any of these pages if it were let through.
EVERY_FIELD = {
    "post": "yes",
    "_save": "1",
    "lock_token": "x",
    "confirm": "x",
    "fingerprint": "x",
    "reason": "ถอน",
    "title": "แอบแก้",
    "name": "แอบแก้",
    "text": "แอบแก้",
    "start_year": "2566",
    "end_year": "2568",
    "kind": "amendment",
    "approval_reference": "แอบ",
    "approved_on": "1/1/2564",
}


# django-reversion's patterns are regular expressions with positional groups.
POSITIONAL = {1: ("version_id",), 2: ("object_id", "version_id")}


def _patterns(model_admin):
    for pattern in model_admin.get_urls():
        if not (isinstance(pattern, URLPattern) and pattern.name):
            continue
        parameters = set(getattr(pattern.pattern, "converters", {}))
        groups = getattr(getattr(pattern.pattern, "regex", None), "groups", 0)
        if not parameters and groups and not pattern.pattern.regex.groupindex:
            parameters = set(POSITIONAL[groups])
        if parameters and parameters <= ROW_PARAMETERS:
            yield pattern.name, parameters


def object_routes(plan, versions) -> list[tuple[str, str]]:
    """(name, url) of every admin page that names one of ``plan``'s rows.

    ``versions`` maps a model to a saved version of that row (for the restore and recover pages;
    the recover page of SWOT items gets the plan's deleted row).
    Raises KeyError when the plan has no row of a scoped model: the fixture must grow with the admin.
    """
    routes = []
    for model, model_admin in admin.site._registry.items():
        if organization_path(model) is None:
            continue
        row = plan.rows[model]
        for name, parameters in _patterns(model_admin):
            if parameters == {"version_id"}:
                deleted = plan.deleted is not None and type(plan.deleted) is model
                args = [_deleted_version(plan).pk if deleted else versions[model].pk]
            elif parameters == {"object_id", "version_id"}:
                args = [row.pk, versions[model].pk]
            else:
                args = [row.pk]
            routes.append((name, reverse(f"admin:{name}", args=args)))
    edition = plan.rows[Edition]
    for pattern in editions.admin_urls.urlpatterns:
        routes.append((f"editions_admin:{pattern.name}", reverse(f"editions_admin:{pattern.name}", args=[edition.pk])))
    return routes


def versions_of(plan) -> dict:
    """A saved version of each of the plan's rows kept in history."""
    found = {}
    for model, row in plan.rows.items():
        if not reversion.is_registered(model):
            continue
        version = Version.objects.get_for_object(row).first()
        if version is not None:
            found[model] = version
    return found


def _deleted_version(plan):
    return Version.objects.get_for_object_reference(type(plan.deleted), plan.deleted_pk).get()


def snapshot() -> tuple:
    """Every row of every model the admin shows, and the counts of history rows: to compare before and after."""
    rows = []
    for model in admin.site._registry:
        rows.append(serializers.serialize("json", model._default_manager.order_by("pk")))
    return rows, Revision.objects.count(), Version.objects.count(), LogEntry.objects.count()
