"""Sanitising of the rich text that editors type into the admin.

Only inline formatting and safe links survive: no script, no event handlers,
no style, no javascript: or data: links. Kept free of Django so it is tested alone.
"""

import html
import re

import nh3

ALLOWED_TAGS = {"a", "b", "br", "em", "i", "strong", "sub", "sup", "u", "mark"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_TAG = re.compile(r"<[^>]+>")


def sanitize(value: str) -> str:
    """Return ``value`` with every tag, attribute and link scheme not allowed removed."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def from_plain_text(text: str) -> str:
    """Plain text (as imported from a document) made safe to store as rich text."""
    return html.escape(text, quote=False)


def to_plain_text(value: str) -> str:
    """The text a reader sees, without tags: for search, exports and PDF checks."""
    return html.unescape(_TAG.sub("", value.replace("<br>", "\n")))
