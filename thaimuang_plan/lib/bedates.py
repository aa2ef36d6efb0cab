"""Dates as Thai people type and read them: Buddhist-era years, Thai digits, Thai month names.

Pure helpers (no Django): ``parse_be_date`` reads what a clerk types into a
date box, ``format_be_date_input`` writes a date back into that box, and
``format_datetime`` writes a moment for a list or a history page.
Tested on their own in tests/test_bedates.py.
"""

from __future__ import annotations

import datetime as dt
import re

from thaimuang_plan.lib.thai import (
    BE_OFFSET,
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    format_date,
    to_arabic_digits,
    with_digits,
)

DATE_HINT = "วว/ดด/ปปปป (พ.ศ.) เช่น ๓๑/๑๐/๒๕๖๕"
NOT_A_DATE = "อ่านเป็นวันที่ไม่ได้ กรุณากรอกแบบ วัน/เดือน/ปี พ.ศ. เช่น ๓๑/๑๐/๒๕๖๕ หรือ 31/10/2565"
LOOKS_LIKE_CE = "ปี {year} เป็นปีคริสต์ศักราช กรุณากรอกปีพุทธศักราช เช่น {be}"
YEAR_NOT_BE = "ปี {year} ไม่ใช่ปีพุทธศักราชที่ใช้ได้ (ระหว่าง ๒๔๐๐ ถึง ๒๗๐๐)"
NO_SUCH_DAY = "ไม่มีวันที่ {day} ในเดือน{month} ปี {year}"
NO_SUCH_MONTH = "ไม่มีเดือนที่ {month} (เดือนต้องอยู่ระหว่าง ๑ ถึง ๑๒)"


class ThaiDateError(ValueError):
    """A date typed by a person could not be read; the message is Thai and says why."""


_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_NAMES = {name: i for i, name in enumerate(THAI_MONTHS, start=1)}
_MONTH_NAMES.update({name: i for i, name in enumerate(THAI_MONTHS_SHORT, start=1)})
_MONTH_NAMES.update({name.replace(".", ""): i for i, name in enumerate(THAI_MONTHS_SHORT, start=1)})
_WORDS = re.compile(r"(\d{1,2})\s*([ก-๛.]+?)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4})")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # "31/10/65": clerks shorten the BE year, never the CE one
        year += 2500
    if MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        return year
    if 1900 <= year <= 2157:
        raise ThaiDateError(LOOKS_LIKE_CE.format(year=year, be=year + BE_OFFSET))
    raise ThaiDateError(YEAR_NOT_BE.format(year=year))


def _build(day: int, month: int, be_year: int) -> dt.date:
    if not 1 <= month <= 12:
        raise ThaiDateError(NO_SUCH_MONTH.format(month=month))
    try:
        return dt.date(be_year - BE_OFFSET, month, day)
    except ValueError:
        raise ThaiDateError(NO_SUCH_DAY.format(day=day, month=THAI_MONTHS[month - 1], year=be_year)) from None


def parse_be_date(text: str) -> dt.date:
    """Read a date typed with a BE year, in Thai or Arabic digits.

    Accepts "31/10/2565", "๓๑/๑๐/๒๕๖๕", "31-10-65", "31 ต.ค. 2565", "31 ตุลาคม พ.ศ. ๒๕๖๕"
    and "2565-10-31"; "2022-10-31" (ISO 8601, which is Gregorian, as programs write
    it) too. A Christian-era year in a Thai-style date ("31/10/2022") is refused
    with a message saying so, rather than being read as a year five centuries ago.

    >>> parse_be_date("๓๑/๑๐/๒๕๖๕")
    datetime.date(2022, 10, 31)
    """
    cleaned = to_arabic_digits(text).strip()
    if match := _NUMERIC.fullmatch(cleaned):
        day, month, year = match.groups()
        return _build(int(day), int(month), _year(year))
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.groups()
        if 1900 <= int(year) <= 2157:
            # ISO 8601 is Gregorian by definition: what programs and spreadsheets write.
            return _build(int(day), int(month), int(year) + BE_OFFSET)
        return _build(int(day), int(month), _year(year))
    if match := _WORDS.fullmatch(cleaned):
        day, month_name, year = match.groups()
        month = _MONTH_NAMES.get(month_name) or _MONTH_NAMES.get(month_name.replace(".", ""))
        if month:
            return _build(int(day), month, _year(year))
    raise ThaiDateError(NOT_A_DATE)


def format_be_date_input(date: dt.date, *, digits: str = "thai") -> str:
    """A date as it goes back into a date box: "๓๑/๑๐/๒๕๖๕"."""
    return with_digits(f"{date.day:02d}/{date.month:02d}/{date.year + BE_OFFSET}", digits)


def format_datetime(moment: dt.datetime, *, digits: str = "thai", short: bool = True) -> str:
    """A local moment for a list: "๒ ธ.ค. ๒๕๖๙ ๐๕:๑๓ น." (pass an already-local datetime)."""
    return f"{format_date(moment.date(), digits=digits, short=short)} {with_digits(moment.strftime('%H:%M'), digits)} น."
