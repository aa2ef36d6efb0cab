"""Every number, year, date and label the portal writes itself, in the portal's digit style.

Templates (plans/templatetags/thai.py), the view model of a plan (portal/viewmodel), the admin,
the monitoring charts, search and the exports call these, so a page, its PDF and its download
write the same figure the same way. They follow settings.PORTAL_DIGITS ("thai" by default).
Text that comes from the plan itself is shown as written and never goes through these.

It reads settings but no model, so every app may import it (the bottom layer, with lib/thai.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from thaimuang_plan.lib import bedates, thai

# What a cell shows when there is nothing to show (no target, no budget for that year).
NO_VALUE = "–"


def portal_digits() -> str:
    return settings.PORTAL_DIGITS


def _empty(value) -> bool:
    return value is None or value == ""


def digits(value) -> str:
    """Any number or text with digits, in the portal's digit style."""
    return "" if _empty(value) else thai.with_digits(value, portal_digits())


def number(value, places: int = 0) -> str:
    """A number with thousands separators: 1250 -> ๑,๒๕๐."""
    if _empty(value):
        return ""
    return thai.format_number(Decimal(str(value)), digits=portal_digits(), places=int(places))


def quantity(value) -> str:
    """A number as typed: decimals only where there are any (12 -> ๑๒, 12.5 -> ๑๒.๕๐)."""
    return "" if _empty(value) else thai.format_baht(Decimal(str(value)), digits=portal_digits())


def percent(value, places: int = 0) -> str:
    return "" if _empty(value) else number(value, places) + "%"


def baht(value) -> str:
    """A baht amount: 1250000 -> ๑,๒๕๐,๐๐๐ (satang shown only when present)."""
    return "" if _empty(value) else thai.format_baht(Decimal(str(value)), digits=portal_digits())


def year(value) -> str:
    """A BE year in the portal's digit style."""
    return "" if _empty(value) else thai.format_year(int(value), digits=portal_digits())


def year_range(start: int, end: int) -> str:
    """A period as printed: "๒๕๖๓-๒๕๖๕"."""
    return thai.format_year_range(start, end, digits=portal_digits())


def period_label(start: int | None, end: int | None) -> str:
    """"พ.ศ. ๒๕๖๓-๒๕๖๕", or "" for a framework without a period."""
    return "" if start is None else "พ.ศ. " + year_range(start, end)


def year_span(start: int | None, end: int | None) -> str:
    """"พ.ศ. ๒๕๖๑–๒๕๖๕" with an en dash, as the web pages write a span of years; "" without a period."""
    return "" if start is None else f"พ.ศ. {year(start)}–{year(end)}"


def date(value, *, short: bool = False) -> str:
    """A date or datetime in Thai with a BE year: ๒๖ พฤศจิกายน ๒๕๖๙ (short: ๒๖ พ.ย. ๒๕๖๙)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return thai.format_date(value, digits=portal_digits(), short=short)


def moment(value) -> str:
    """A moment for a list or a history page: ๒ ธ.ค. ๒๕๖๙ ๐๕:๑๓ น. (in the portal's time zone)."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return bedates.format_datetime(local, digits=portal_digits())


def strategy_label(number) -> str:
    """"ยุทธศาสตร์ที่ ๓": how the portal names a strategy by its number, everywhere."""
    return thai.strategy_label(number, digits=portal_digits())


def project_label(number) -> str:
    """"โครงการที่ ๑๒": how the portal names a project by its number, everywhere."""
    return thai.project_label(number, digits=portal_digits())


def amount_or_dash(value) -> str:
    """A baht cell: the amount, or NO_VALUE where there is none."""
    return NO_VALUE if value is None else baht(value)
