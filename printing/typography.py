"""Keep what must not break across lines together in the PDF: proper names and year ranges.

Pango breaks Thai at dictionary word boundaries, so a place name made of two words
splits at a line end (ท้าย|เหมือง), and a range written with spaces ("พ.ศ. ๒๕๖๓ - ๒๕๖๕")
leaves a "-" at the end of a line, which a reader takes for a hyphen (and default
``pdftotext`` drops). Both are wrapped in ``<span class="nowrap">``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from thaimuang_plan.lib.thai import LOCAL_GOVERNMENT_ABBREVIATIONS, LOCAL_GOVERNMENT_PREFIXES

_YEARS = r"(?:พ\.ศ\.\s*)?[0-9๐-๙]{4}\s*[-–]\s*[0-9๐-๙]{4}|พ\.ศ\.\s*[0-9๐-๙]{4}|\(IT Master Plan\)"

# Kinds of local government written before the place name in the full name.
_NAME_PREFIXES = LOCAL_GOVERNMENT_PREFIXES + LOCAL_GOVERNMENT_ABBREVIATIONS

# HTML from the rich-text sanitiser: a tag never contains an unescaped "<" or ">".
_TAG = re.compile(r"(<[^>]*>)")


def organization_names(organization) -> tuple[str, ...]:
    """The organization's full and short names and its place name, as the plan may write them."""
    if organization is None:
        return ()
    names = {organization.name, organization.short_name, getattr(organization, "subdistrict", "")}
    for name in (organization.name, organization.short_name):
        for prefix in _NAME_PREFIXES:
            if name.startswith(prefix):
                names.add(name[len(prefix) :].strip())
    return tuple(sorted((n for n in names if n and len(n) > 1), key=len, reverse=True))


@lru_cache(maxsize=16)
def _pattern(names: tuple[str, ...]) -> re.Pattern:
    # Matched against escaped text, so the names are escaped too; longest first.
    alternatives = [re.escape(escape(name)) for name in names] + [_YEARS]
    return re.compile("(" + "|".join(alternatives) + ")")


def _wrap(escaped: str, names: tuple[str, ...]) -> str:
    return _pattern(names).sub(r'<span class="nowrap">\1</span>', escaped)


def keep_together(text: str, organization=None) -> SafeString:
    """Plain ``text`` escaped, with names and year ranges in no-wrap spans."""
    return mark_safe(_wrap(conditional_escape(text or ""), organization_names(organization)))


def keep_together_html(html: str, organization=None) -> SafeString:
    """The same for sanitised rich text: only text between tags is touched, never an attribute."""
    names = organization_names(organization)
    parts = _TAG.split(html or "")
    return mark_safe("".join(part if i % 2 else _wrap(part, names) for i, part in enumerate(parts)))
