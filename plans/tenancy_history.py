"""Which saved versions and deletions belong to a person's organizations (plans.tenancy, for history).

Each version is linked, when its revision is saved, to the organization its row belonged to
(``VersionOrganization``, written by ``link_versions`` on reversion's post-commit signal),
so the link outlives the row. Two conditions turn "the kinds of rows this person may view, in
the organizations where they may" into one condition of one query, for versions (the admin's
history and recover pages, ``versions_of``) and for the admin's deletion log (``deletions_of``:
a deleted row is judged by its versions; the admin keeps a version of a row that had none
before deleting it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q

from plans import tenancy
from plans.models import VersionOrganization


def _organizations_of_rows(model, object_ids: set[str], path: str | None) -> dict[str, int]:
    """{object id: organization id} for rows of ``model`` that exist (one query)."""
    if path is None or not object_ids:
        return {}
    rows = model._default_manager.filter(pk__in=object_ids).values_list("pk", "id" if path == "pk" else path)
    return {str(pk): organization for pk, organization in rows if organization is not None}


def link_versions(versions: Iterable) -> int:
    """Link each saved version to its row's organization (rows of no organization: no link)."""
    by_model = defaultdict(list)
    for version in versions:
        by_model[version._model].append(version)
    links = []
    for model, group in by_model.items():
        organizations = _organizations_of_rows(model, {v.object_id for v in group}, tenancy.organization_path(model))
        links += [
            VersionOrganization(version_id=v.pk, organization_id=organizations[v.object_id])
            for v in group
            if v.object_id in organizations
        ]
    VersionOrganization.objects.bulk_create(links, ignore_conflicts=True)
    return len(links)


def on_revision_commit(sender, revision, versions, **kwargs) -> None:
    link_versions(versions)


def link_stored_versions(apps, chunk: int = 2000) -> int:
    """For a migration (historical ``apps``): link the versions saved before links existed, from
    their rows or, for rows deleted since, from the first parent named in the stored copy."""
    from django.apps import apps as current_apps

    Version = apps.get_model("reversion", "Version")
    Link = apps.get_model("plans", "VersionOrganization")
    kinds = {}
    for kind in apps.get_model("contenttypes", "ContentType").objects.all():
        try:
            current, historical = current_apps.get_model(kind.app_label, kind.model), apps.get_model(kind.app_label, kind.model)
        except LookupError:
            continue
        kinds[kind.pk] = (historical, tenancy.organization_path(current))
    linked, last = 0, 0
    while True:
        batch = list(Version.objects.filter(pk__gt=last).order_by("pk")[:chunk])
        if not batch:
            return linked
        last = batch[-1].pk
        by_kind = defaultdict(list)
        for version in batch:
            if version.content_type_id in kinds:
                by_kind[version.content_type_id].append(version)
        links = []
        for kind, group in by_kind.items():
            model, path = kinds[kind]
            known = _organizations_of_rows(model, {v.object_id for v in group}, path)
            deleted = [v for v in group if v.object_id not in known]
            known.update(_organizations_from_stored_rows(model, path, deleted))
            links += [Link(version_id=v.pk, organization_id=known[v.object_id]) for v in group if v.object_id in known]
        # A version of an organization deleted since has no one to belong to (hosts still see it).
        existing = set(
            apps.get_model("plans", "Organization").objects.filter(pk__in={link.organization_id for link in links})
            .values_list("pk", flat=True)
        )
        links = [link for link in links if link.organization_id in existing]
        Link.objects.bulk_create(links, ignore_conflicts=True)
        linked += len(links)


def _organizations_from_stored_rows(model, path: str | None, versions) -> dict[str, int]:
    if path in (None, "pk") or not versions:
        return {}
    first, _, rest = path.partition("__")
    field = model._meta.get_field(first)
    parents = {}
    for version in versions:
        try:
            parent = json.loads(version.serialized_data)[0]["fields"].get(field.name)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            continue  # unreadable: only hosts will see it
        if parent is not None:
            parents[version.object_id] = parent
    if not rest:
        return {object_id: int(parent) for object_id, parent in parents.items()}
    found = dict(field.related_model._default_manager.filter(pk__in=set(parents.values())).values_list("pk", rest))
    return {object_id: found[parent] for object_id, parent in parents.items() if found.get(parent) is not None}


def _by_kind(user, models_, theirs) -> Q:
    condition = Q(pk__in=[])
    for model in models_:
        kind = ContentType.objects.get_for_model(model)
        organizations = tenancy.organizations_with(user, *tenancy.view_perms(model))
        if organizations is None or tenancy.organization_path(model) is None:
            condition |= Q(content_type=kind)
        else:
            condition |= Q(content_type=kind) & theirs(kind, organizations)
    return condition


def versions_of(user, models_: Iterable[type[models.Model]]) -> Q:
    """A condition on versions: of ``models_`` only, and of each kind only those of rows of the
    organizations where ``user`` may view that kind of row."""
    return _by_kind(user, models_, lambda kind, organizations: Q(organization_link__organization__in=organizations))


def deletions_of(user, models_: Iterable[type[models.Model]]) -> Q:
    """The same condition on the admin's log entries (a deletion), judged by the row's versions."""

    def theirs(kind, organizations) -> Q:
        linked = VersionOrganization.objects.filter(
            version__content_type=kind, version__object_id=OuterRef("object_id"), organization__in=organizations
        )
        return Q(Exists(linked))

    return _by_kind(user, models_, theirs)


def scope_versions(versions: models.QuerySet, user, model: type[models.Model]) -> models.QuerySet:
    """Versions of ``model`` rows limited to those this person may see (any version queryset)."""
    if tenancy.is_host(user):
        return versions
    return versions.filter(versions_of(user, [model]))
