"""Which organizations a person acts for, and the rows of theirs.

Every row of a plan belongs to exactly one organization, reached through its foreign keys
(a budget line -> its project -> its edition -> the organization). ``organization_path``
finds that path once per model from the model's own fields, so a new model is scoped
without being listed anywhere; ``scope`` limits any queryset to a person's organizations.
The admin (plans.admin_base), choice lists and exports all go through ``scope``.
"""

from __future__ import annotations

from functools import cache

from django.db import models

from plans.models import Edition, Membership, Organization

HOST_PERMISSION = "plans.host_organizations"


def is_host(user) -> bool:
    """A host administrator manages every organization on the deployment."""
    return bool(user.is_active and (user.is_superuser or user.has_perm(HOST_PERMISSION)))


def organization_ids(user) -> set[int]:
    """The organizations a person belongs to (cached on the user object for the request)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_organization_ids", None)
    if cached is None:
        cached = set(Membership.objects.filter(user=user).values_list("organization_id", flat=True))
        user._organization_ids = cached
    return cached


def organizations_of(user) -> models.QuerySet[Organization]:
    if is_host(user):
        return Organization.objects.all()
    return Organization.objects.filter(pk__in=organization_ids(user))


def role_in(user, organization) -> set[str]:
    """The roles (Membership.Role values) a person holds in one organization."""
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user, organization=organization).values_list("role", flat=True))


@cache
def organization_path(model: type[models.Model]) -> str | None:
    """The lookup from ``model`` to its organization's id ("edition__organization"), or None
    for a model that belongs to no organization (users, groups, log entries)."""
    if model is Organization:
        return "pk"
    seen = {model}
    frontier: list[tuple[type[models.Model], str]] = [(model, "")]
    # Breadth first, so the shortest path wins (a unit's own organization, not through a project).
    while frontier:
        next_frontier = []
        for current, prefix in frontier:
            for field in current._meta.get_fields():
                if not (field.many_to_one or field.one_to_one) or not field.concrete:
                    continue
                target = field.related_model
                if target is Organization:
                    return f"{prefix}{field.name}"
                if target in seen or target is None or target._meta.app_label in {"auth", "contenttypes", "admin"}:
                    continue
                seen.add(target)
                next_frontier.append((target, f"{prefix}{field.name}__"))
        frontier = next_frontier
    return None


def organization_of(obj: models.Model) -> int | None:
    """The id of the organization a saved or unsaved row belongs to, following loaded parents."""
    path = organization_path(type(obj))
    if path is None:
        return None
    if path == "pk":
        return obj.pk
    current = obj
    for name in path.split("__"):
        current = getattr(current, name, None)
        if current is None:
            return None
    return current.pk


def scope(queryset: models.QuerySet, user) -> models.QuerySet:
    """``queryset`` limited to the rows of the organizations ``user`` acts for."""
    if is_host(user):
        return queryset
    path = organization_path(queryset.model)
    if path is None:
        return queryset
    lookup = "pk__in" if path == "pk" else f"{path}__in"
    return queryset.filter(**{lookup: organization_ids(user)})


def may_act_for(user, obj: models.Model) -> bool:
    """Whether ``obj`` belongs to one of ``user``'s organizations (rows of no organization: yes)."""
    if is_host(user):
        return True
    org_id = organization_of(obj)
    return org_id is None or org_id in organization_ids(user)


def editions_of(user) -> models.QuerySet[Edition]:
    return scope(Edition.objects.all(), user)
