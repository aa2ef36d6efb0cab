"""Template filters for numbers the portal generates: budgets, counts, years, dates.

They follow settings.PORTAL_DIGITS (Thai digits by default). Text that comes
from the plan itself is shown as written and never goes through these.
"""

import datetime as dt
from decimal import Decimal

from django import template
from django.conf import settings
from django.utils import timezone

from thaimuang_plan.lib import thai

register = template.Library()


def _digits() -> str:
    return settings.PORTAL_DIGITS


@register.filter
def digits(value):
    """Any number or text with digits, in the portal's digit style: {{ count|digits }}."""
    if value is None or value == "":
        return ""
    return thai.with_digits(value, _digits())


@register.filter
def number(value, places=0):
    """A number with thousands separators: {{ 1250|number }} -> ๑,๒๕๐."""
    if value is None or value == "":
        return ""
    return thai.format_number(Decimal(str(value)), digits=_digits(), places=int(places))


@register.filter
def baht(value):
    """A baht amount: {{ 1250000|baht }} -> ๑,๒๕๐,๐๐๐ (satang shown only when present)."""
    if value is None or value == "":
        return ""
    return thai.format_baht(Decimal(str(value)), digits=_digits())


@register.filter
def thaidate(value, style=""):
    """A date or datetime in Thai with a BE year; ``|thaidate:"short"`` for ๒๖ พ.ย. ๒๕๖๙."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return thai.format_date(value, digits=_digits(), short=(style == "short"))


@register.filter
def year(value):
    """A BE year in the portal's digit style."""
    if value is None or value == "":
        return ""
    return thai.format_year(int(value), digits=_digits())


@register.filter
def percent(value, places=0):
    if value is None or value == "":
        return ""
    return thai.format_number(Decimal(str(value)), digits=_digits(), places=int(places)) + "%"
