"""The ``<org:org>`` and ``<edition:period>`` parts of public addresses: a period, optionally one revision of it.

``2563-2565`` is whichever edition is current for the period; ``2563-2565/r1``
is revision 1 for good. Views receive it as ``period`` and hand it to
``plans.access.edition_for``.
"""

from django.urls import register_converter

from plans.models import parse_edition_address
from plans.models.organization import SLUG_PATTERN


class EditionAddressConverter:
    regex = r"[0-9๐-๙]{4}-[0-9๐-๙]{4}(?:/r[0-9๐-๙]+)?"

    def to_python(self, value: str) -> str:
        if parse_edition_address(value) is None:
            raise ValueError(value)
        return value

    def to_url(self, value: str) -> str:
        return value


class OrganizationConverter:
    """The ``<org:org>`` first segment: an organization's slug (plans.Organization.slug).

    The URL configuration tries it after the portal's own first segments (admin/, data/, …),
    and the slug validator refuses those words, so neither hides the other."""

    regex = SLUG_PATTERN.strip("^$")

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def register() -> None:
    register_converter(EditionAddressConverter, "edition")
    register_converter(OrganizationConverter, "org")
