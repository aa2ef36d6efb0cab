"""The ``<edition:period>`` part of public addresses: a period, optionally one revision of it.

``2563-2565`` is whichever edition is current for the period; ``2563-2565/r1``
is revision 1 for good. Views receive it as ``period`` and hand it to
``plans.access.edition_for``.
"""

from django.urls import register_converter

from plans.models import parse_edition_address


class EditionAddressConverter:
    regex = r"[0-9๐-๙]{4}-[0-9๐-๙]{4}(?:/r[0-9๐-๙]+)?"

    def to_python(self, value: str) -> str:
        if parse_edition_address(value) is None:
            raise ValueError(value)
        return value

    def to_url(self, value: str) -> str:
        return value


def register() -> None:
    register_converter(EditionAddressConverter, "edition")
