"""Who may import a plan into which organization: one place, so every route asks the same question."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from plans import tenancy
from plans.models import Organization

IMPORT = "importer.add_planimport"
CONFIRM = "importer.change_planimport"


def import_organizations(user):
    """The organizations this person may import a plan file into.

    An editor (the working group's role grants ``importer.add_planimport``) imports into the
    organizations where they hold that role; a host into any. Nobody else into any.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return Organization.objects.none()
    return tenancy.scope_with(Organization.objects.all(), user, IMPORT)


def may_create_organizations(user) -> bool:
    """Only a host may let a file bring a new organization onto the deployment."""
    return tenancy.is_host(user) and user.is_staff and user.has_perm(IMPORT) and user.has_perm("plans.add_organization")


def check_upload_access(user, upload) -> None:
    """PermissionDenied unless ``user`` may see and confirm ``upload`` (an upload of their organization).

    An upload without an organization yet (a host's, for the owner the file names) is a host's alone.
    """
    if upload.organization_id is None:
        allowed = may_create_organizations(user)
    else:
        allowed = import_organizations(user).filter(pk=upload.organization_id).exists()
    if not allowed:
        raise PermissionDenied


def may_confirm(user, upload) -> bool:
    if upload.organization_id is None:
        return may_create_organizations(user) and user.has_perm(CONFIRM)
    return tenancy.has_perm_in(user, CONFIRM, upload.organization)
