"""Who may import a plan into which organization: one place, so every route asks the same question."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from plans.models import Organization


def import_organizations(user):
    """The organizations this person may import a plan file into.

    An editor (the working group's role: ``importer.add_planimport``) imports into their
    organization. Until organizations have members (issue #13), the editor role is the
    only thing there is to ask, so an editor may choose any organization; membership
    narrows this queryset, here and nowhere else, when it lands.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    if not user.has_perm("importer.add_planimport"):
        return Organization.objects.none()
    return Organization.objects.all()


def check_upload_access(user, upload) -> None:
    """PermissionDenied unless ``user`` may see and confirm ``upload`` (an upload of their organization)."""
    if not import_organizations(user).filter(pk=upload.organization_id).exists():
        raise PermissionDenied
