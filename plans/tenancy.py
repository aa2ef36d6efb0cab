"""Which organizations a person acts for, what they may do in each, and the rows of theirs.

Every row of a plan belongs to exactly one organization, reached through its foreign keys
(a budget line -> its project -> its edition -> the organization). ``organization_path``
finds that path once per model from the model's own fields, so a new model is scoped
without being listed anywhere; ``scope`` limits any queryset to a person's organizations.

Rights: the groups of the roles say *what* (plans.roles), memberships say *where*. A
person holds permission P in organization O when P is theirs at all (``user.has_perm``)
and a role they hold in O is a group that grants P; so an editor of A who sits on B's
committee edits A and only reads B. Hosts (superusers, or ``plans.host_organizations``)
act in every organization with their own permissions. ``has_perm_in`` answers for one
row, ``scope_with`` for a queryset; the admin (plans.admin_scope), its custom pages, the
audit and the importer all ask these.

Lookups are cached on the user object, which Django builds afresh for each request:
two queries per request whatever the number of organizations.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.db import models

from plans.models import Edition, Membership, Organization
from plans.roles import ROLE_GROUPS

HOST_PERMISSION = "plans.host_organizations"


def perm_name(model: type[models.Model], action: str) -> str:
    """"app_label.codename" of an action ("view", "publish", ...) on a kind of row."""
    opts = model._meta
    return f"{opts.app_label}.{get_permission_codename(action, opts)}"


def view_perms(model: type[models.Model]) -> tuple[str, str]:
    """Either lets a person see rows of ``model`` (as in Django's admin, changing includes seeing)."""
    return perm_name(model, "view"), perm_name(model, "change")


def is_host(user) -> bool:
    """A host administrator manages every organization on the deployment."""
    return bool(user.is_active and (user.is_superuser or user.has_perm(HOST_PERMISSION)))


def _roles_by_organization(user) -> dict[int, frozenset[str]]:
    """{organization id: the roles the person holds there} (one query, cached for the request)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_roles_by_organization", None)
    if cached is None:
        roles = defaultdict(set)
        for organization_id, role in Membership.objects.filter(user=user).values_list("organization_id", "role"):
            roles[organization_id].add(role)
        cached = {pk: frozenset(held) for pk, held in roles.items()}
        user._roles_by_organization = cached
    return cached


def organization_ids(user) -> set[int]:
    """The organizations a person belongs to, in any role."""
    return set(_roles_by_organization(user))


def organizations_of(user) -> models.QuerySet[Organization]:
    if is_host(user):
        return Organization.objects.all()
    return Organization.objects.filter(pk__in=organization_ids(user))


def role_in(user, organization) -> set[str]:
    """The roles (Membership.Role values) a person holds in one organization."""
    pk = organization.pk if isinstance(organization, Organization) else organization
    return set(_roles_by_organization(user).get(pk, ()))


def _role_permissions(user) -> dict[str, frozenset[str]]:
    """{role: "app_label.codename" of its group's permissions} (one query, cached for the request)."""
    cached = getattr(user, "_role_permissions", None)
    if cached is None:
        role_of_group = {group: role for role, group in ROLE_GROUPS.items()}
        perms = defaultdict(set)
        rows = Permission.objects.filter(group__name__in=role_of_group).values_list(
            "group__name", "content_type__app_label", "codename"
        )
        for group, app_label, codename in rows:
            perms[role_of_group[group]].add(f"{app_label}.{codename}")
        cached = {role: frozenset(p) for role, p in perms.items()}
        user._role_permissions = cached
    return cached


def permissions_in(user, organization_id: int | None) -> frozenset[str]:
    """What a member may do in one organization: their own permissions that a role held there grants."""
    if organization_id is None or not user.is_active:
        return frozenset()
    cache_ = _request_cache(user, "_permissions_in")
    if organization_id not in cache_:
        granted = set()
        for role in _roles_by_organization(user).get(organization_id, ()):
            granted |= _role_permissions(user).get(role, frozenset())
        cache_[organization_id] = frozenset(granted & user.get_all_permissions())
    return cache_[organization_id]


def organizations_with(user, *perms: str) -> set[int] | None:
    """Ids of the organizations where ``user`` holds any of ``perms``; None means all (a host who holds one)."""
    if is_host(user):
        return None if any(user.has_perm(perm) for perm in perms) else set()
    wanted = set(perms)
    return {pk for pk in _roles_by_organization(user) if wanted & permissions_in(user, pk)}


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


def organization_of(obj: models.Model, *, memo: dict | None = None) -> int | None:
    """The id of the organization a saved or unsaved row belongs to (None: none, or not known yet).

    Follows parents already loaded on the row; otherwise reads the first parent's organization
    in one query, remembered in ``memo`` so that the many rows of one parent cost one query.
    """
    path = organization_path(type(obj))
    if path is None:
        return None
    if path == "pk":
        return obj.pk
    first, _, rest = path.partition("__")
    field = obj._meta.get_field(first)
    parent_id = getattr(obj, field.attname)
    if parent_id is None:
        return None
    if not rest:
        return parent_id
    if field.is_cached(obj):
        return organization_of(getattr(obj, first), memo=memo)
    key = (field.related_model, parent_id)
    if memo is not None and key in memo:
        return memo[key]
    found = field.related_model._default_manager.filter(pk=parent_id).values_list(rest, flat=True).first()
    if memo is not None:
        memo[key] = found
    return found


def _request_cache(user, name: str) -> dict:
    # On the user object (request.user is a lazy proxy: attributes, not its __dict__).
    found = getattr(user, name, None)
    if found is None:
        found = {}
        setattr(user, name, found)
    return found


def _organization_of_for(user, obj) -> int | None:
    return organization_of(obj, memo=_request_cache(user, "_organization_memo"))


def has_perm_in(user, perm: str, obj: models.Model | None) -> bool:
    """Whether ``user`` holds ``perm`` for ``obj`` (a row, or an Organization): in its organization.

    ``obj=None`` asks whether they hold it in at least one organization (may they open the list at all).
    A row of a model that belongs to no organization needs ``perm`` only; a row whose organization
    cannot be told (an unsaved row without its parent) is refused to everyone but hosts.
    """
    if not user.has_perm(perm):
        return False
    if is_host(user):
        return True
    if obj is None:
        return bool(organizations_with(user, perm))
    if organization_path(type(obj)) is None:
        return True
    return perm in permissions_in(user, _organization_of_for(user, obj))


def scope(queryset: models.QuerySet, user) -> models.QuerySet:
    """``queryset`` limited to the rows of the organizations ``user`` belongs to (any role)."""
    if is_host(user):
        return queryset
    return _within(queryset, organization_ids(user))


def scope_with(queryset: models.QuerySet, user, *perms: str) -> models.QuerySet:
    """``queryset`` limited to the rows of the organizations where ``user`` holds any of ``perms``."""
    return _within(queryset, organizations_with(user, *perms))


def _within(queryset: models.QuerySet, organizations: set[int] | None) -> models.QuerySet:
    if organizations is None:
        return queryset
    path = organization_path(queryset.model)
    if path is None:
        return queryset
    lookup = "pk__in" if path == "pk" else f"{path}__in"
    return queryset.filter(**{lookup: organizations})


def may_act_for(user, obj: models.Model) -> bool:
    """Whether ``obj`` belongs to one of ``user``'s organizations (rows of no organization: yes)."""
    if is_host(user):
        return True
    if organization_path(type(obj)) is None:
        return True
    return _organization_of_for(user, obj) in organization_ids(user)


def editions_of(user) -> models.QuerySet[Edition]:
    return scope(Edition.objects.all(), user)
