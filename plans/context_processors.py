import re

from django.conf import settings

from plans.models import Organization
from plans.models.organization import SLUG_PATTERN


def portal(request):
    """Site-wide facts every template needs: the digit style chosen for the portal, and the
    organization whose pages these are (the first segment of the address), for the links of
    the header, the footer and the breadcrumbs; None on the host's own pages."""
    return {"PORTAL_DIGITS": settings.PORTAL_DIGITS, "org_slug": _organization_slug(request)}


def _organization_slug(request) -> str | None:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.kwargs.get("org")
    # An address that matched nothing (the 404 page): its first segment, if an organization has it,
    # so that the page offers a way back into that organization's plans.
    first = request.path.strip("/").split("/", 1)[0]
    if re.fullmatch(SLUG_PATTERN, first) and Organization.objects.filter(slug=first).exists():
        return first
    return None
