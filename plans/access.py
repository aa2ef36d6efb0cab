"""Who may see which edition: residents see published plans, editors also see drafts.

Every public address starts with the organization's slug (/taimueang/plans/2563-2565/);
views hand it here with the period, and get the edition of that organization or a 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from plans import tenancy
from plans.models import Edition, Organization

NO_PUBLISHED_PLAN = "ยังไม่มีแผนที่เผยแพร่"
NOT_FOUND = "ไม่พบแผนตามที่อยู่นี้"


class EditionWithdrawn(Exception):
    """A resident asked for an edition that was withdrawn: they get the public notice instead
    (``plans.middleware.WithdrawnEditionMiddleware``)."""

    def __init__(self, edition: Edition):
        super().__init__(str(edition))
        self.edition = edition


def can_preview(user, organization_id: int) -> bool:
    """Staff who may read an organization's plans in the admin (its members, or a host) also see
    its drafts, unpublished rounds and withdrawn plans on the public pages; staff of another
    organization see what residents see."""
    if not (user.is_authenticated and user.is_staff):
        return False
    return tenancy.is_host(user) or "plans.view_edition" in tenancy.permissions_in(user, organization_id)


def visible_editions(user, organization_id: int):
    """The organization's editions this visitor may see listed (its residents' or its members')."""
    editions = Edition.objects.filter(organization_id=organization_id)
    return editions if can_preview(user, organization_id) else editions.public()


def organization_at(org: str) -> Organization:
    """The organization whose slug starts the address, else 404. Runs one query."""
    return get_object_or_404(Organization, slug=org)


def edition_for(request, org: str, period: str) -> Edition:
    """The edition at /<org>/plans/<period>/ if this visitor may see it, else 404.

    ``period`` is the stable address form: "2563-2565" (the period's current
    edition) or "2563-2565/r1" (one revision for good). Runs one query.
    """
    edition = (
        Edition.objects.listed_for(request.user)
        .filter(organization__slug=org)
        .at_address(period)
        .select_related("organization")
        .first()
    )
    if edition is None:
        raise Http404(NOT_FOUND)
    if not edition.is_public and not can_preview(request.user, edition.organization_id):
        # A draft, or a withdrawn plan: its own organization's staff preview them, nobody else.
        if edition.is_withdrawn:
            raise EditionWithdrawn(edition)
        raise Http404(NOT_FOUND)
    return edition


def current_edition(request, org: str) -> Edition | None:
    """The organization's newest published edition (what its home page shows). Runs one query."""
    return Edition.objects.filter(organization__slug=org).select_related("organization").current()
