"""Pure helpers for Thai numbers, Buddhist-era years and fiscal years.

No Django imports here: every app uses these, and they are tested on their own
(tests/test_thai_lib.py).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

BE_OFFSET = 543
FISCAL_YEAR_START_MONTH = 10  # The Thai government fiscal year starts on 1 October.

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# A BE year written in a plan lies in this range; anything else is a typo
# (or a Christian-era year typed by mistake).
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700


# The kinds of local government, each full prefix with its abbreviation, as they start a name:
# "องค์การบริหารส่วนตำบลท้ายเหมือง" / "อบต.ท้ายเหมือง". The importer finds organizations by them,
# the PDF keeps place names whole by them.
LOCAL_GOVERNMENT_KINDS = (
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลนคร", "ทน."),
)
LOCAL_GOVERNMENT_PREFIXES = tuple(full for full, _ in LOCAL_GOVERNMENT_KINDS)
LOCAL_GOVERNMENT_ABBREVIATIONS = tuple(short for _, short in LOCAL_GOVERNMENT_KINDS)


def local_government_name_pattern(*, abbreviations: bool = False) -> str:
    """A regular expression group for a local government's name: (prefix)(place name)."""
    prefixes = [re.escape(p) for p in LOCAL_GOVERNMENT_PREFIXES]
    if abbreviations:
        prefixes += [re.escape(a) + r"\s?" for a in LOCAL_GOVERNMENT_ABBREVIATIONS]
    return "(" + "|".join(prefixes) + ")([ก-๙]+)"


def short_organization_name(name: str) -> str:
    """"อบต.ท้ายเหมือง" for "องค์การบริหารส่วนตำบลท้ายเหมือง"; "" for a name of no known kind."""
    for full, short in LOCAL_GOVERNMENT_KINDS:
        if name.startswith(full):
            return short + name[len(full) :]
    return ""


def strategy_label(number, *, digits: str = "thai") -> str:
    """"ยุทธศาสตร์ที่ ๓": the one wording of a strategy's number (formatting.strategy_label adds the portal's digits)."""
    return "ยุทธศาสตร์ที่ " + with_digits(number, digits)


def project_label(number, *, digits: str = "thai") -> str:
    """"โครงการที่ ๑๒": the one wording of a project's number (formatting.project_label adds the portal's digits)."""
    return "โครงการที่ " + with_digits(number, digits)


class ThaiNumberError(ValueError):
    """A number typed by a person could not be read."""


def to_thai_digits(value: object) -> str:
    """Write every Arabic digit of ``value`` as a Thai digit; other text is kept."""
    return str(value).translate(_TO_THAI)


def to_arabic_digits(value: object) -> str:
    """Write every Thai digit of ``value`` as an Arabic digit; other text is kept."""
    return str(value).translate(_TO_ARABIC)


def with_digits(value: object, digits: str) -> str:
    """``value`` written with "thai" or "arabic" digits (the portal's PORTAL_DIGITS choice)."""
    return to_thai_digits(value) if digits == "thai" else to_arabic_digits(value)


def has_thai_digits(text: str) -> bool:
    return any(ch in THAI_DIGITS for ch in text)


def parse_int(text: str | int) -> int:
    """Read a whole number typed with Thai or Arabic digits (or both), commas allowed.

    >>> parse_int("๒,๕๖๓")
    2563
    """
    if isinstance(text, int):
        return text
    cleaned = to_arabic_digits(str(text)).replace(",", "").replace(" ", "").strip()
    if not re.fullmatch(r"[+-]?\d+", cleaned):
        raise ThaiNumberError(f"อ่านเป็นจำนวนเต็มไม่ได้: {text!r}")
    return int(cleaned)


def parse_decimal(text: str | int | Decimal) -> Decimal:
    """Read an amount typed with Thai or Arabic digits, thousands separators allowed.

    >>> parse_decimal("๑,๒๕๐.๕๐")
    Decimal('1250.50')
    """
    if isinstance(text, Decimal):
        return text
    if isinstance(text, int):
        return Decimal(text)
    cleaned = to_arabic_digits(str(text)).replace(",", "").replace(" ", "").strip()
    cleaned = cleaned.removesuffix("บาท").strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise ThaiNumberError(f"อ่านเป็นจำนวนเงินไม่ได้: {text!r}")
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern above already guards this
        raise ThaiNumberError(f"อ่านเป็นจำนวนเงินไม่ได้: {text!r}") from None


def be_year(ce_year: int) -> int:
    """The Buddhist-era year of a Christian-era year (2020 -> 2563)."""
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    """The Christian-era year of a Buddhist-era year (2563 -> 2020)."""
    return be - BE_OFFSET


def check_be_year(year: int) -> int:
    """Return ``year`` if it looks like a BE year, else raise ThaiNumberError."""
    if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        raise ThaiNumberError(
            f"ปี {year} ไม่ใช่ปีพุทธศักราช (ควรอยู่ระหว่าง {MIN_BE_YEAR} ถึง {MAX_BE_YEAR})"
        )
    return year


def fiscal_year(date: dt.date) -> int:
    """The BE fiscal year a date falls in: October to September, named by the year it ends.

    1 October 2020 starts fiscal year 2564 (it ends on 30 September 2021 = 2564 BE).
    """
    year = date.year + 1 if date.month >= FISCAL_YEAR_START_MONTH else date.year
    return be_year(year)


def fiscal_year_bounds(fy_be: int) -> tuple[dt.date, dt.date]:
    """First and last day of a BE fiscal year."""
    end_ce = ce_year(fy_be)
    return dt.date(end_ce - 1, FISCAL_YEAR_START_MONTH, 1), dt.date(end_ce, 9, 30)


def format_number(value: int | Decimal | float, *, digits: str = "thai", places: int = 0) -> str:
    """Thousands separators and a fixed number of decimal places, in Thai or Arabic digits."""
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{amount:,.{places}f}"
    if text.startswith("-") and amount == 0:
        text = text[1:]
    return to_thai_digits(text) if digits == "thai" else text


def format_baht(value: int | Decimal, *, digits: str = "thai", places: int | None = None) -> str:
    """A baht amount as printed in a plan: "๑,๒๕๐,๐๐๐" or "๑,๒๕๐.๕๐" when satang matter."""
    amount = Decimal(str(value))
    if places is None:
        # Decide on the amount as printed (to the satang): 1250.999 is "๑,๒๕๑", not "๑,๒๕๑.๐๐".
        satang = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        places = 0 if satang == satang.to_integral_value() else 2
    return format_number(amount, digits=digits, places=places)


def format_year(be: int, *, digits: str = "thai") -> str:
    text = str(be)
    return to_thai_digits(text) if digits == "thai" else text


def format_date(date: dt.date, *, digits: str = "thai", short: bool = False) -> str:
    """A date in Thai with a BE year: "๒๖ พฤศจิกายน ๒๕๖๙" (short: "๒๖ พ.ย. ๒๕๖๙")."""
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{date.day} {months[date.month - 1]} {be_year(date.year)}"
    return to_thai_digits(text) if digits == "thai" else text


def format_year_range(start: int, end: int, *, digits: str = "thai") -> str:
    """A plan period as printed: "๒๕๖๓-๒๕๖๕"."""
    text = f"{start}-{end}" if start != end else str(start)
    return to_thai_digits(text) if digits == "thai" else text


_NUMBER_IN_TEXT = re.compile(r"[+-]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?")


def leading_number(text: str) -> Decimal | None:
    """The first number in a phrase such as "๑๒ ครั้ง" or "80 %" (None when there is none)."""
    match = _NUMBER_IN_TEXT.search(text)
    if not match:
        return None
    return parse_decimal(match.group())


# Another local government named in a plan is usually a leftover of a document copied from
# it. "องค์การบริหารส่วนตำบล" followed by one of these words names none in particular.
_ORG_MENTION = re.compile(local_government_name_pattern(abbreviations=True))
_GENERIC_AFTER_KIND = ("ทุก", "ต่าง", "อื่น", "ใน", "และ", "หรือ", "ที่", "ซึ่ง", "นั้น", "นี้", "แห่ง", "ของ", "เป็น", "ได้", "จึง", "มี")


def organization_place(name: str) -> str:
    """The place in a local government's name: "ท้ายเหมือง" for "องค์การบริหารส่วนตำบลท้ายเหมือง"."""
    match = _ORG_MENTION.match(name or "")
    return match.group(2) if match else ""


def foreign_organization_mentions(text: str, own_name: str) -> list[str]:
    """Names of local governments other than ``own_name`` that ``text`` mentions, as written."""
    own = organization_place(own_name)
    if not own:
        return []
    return [
        match.group(0).strip()
        for match in _ORG_MENTION.finditer(text or "")
        if not match.group(2).startswith(own) and not match.group(2).startswith(_GENERIC_AFTER_KIND)
    ]
