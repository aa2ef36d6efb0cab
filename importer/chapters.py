"""Readers for chapters ๕-๖: the project summary table, project details,
the monitoring committee, evaluation methods and the schedule of rounds."""

from __future__ import annotations

import re
from decimal import Decimal

from plans.models import Block, ImportFlag
from thaimuang_plan.lib.thai import (
    ThaiNumberError,
    leading_number,
    parse_decimal,
    project_label,
    to_thai_digits,
)

from .lines import DIGIT, NUM, YEAR_RE, cells, split_marker, to_int
from .structure import (
    ParsedPlan,
    PBlock,
    PBudget,
    PProject,
    PSection,
    PSummaryRow,
)
from .units import Unit, count_block, text_block

PROJECT_RE = re.compile(rf"^โครงการที่\s*({NUM})\s*[:.]?\s*(.*)$")
FIELD_RE = re.compile(
    r"^(?:[-–•]?\s*\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)]\s*)?"
    r"(ชื่อโครงการ|รหัสโครงการ|ยุทธศาสตร์|กลยุทธ์|หลักการและเหตุผล|วัตถุประสงค์|เป้าหมาย|วิธีดำเนินการ|"
    r"วิธีการดำเนินงาน|ระยะเวลาดำเนินการ|ระยะเวลา|งบประมาณ|ตัวชี้วัด(?:\s*\(KPI\))?|ผลที่คาดว่าจะได้รับ|"
    r"หน่วยงานรับผิดชอบ|ผู้รับผิดชอบ)\s*(.*)$"
)
FIELDS = {
    "ชื่อโครงการ": "name",
    "รหัสโครงการ": "code",
    "ยุทธศาสตร์": "strategy",
    "กลยุทธ์": "tactic",
    "หลักการและเหตุผล": "rationale",
    "วัตถุประสงค์": "objectives",
    "เป้าหมาย": "targets",
    "วิธีดำเนินการ": "method",
    "วิธีการดำเนินงาน": "method",
    "ระยะเวลา": "duration",
    "ระยะเวลาดำเนินการ": "duration",
    "งบประมาณ": "budget",
    "ผลที่คาดว่าจะได้รับ": "outcomes",
    "หน่วยงานรับผิดชอบ": "unit_name",
    "ผู้รับผิดชอบ": "unit_name",
}
# Fields that take one line: a line after them that is not a new field belongs nowhere.
ONE_LINE_FIELDS = ("name", "code", "strategy", "tactic", "budget", "duration", "unit_name")
AMOUNT = r"[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?"
# "๒๕๖๓: ๑๕๐,๐๐๐ บาท (งบ อบต.)", "ปี ๒๕๖๔ จำนวน 50,000 บาท", "พ.ศ. ๒๕๖๕ = ๑๐,๐๐๐": one or several a line.
BUDGET_PAIR_RE = re.compile(
    rf"(?:ปี(?:งบประมาณ)?\s*)?(?:พ\.\s*ศ\.\s*)?({DIGIT}{{4}})\s*(?:[:：=]|จำนวน|เป็นเงิน)?\s*(?:จำนวน|เป็นเงิน)?\s*"
    rf"({AMOUNT})\s*(บาท)?(?:\s*\(([^)]*)\))?"
)
LONE_AMOUNT_RE = re.compile(rf"({AMOUNT})\s*บาท")
REFERENCE_RE = re.compile(rf"(?:ยุทธศาสตร์|กลยุทธ์)ที่\s*({NUM}(?:\.{NUM})*)")


def _number(text: str) -> int | None:
    """The number in "ยุทธศาสตร์ที่ ๒", "(๒)", "๑.๒" or a bare "๒" (the last part of ๑.๒)."""
    match = REFERENCE_RE.search(text) or re.fullmatch(rf"\(?({NUM}(?:\.{NUM})*)\)?\.?", text.strip())
    if match:
        return to_int(match.group(1).split(".")[-1])
    marker, _ = split_marker(text.strip())
    return marker.value if marker is not None and marker.numbered else None


def embed(section: PSection, embed: str, line: int) -> None:
    if not any(b.embed == embed for b in section.blocks):
        section.blocks.append(PBlock.embed_of(embed, "", line))


def narrative(plan, section, unit) -> None:
    section.blocks.append(text_block(unit))
    count_block(plan, unit)


# --- projects -----------------------------------------------------------------------------------


def project_details(plan: ParsedPlan, section: PSection, units: list[Unit]) -> None:
    project: PProject | None = None
    field = None
    years_row: list | None = []  # the years of a budget table's header row, shared with _budget_row
    for unit in units:
        match = PROJECT_RE.match(unit.text) if not unit.table else None
        if match:
            embed(section, Block.Embed.PROJECT_DETAILS, unit.line)
            project = PProject(number=to_int(match.group(1)), line=unit.line, name=match.group(2).strip())
            field = None
            if any(p.number == project.number for p in plan.projects):
                first = next(p for p in plan.projects if p.number == project.number)
                plan.flag(
                    ImportFlag.Kind.DUPLICATE_NUMBER,
                    f"โครงการที่ {match.group(1)} ปรากฏสองครั้ง (บรรทัด {to_thai_digits(first.line)} และ {to_thai_digits(unit.line)}) "
                    f"เลขโครงการต้องไม่ซ้ำในแผนเดียวกัน จึงนำเข้าเฉพาะรายการแรก",
                    line=unit.line,
                    text=unit.text,
                )
                project = PProject(number=project.number, line=unit.line)  # read, then dropped
            else:
                plan.projects.append(project)
            plan.recognised["project"] += 1
            continue
        if project is None:
            narrative(plan, section, unit)
            continue
        if unit.table and _budget_row(plan, project, unit, years_row):
            continue
        text = unit.text.replace("\t", " ")
        found = FIELD_RE.match(text)
        label = found.group(1) if found else None
        value = (found.group(2) if found else "").strip()
        if found and label.startswith("ตัวชี้วัด"):
            label = "ตัวชี้วัด"
        # A label ends at a colon, a space or the end of the line ("ชื่อโครงการ: …", "ชื่อโครงการ …");
        # "ยุทธศาสตร์ที่ ๒" and "งบประมาณ ๒๕๖๓: …" run straight on.
        after = text[found.end(1) : found.end(1) + 1] if found else ""
        if found and after not in ("", " ", ":", "：") and label not in ("งบประมาณ", "ยุทธศาสตร์"):
            found = None
        if found:
            field = FIELDS.get(label, "kpi")
            value = value.lstrip(":： ").strip()
            plan.recognised["project_field"] += 1
            if field == "budget":
                years_row.clear()
                if not re.search(DIGIT, value):  # "งบประมาณ", "งบประมาณ (บาท)": the amounts follow
                    plan.mark("budget_label", unit.line)
                elif not _budget(plan, project, value, unit):
                    _budget_unread(plan, project, unit)
                continue
            plan.absorb(unit.lines, project.line)
            if field == "strategy":
                project.strategy_number = _number(text) or _number(value)
            elif field == "tactic":
                project.tactic_number = _number(value)
            elif value:
                setattr(project, field, value)
            continue
        if field == "budget":
            if not _budget(plan, project, text, unit):
                _budget_unread(plan, project, unit)
            continue
        if field in (None, *ONE_LINE_FIELDS):
            plan.unplaced(
                unit.line,
                unit.text,
                f"บรรทัดใน{project_label(project.number)} ที่ไม่อยู่ใต้หัวข้อใดของโครงการ",
            )
            continue
        current = getattr(project, field)
        setattr(project, field, f"{current}\n{text}".strip())
        plan.recognised["project_field"] += 1
        plan.absorb(unit.lines, project.line)


def _budget(plan, project, text, unit) -> bool:
    """The yearly amounts written on one line; False when the line names no year with an amount."""
    pairs = []
    for match in BUDGET_PAIR_RE.finditer(text):
        year, amount = to_int(match.group(1)), match.group(2)
        # "๒๕๖๓ ๒๕๖๔" is two years, not a year and an amount.
        if not (2400 <= year <= 2700) or not (
            match.group(3) or "," in amount or not YEAR_RE.fullmatch(amount)
        ):
            continue
        try:
            pairs.append((year, parse_decimal(amount), (match.group(4) or "").strip()))
        except ThaiNumberError:
            continue
    if not pairs:
        return False
    for year, amount, source in pairs:
        _add_budget(plan, project, year, amount, source, unit)
    return True


def _add_budget(plan, project, year, amount, source, unit) -> None:
    if any(b.year == year for b in project.budgets):
        plan.unplaced(
            unit.line,
            unit.text,
            f"งบประมาณปี {to_thai_digits(year)} ของ{project_label(project.number)} พิมพ์ไว้สองครั้ง ใช้ค่าแรก",
        )
        return
    project.budgets.append(PBudget(year=year, amount=amount, source=source, line=unit.line))
    plan.recognised["budget"] += 1


def _budget_unread(plan, project, unit) -> None:
    """A budget line that gives no fiscal year (or no amount): kept as an unplaced line, never dropped."""
    total = LONE_AMOUNT_RE.search(unit.text)
    if total and project.budgets and "รวม" in unit.text:
        try:
            printed = parse_decimal(total.group(1))
        except ThaiNumberError:
            printed = None
        if printed == sum(b.amount for b in project.budgets):
            plan.mark("budget_total", unit.line)
            return
    plan.unplaced(
        unit.line,
        unit.text,
        f"งบประมาณของ{project_label(project.number)} ที่ไม่ระบุปีงบประมาณหรือจำนวนเงิน จึงไม่ได้บันทึกเป็นงบรายปี",
    )


def _budget_row(plan, project, unit, years_row) -> bool:
    """A budget table in a project: a row of years, then a row of amounts."""
    row = cells(unit.text)
    years = [
        to_int(m.group(1)) if (m := YEAR_RE.fullmatch(c.replace("ปี", "").strip())) else None for c in row
    ]
    if sum(1 for y in years if y) >= 2:
        years_row[:] = years
        plan.mark("table_header", unit.line)
        return True
    if not years_row:
        return False
    found = False
    for year, cell in zip(years_row, row, strict=False):
        if year and cell and cell != "-":
            try:
                amount = parse_decimal(cell.replace("บาท", "").strip())
            except ThaiNumberError:
                continue
            _add_budget(plan, project, year, amount, "", unit)
            found = True
    return found


def project_summary(plan: ParsedPlan, section: PSection, units: list[Unit]) -> None:
    """Form ผ.01 as a table: projects and baht per strategy and year. Kept to check the details against."""
    years = list(range(plan.start_year, plan.end_year + 1))
    columns = None
    for unit in units:
        if PROJECT_RE.match(unit.text):
            project_details(plan, section, units[units.index(unit) :])
            return
        if not unit.table:
            narrative(plan, section, unit)
            continue
        row = cells(unit.text)
        embed(section, Block.Embed.PROJECT_SUMMARY, unit.line)
        first = row[0]
        if columns is None and "ยุทธศาสตร์ที่" not in first and not first.startswith("รวม"):
            columns = _summary_columns(row)
            if columns:
                plan.mark("table_header", unit.line)
                continue
        if columns is None:
            columns = {}
            for i, year in enumerate(years):
                columns[1 + 2 * i] = (year, "count")
                columns[2 + 2 * i] = (year, "amount")
        if first.startswith("รวม"):
            strategy = None
        else:
            strategy = _number(first)
            if strategy is None:
                plan.unplaced(unit.line, unit.text, "แถวในบัญชีสรุปโครงการที่ไม่ระบุยุทธศาสตร์")
                continue
        values: dict[int, list] = {}
        for col, (year, what) in columns.items():
            if year is None or col >= len(row):
                continue
            try:
                number = leading_number(row[col]) if row[col] not in ("", "-") else Decimal(0)
            except ThaiNumberError:
                number = None
            slot = values.setdefault(year, [None, None])
            slot[0 if what == "count" else 1] = (
                int(number) if what == "count" and number is not None else number
            )
        plan.summary.append(
            PSummaryRow(
                strategy_number=strategy, cells={y: (v[0], v[1]) for y, v in values.items()}, line=unit.line
            )
        )
        # The summary is drawn again from the projects' budgets; a difference is flagged above.
        plan.mark("summary_row", unit.line)


def _summary_columns(row: list[str]) -> dict | None:
    columns = {}
    for index, cell in enumerate(row[1:], start=1):
        match = YEAR_RE.search(cell)
        what = "amount" if ("งบ" in cell or "บาท" in cell) else "count"
        if match:
            columns[index] = (to_int(match.group(1)), what)
        elif "รวม" in cell:
            columns[index] = (None, what)
    return columns if sum(1 for y, _ in columns.values() if y) >= 2 else None


HANDLERS = {
    "project_summary": project_summary,
    "project_details": project_details,
}
