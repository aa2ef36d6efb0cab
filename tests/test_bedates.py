"""Dates as Thai clerks type them: BE years, Thai digits, Thai month names."""

import datetime as dt

import pytest

from thaimuang_plan.lib.bedates import (
    LOOKS_LIKE_CE,
    NOT_A_DATE,
    ThaiDateError,
    format_be_date_input,
    format_datetime,
    parse_be_date,
)


@pytest.mark.parametrize(
    "typed",
    [
        "31/10/2565",
        "๓๑/๑๐/๒๕๖๕",
        "31-10-2565",
        "31.10.2565",
        "31/10/65",
        " ๓๑ / ๑๐ / ๒๕๖๕ ",
        "31 ต.ค. 2565",
        "๓๑ ตุลาคม พ.ศ. ๒๕๖๕",
        "31 ตค 2565",
        "2565-10-31",
    ],
)
def test_a_clerk_types_a_be_date_in_any_usual_way(typed):
    assert parse_be_date(typed) == dt.date(2022, 10, 31)


def test_an_iso_date_as_programs_write_it_is_read_as_gregorian():
    assert parse_be_date("2022-10-31") == dt.date(2022, 10, 31)


def test_a_christian_era_year_is_refused_with_a_message_that_says_so():
    with pytest.raises(ThaiDateError) as error:
        parse_be_date("31/10/2022")
    assert str(error.value) == LOOKS_LIKE_CE.format(year=2022, be=2565)


@pytest.mark.parametrize("typed", ["31/02/2565", "1/13/2565", "พรุ่งนี้", "31/10", ""])
def test_nonsense_is_refused_in_thai(typed):
    with pytest.raises(ThaiDateError) as error:
        parse_be_date(typed)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(error.value))


def test_february_29_exists_only_in_leap_years():
    assert parse_be_date("29/02/2567") == dt.date(2024, 2, 29)
    with pytest.raises(ThaiDateError):
        parse_be_date("29/02/2566")
    assert NOT_A_DATE != ""


def test_a_date_goes_back_into_its_box_with_a_be_year():
    assert format_be_date_input(dt.date(2022, 10, 31)) == "๓๑/๑๐/๒๕๖๕"
    assert format_be_date_input(dt.date(2022, 1, 5), digits="arabic") == "05/01/2565"
    assert parse_be_date(format_be_date_input(dt.date(2022, 1, 5))) == dt.date(2022, 1, 5)


def test_a_moment_is_written_with_thai_month_and_be_year():
    assert format_datetime(dt.datetime(2026, 12, 2, 5, 13)) == "๒ ธ.ค. ๒๕๖๙ ๐๕:๑๓ น."
