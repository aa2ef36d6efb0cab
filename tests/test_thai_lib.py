"""The pure Thai helpers (thaimuang_plan/lib/thai.py): no database, no Django."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from thaimuang_plan.lib.thai import (
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    ThaiNumberError,
    be_year,
    ce_year,
    check_be_year,
    fiscal_year,
    fiscal_year_bounds,
    format_baht,
    format_date,
    format_number,
    format_year,
    format_year_range,
    has_thai_digits,
    leading_number,
    parse_decimal,
    parse_int,
    to_arabic_digits,
    to_thai_digits,
)

# Digits


def test_to_thai_digits_changes_only_the_digits():
    assert to_thai_digits("ปี 2563 ข้อ 1.5") == "ปี ๒๕๖๓ ข้อ ๑.๕"


def test_to_thai_digits_accepts_numbers():
    assert to_thai_digits(1250) == "๑๒๕๐"


def test_to_arabic_digits_changes_only_the_digits():
    assert to_arabic_digits("ปี ๒๕๖๓ ข้อ ๑.๕") == "ปี 2563 ข้อ 1.5"


def test_digit_conversions_undo_each_other():
    text = "๐๑๒๓๔๕๖๗๘๙ and 0123456789"
    assert to_thai_digits(to_arabic_digits(text)) == to_thai_digits(text)
    assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)


def test_has_thai_digits_finds_a_single_thai_digit():
    assert has_thai_digits("ข้อ ๑")
    assert not has_thai_digits("ข้อ 1")
    assert not has_thai_digits("")


# Reading numbers typed by people


def test_parse_int_reads_thai_digits_mixed_with_arabic_ones():
    assert parse_int("๒5๖3") == 2563


def test_parse_int_ignores_thousands_separators_and_spaces():
    assert parse_int(" ๒,๕๖๓ ") == 2563
    assert parse_int("1 250") == 1250


def test_parse_int_reads_a_sign():
    assert parse_int("-๕") == -5
    assert parse_int("+5") == 5


def test_parse_int_returns_an_int_unchanged():
    assert parse_int(42) == 42


@pytest.mark.parametrize("text", ["", "   ", ",", "1.5", "๑.๕", "abc", "๑๒ ครั้ง", "--1"])
def test_parse_int_rejects_what_is_not_a_whole_number(text):
    with pytest.raises(ThaiNumberError, match=re.escape(f"อ่านเป็นจำนวนเต็มไม่ได้: {text!r}")):
        parse_int(text)


def test_thai_number_error_is_a_value_error():
    # Form fields and management commands catch ValueError.
    with pytest.raises(ValueError):
        parse_int("x")


def test_parse_decimal_reads_satang():
    assert parse_decimal("๑,๒๕๐.๕๐") == Decimal("1250.50")
    assert parse_decimal(".5") == Decimal("0.5")


def test_parse_decimal_reads_mixed_digits():
    assert parse_decimal("๑2,๕๐0.๗5") == Decimal("12500.75")


def test_parse_decimal_drops_the_word_baht():
    assert parse_decimal("1,250 บาท") == Decimal("1250")
    assert parse_decimal("๑๒๕บาท") == Decimal("125")


def test_parse_decimal_reads_negative_and_zero_amounts():
    assert parse_decimal("-1,250") == Decimal("-1250")
    assert parse_decimal("๐") == Decimal("0")
    assert parse_decimal("-0.00") == Decimal("0")


def test_parse_decimal_returns_numbers_unchanged():
    assert parse_decimal(Decimal("1.10")) == Decimal("1.10")
    assert parse_decimal(7) == Decimal(7)


@pytest.mark.parametrize("text", ["", "-", ".", "1.2.3", "NaN", "Infinity", "1e3", "หนึ่งพัน", "บาท"])
def test_parse_decimal_rejects_what_is_not_an_amount(text):
    with pytest.raises(ThaiNumberError, match=re.escape(f"อ่านเป็นจำนวนเงินไม่ได้: {text!r}")):
        parse_decimal(text)


# Years


def test_be_year_and_ce_year_are_543_apart():
    assert be_year(2020) == 2563
    assert ce_year(2563) == 2020
    assert ce_year(be_year(1999)) == 1999


@pytest.mark.parametrize("year", [MIN_BE_YEAR, 2563, MAX_BE_YEAR])
def test_check_be_year_accepts_buddhist_era_years(year):
    assert check_be_year(year) == year


@pytest.mark.parametrize("year", [2020, 0, -2563, MIN_BE_YEAR - 1, MAX_BE_YEAR + 1])
def test_check_be_year_rejects_a_christian_era_year_or_a_typo(year):
    with pytest.raises(ThaiNumberError, match=f"ปี {year} ไม่ใช่ปีพุทธศักราช"):
        check_be_year(year)


def test_check_be_year_message_gives_the_accepted_range():
    with pytest.raises(ThaiNumberError, match=f"ระหว่าง {MIN_BE_YEAR} ถึง {MAX_BE_YEAR}"):
        check_be_year(2020)


# Fiscal years: 1 October to 30 September, named by the BE year they end in


def test_fiscal_year_starts_on_1_october():
    assert fiscal_year(dt.date(2020, 10, 1)) == 2564


def test_fiscal_year_ends_on_30_september():
    assert fiscal_year(dt.date(2020, 9, 30)) == 2563


def test_fiscal_year_does_not_change_on_1_january():
    assert fiscal_year(dt.date(2019, 12, 31)) == fiscal_year(dt.date(2020, 1, 1)) == 2563


def test_fiscal_year_accepts_a_datetime():
    assert fiscal_year(dt.datetime(2020, 10, 1, 0, 0)) == 2564
    assert fiscal_year(dt.datetime(2020, 9, 30, 23, 59)) == 2563


def test_fiscal_year_bounds_run_from_1_october_to_30_september():
    assert fiscal_year_bounds(2564) == (dt.date(2020, 10, 1), dt.date(2021, 9, 30))


def test_fiscal_year_bounds_of_consecutive_years_touch():
    _, end_2563 = fiscal_year_bounds(2563)
    start_2564, _ = fiscal_year_bounds(2564)
    assert start_2564 - end_2563 == dt.timedelta(days=1)


@pytest.mark.parametrize("fy", [2563, 2564, 2565])
def test_fiscal_year_bounds_agree_with_fiscal_year(fy):
    first, last = fiscal_year_bounds(fy)
    assert fiscal_year(first) == fiscal_year(last) == fy
    assert fiscal_year(first - dt.timedelta(days=1)) == fy - 1
    assert fiscal_year(last + dt.timedelta(days=1)) == fy + 1


# Formatting numbers


def test_format_number_adds_thousands_separators_in_thai_digits():
    assert format_number(1250000) == "๑,๒๕๐,๐๐๐"


def test_format_number_writes_arabic_digits_when_asked():
    assert format_number(Decimal("1234.567"), places=2, digits="arabic") == "1,234.57"


def test_format_number_rounds_half_up():
    assert format_number(Decimal("2.5")) == "๓"
    assert format_number(Decimal("-2.5")) == "-๓"
    assert format_number(Decimal("0.125"), places=2) == "๐.๑๓"


def test_format_number_reads_a_float_as_written():
    # Decimal(1.15) would be 1.149999...; the helper goes through str().
    assert format_number(1.15, places=1, digits="arabic") == "1.2"


def test_format_number_never_writes_minus_zero():
    assert format_number(Decimal("-0.4")) == "๐"
    assert format_number(Decimal("-0.001"), places=2) == "๐.๐๐"


def test_format_baht_writes_whole_baht_without_satang():
    assert format_baht(1250000) == "๑,๒๕๐,๐๐๐"
    assert format_baht(Decimal("1250.00")) == "๑,๒๕๐"


def test_format_baht_writes_satang_when_there_are_some():
    assert format_baht(Decimal("1250.5")) == "๑,๒๕๐.๕๐"
    assert format_baht(Decimal("0.05")) == "๐.๐๕"


def test_format_baht_rounds_to_the_satang_before_choosing_decimals():
    assert format_baht(Decimal("1250.999")) == "๑,๒๕๑"
    assert format_baht(Decimal("0.004")) == "๐"
    assert format_baht(Decimal("0.005")) == "๐.๐๑"


def test_format_baht_writes_a_negative_amount():
    assert format_baht(-1250) == "-๑,๒๕๐"
    assert format_baht(Decimal("-0.5")) == "-๐.๕๐"


def test_format_baht_writes_zero_as_a_single_digit():
    assert format_baht(0) == "๐"
    assert format_baht(Decimal("0.00")) == "๐"


def test_format_baht_never_writes_minus_zero():
    assert format_baht(Decimal("-0.00")) == "๐"
    assert format_baht(Decimal("-0.004")) == "๐"


def test_format_baht_keeps_satang_when_places_are_given():
    assert format_baht(1250, places=2) == "๑,๒๕๐.๐๐"


def test_format_baht_writes_arabic_digits_when_asked():
    assert format_baht(Decimal("1250.5"), digits="arabic") == "1,250.50"


def test_format_baht_accepts_an_amount_in_exponent_form():
    assert format_baht(Decimal("1E+3")) == "๑,๐๐๐"


# Formatting dates and years


def test_format_date_writes_the_full_month_and_the_be_year():
    assert format_date(dt.date(2026, 11, 26)) == "๒๖ พฤศจิกายน ๒๕๖๙"


def test_format_date_short_uses_the_month_abbreviation():
    assert format_date(dt.date(2026, 11, 26), short=True) == "๒๖ พ.ย. ๒๕๖๙"


def test_format_date_writes_the_day_without_a_leading_zero():
    assert format_date(dt.date(2020, 1, 5), digits="arabic") == "5 มกราคม 2563"


def test_format_date_on_the_fiscal_year_boundaries():
    assert format_date(dt.date(2020, 9, 30)) == "๓๐ กันยายน ๒๕๖๓"
    assert format_date(dt.date(2020, 10, 1), short=True) == "๑ ต.ค. ๒๕๖๓"


def test_format_year_writes_thai_or_arabic_digits():
    assert format_year(2563) == "๒๕๖๓"
    assert format_year(2563, digits="arabic") == "2563"


def test_format_year_range_writes_a_plan_period():
    assert format_year_range(2563, 2565) == "๒๕๖๓-๒๕๖๕"
    assert format_year_range(2563, 2565, digits="arabic") == "2563-2565"


def test_format_year_range_of_a_single_year_writes_it_once():
    assert format_year_range(2563, 2563) == "๒๕๖๓"


# Numbers inside phrases


def test_leading_number_reads_thai_digits_before_a_percent_sign():
    assert leading_number("๘๐ %") == Decimal("80")


def test_leading_number_reads_arabic_digits():
    assert leading_number("80%") == Decimal("80")


def test_leading_number_finds_a_number_after_words():
    assert leading_number("ร้อยละ ๘๐ ของครัวเรือน") == Decimal("80")


def test_leading_number_reads_separators_and_decimals():
    assert leading_number("๑,๒๐๐.๕ บาท") == Decimal("1200.5")


def test_leading_number_takes_the_first_of_several_numbers():
    assert leading_number("๑๒ ครั้ง ใน ๓ ปี") == Decimal("12")
    assert leading_number("1-2 ครั้ง") == Decimal("1")


def test_leading_number_reads_a_trailing_comma_as_punctuation():
    assert leading_number("ครั้งที่ 1, 2") == Decimal("1")


def test_leading_number_is_none_without_a_number():
    assert leading_number("ไม่มี") is None
    assert leading_number("") is None
