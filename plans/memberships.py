"""Giving a person a role in an organization (the admin of memberships and ``add_member`` use these).

A membership says where; the role's group says what (plans.tenancy). The groups follow the
memberships: a person is in a role's group while they hold that role in some organization,
so that the admin shows them the kinds of rows that role may see, and no longer once the
last such membership is gone.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction

from plans.models import Membership, Organization
from plans.roles import ROLE_GROUPS


def member_groups_sync(user) -> None:
    """Put ``user`` in exactly the role groups of the roles they hold; make a member staff."""
    held = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLE_GROUPS.values())}
    for role, name in ROLE_GROUPS.items():
        group = groups.get(name)
        if group is None:
            continue
        if role in held:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if held and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    # Cached permissions of this user object would still say the old groups.
    for name in ("_perm_cache", "_group_perm_cache", "_roles_by_organization", "_permissions_in"):
        if hasattr(user, name):
            delattr(user, name)


@transaction.atomic
def member_add(*, user, organization: Organization, role: str) -> tuple[Membership, bool]:
    """Give ``user`` ``role`` in ``organization`` (no change when they hold it already)."""
    membership, created = Membership.objects.get_or_create(user=user, organization=organization, role=role)
    member_groups_sync(user)
    return membership, created
