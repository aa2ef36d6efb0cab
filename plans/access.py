"""Who may see which edition: residents see published plans, editors also see drafts."""

from django.http import Http404

from plans.models import Edition

NO_PUBLISHED_PLAN = "ยังไม่มีแผนที่เผยแพร่"


class EditionWithdrawn(Exception):
    """A resident asked for an edition that was withdrawn: they get the public notice instead
    (``plans.middleware.WithdrawnEditionMiddleware``)."""

    def __init__(self, edition: Edition):
        super().__init__(str(edition))
        self.edition = edition


def can_preview(user) -> bool:
    return user.is_authenticated and user.is_staff


def edition_for(request, period: str) -> Edition:
    """The edition at /plans/<period>/ if this visitor may see it, else 404.

    ``period`` is the stable address form: "2563-2565" (the period's current
    edition) or "2563-2565/r1" (one revision for good). Runs one query.
    """
    edition = Edition.objects.listed_for(request.user).at_address(period).select_related("organization").first()
    if edition is None:
        raise Http404("ไม่พบแผนตามที่อยู่นี้")
    if edition.is_withdrawn and not can_preview(request.user):
        raise EditionWithdrawn(edition)
    return edition


def current_edition(request) -> Edition | None:
    """The newest published edition (what "/" shows). Runs one query."""
    return Edition.objects.select_related("organization").current()
