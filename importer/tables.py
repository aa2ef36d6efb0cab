"""Tab-separated tables: indicator rows with yearly targets, with or without a header row."""

from __future__ import annotations

import re
from collections import Counter

from plans.models import ImportFlag
from strategies.models import Indicator
from thaimuang_plan.lib.thai import ThaiNumberError, leading_number, to_thai_digits

from .lines import YEAR_RE, cells, split_marker, to_int
from .structure import ParsedPlan, PIndicator
from .units import Unit

_NUMBER_PREFIX = re.compile(r"^[+-]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*")


def _header(row: list[str]) -> dict | None:
    """Column roles of a header row ("ตัวชี้วัด | ๒๕๖๑ | … | รวม"), or None if the row is data."""
    if split_marker(row[0])[0] is not None:
        return None
    years = {}
    unit_col = total_col = None
    for index, cell in enumerate(row[1:], start=1):
        match = YEAR_RE.search(cell)
        if match:
            years[index] = to_int(match.group(1))
        elif "หน่วย" in cell:
            unit_col = index
        elif "รวม" in cell:
            total_col = index
    if len(years) < 2:
        return None
    return {"years": years, "unit": unit_col, "total": total_col}


def _value(text: str):
    try:
        return leading_number(text)
    except ThaiNumberError:
        return None


def _unit_of(texts: list[str]) -> str:
    units = Counter(_NUMBER_PREFIX.sub("", t).strip() for t in texts if _value(t) is not None)
    units.pop("", None)
    return units.most_common(1)[0][0] if units else ""


def indicator_table(plan: ParsedPlan, rows: list[Unit], years: list[int], where: str) -> list[PIndicator]:
    """Indicators from consecutive table rows; ``years`` are used when the table has no header."""
    header = None
    indicators: list[PIndicator] = []
    for row_index, unit in enumerate(rows):
        row = cells(unit.text)
        if row_index == 0 and (found := _header(row)):
            header = found
            plan.mark("table_header", unit.line)
            continue
        marker, name = split_marker(row[0])
        indicator = PIndicator(number=marker.printed if marker else "", name=name or row[0], line=unit.line)
        values = row[1:]
        if header:
            year_cells = [
                (year, row[col] if col < len(row) else "") for col, year in sorted(header["years"].items())
            ]
            total = row[header["total"]] if header["total"] is not None and header["total"] < len(row) else ""
            indicator.unit = (
                row[header["unit"]] if header["unit"] is not None and header["unit"] < len(row) else ""
            )
        else:
            if len(values) not in (len(years), len(years) + 1):
                plan.flag(
                    ImportFlag.Kind.OTHER,
                    f"แถวตัวชี้วัดมี {len(values)} ช่อง แต่ช่วงปี {to_thai_digits(years[0])}-"
                    f"{to_thai_digits(years[-1])} ต้องการ {len(years)} ช่อง (และช่องรวมอีกหนึ่งช่อง) "
                    f"อ่านตามลำดับเท่าที่มี",
                    line=unit.line,
                    text=unit.text,
                )
            year_cells = list(zip(years, values, strict=False))
            total = values[len(years)] if len(values) > len(years) else ""
        for year, text in year_cells:
            indicator.targets[year] = (text, _value(text))
        indicator.total_text = total
        indicator.total_value = _value(total) if total else None
        if not indicator.unit:
            indicator.unit = _unit_of([t for t, _ in indicator.targets.values()] + [total])
        percent = indicator.unit in {"%", "ร้อยละ"} or "ร้อยละ" in indicator.name
        indicator.total_rule = Indicator.TotalRule.LAST if percent else Indicator.TotalRule.SUM
        indicators.append(indicator)
        plan.recognised["indicator_row"] += 1
    _check_numbering(plan, indicators, has_header=header is not None, years=years, where=where)
    return indicators


def _check_numbering(plan, indicators, *, has_header, years, where) -> None:
    numbered = [(i, split_marker(i.number)[0]) for i in indicators if i.number]
    if not numbered:
        return
    first, marker = numbered[0]
    if marker.value != 1:
        missing_header = "" if has_header else " และไม่มีแถวหัวตาราง"
        plan.flag(
            ImportFlag.Kind.NUMBERING_GAP,
            f"ตารางตัวชี้วัดใน{where}เริ่มที่ข้อ {first.number}{missing_header}: ข้อ ๑ ถึง "
            f"{to_thai_digits(marker.value - 1)} ไม่อยู่ในไฟล์ (หัวข้อก่อนหน้าตารางอาจหายไป) "
            f"ค่าเป้าหมายอ่านเป็นปี {to_thai_digits(years[0])}-{to_thai_digits(years[-1])} "
            f"{'' if has_header else 'ตามช่วงปีของกรอบ และช่องสุดท้ายเป็นค่ารวม'}".strip(),
            line=first.line,
            text=first.number + " " + first.name,
        )
    for (before, m1), (after, m2) in zip(numbered, numbered[1:], strict=False):
        if m2.value != m1.value + 1:
            plan.flag(
                ImportFlag.Kind.NUMBERING_GAP,
                f"เลขข้อตัวชี้วัดข้ามจาก {before.number} ไป {after.number}",
                line=after.line,
                text=after.number + " " + after.name,
            )
