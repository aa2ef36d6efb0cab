"""A round's progress as a spreadsheet: download it filled with the plan's figures, fill it in
Excel, upload it back. The upload is read into the same ``RoundEntry`` the entry screen uses,
so it is checked by the same rules; every problem is listed by its row in the sheet, and the
rows are saved all together or not at all.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from monitoring.forms import ROW_FIELDS, RoundEntry
from monitoring.models import EvaluationRound, ProjectProgress
from plans.forms import token_of
from thaimuang_plan.lib.formatting import digits
from thaimuang_plan.lib.thai import parse_int

SHEET = "ผลการดำเนินงาน"
FIRST_ROW = 4  # row 1: title, row 2: how to fill in, row 3: headers
# Messages name rows in Arabic digits, as Excel numbers its rows on screen.
COLUMNS = [
    # (header, field or None for the plan's own figures, width)
    ("โครงการที่", "number", 10),
    ("ชื่อโครงการ", "name", 50),
    ("งบตามแผนปีนี้ (บาท)", "planned", 18),
    ("สถานะ", "status", 20),
    ("ร้อยละที่ทำได้", "percent_done", 14),
    ("ใช้งบไปแล้ว (บาท)", "budget_spent", 18),
    ("ผลผลิตที่ได้", "outputs", 40),
    ("ปัญหาและอุปสรรค", "problems", 40),
    ("แนวทางดำเนินการต่อไป", "next_steps", 40),
    ("เหตุผลที่ใช้งบเกินแผน", "overspend_reason", 40),
    ("รหัสรอบ (ห้ามแก้)", "round", 14),
    ("รหัสตรวจ (ห้ามแก้)", "lock_token", 30),
]
HEADERS = [header for header, _name, _width in COLUMNS]
STATUS_BY_LABEL = {label: value for value, label in ProjectProgress.Status.choices}
LABEL_BY_STATUS = {value: label for value, label in ProjectProgress.Status.choices}

NOT_A_SHEET = "อ่านไฟล์นี้ไม่ได้ กรุณาอัปโหลดไฟล์ .xlsx ที่ดาวน์โหลดจากหน้านี้ (บันทึกจาก Excel เป็น .xlsx)"
WRONG_HEADERS = "หัวตารางไม่ตรงกับแบบฟอร์ม (แถวที่ ๓ ของแผ่นงาน “{sheet}”) กรุณาใช้ไฟล์ที่ดาวน์โหลดจากหน้านี้"
WRONG_ROUND = "แถว {row}: เป็นข้อมูลของรอบอื่น (รหัสรอบ {found}) ไม่ใช่รอบนี้"
UNKNOWN_PROJECT = "แถว {row}: ไม่มีโครงการที่ {number} ในปีงบประมาณของรอบนี้"
NO_NUMBER = "แถว {row}: ไม่มีเลขโครงการ (คอลัมน์ “โครงการที่”)"
TWICE = "แถว {row}: โครงการที่ {number} มีซ้ำแล้วในแถว {first}"
UNKNOWN_STATUS = "แถว {row}: สถานะ “{status}” ไม่อยู่ในรายการ (เลือกจาก: {choices})"
ROW_ERROR = "แถว {row} (โครงการที่ {number}) {field}: {message}"
NO_ROWS = "ไฟล์นี้ไม่มีแถวข้อมูลโครงการ"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def progress_workbook(*, round: EvaluationRound, projects, records) -> bytes:
    """The round's sheet: one row per project of the year, the plan's figures and any record filled in."""
    by_project = {record.project_id: record for record in records}
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = f"{round} — {round.edition}"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = (
        "กรอกคอลัมน์ สถานะ ถึง เหตุผลที่ใช้งบเกินแผน แล้วอัปโหลดกลับที่หน้าบันทึกผลของรอบนี้ "
        "ตัวเลขพิมพ์เลขไทยหรือเลขอารบิกก็ได้ แถวที่ไม่กรอกสถานะจะถือว่ายังไม่รายงาน ห้ามแก้คอลัมน์รหัส"
    )
    for column, (header, _name, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=3, column=column, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width
    statuses = DataValidation(
        type="list", formula1='"' + ",".join(LABEL_BY_STATUS.values()) + '"', allow_blank=True
    )
    statuses.error = "เลือกสถานะจากรายการ"
    sheet.add_data_validation(statuses)
    for offset, project in enumerate(projects):
        row = FIRST_ROW + offset
        record = by_project.get(project.pk)
        values = {
            "number": project.number,
            "name": project.name,
            "planned": float(project.planned_in_year) if project.planned_in_year is not None else None,
            "round": round.pk,
            "lock_token": token_of(record.updated_at) if record else "",
        }
        if record is not None:
            values.update(
                status=LABEL_BY_STATUS[record.status],
                percent_done=record.percent_done,
                budget_spent=float(record.budget_spent),
                outputs=record.outputs,
                problems=record.problems,
                next_steps=record.next_steps,
                overspend_reason=record.overspend_reason,
            )
        for column, (_header, name, _width) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=row, column=column, value=values.get(name))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if name in ("planned", "budget_spent"):
                cell.number_format = "#,##0.00"
        statuses.add(f"D{row}")
    sheet.freeze_panes = "C4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_filename(round: EvaluationRound) -> str:
    return f"progress-{round.edition.slug}-{round.fiscal_year}-round{round.pk}.xlsx"


@dataclass
class SheetReading:
    """What an uploaded sheet says, as entry-screen data, and every problem found, by row."""

    data: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    rows: dict[int, int] = field(default_factory=dict)  # project pk -> row in the sheet
    entry: RoundEntry | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def read_progress_sheet(upload, *, round: EvaluationRound, projects, records) -> SheetReading:
    """Read an uploaded sheet into ``RoundEntry`` data and validate it; nothing is saved here."""
    reading = SheetReading()
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError):
        reading.problems.append(NOT_A_SHEET)
        return reading
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    lines = list(sheet.iter_rows(values_only=True))
    headers = [_text(v) for v in (lines[2] if len(lines) > 2 else ())][: len(HEADERS)]
    if headers != HEADERS:
        reading.problems.append(WRONG_HEADERS.format(sheet=SHEET))
        return reading

    by_number = {project.number: project for project in projects}
    by_project = {record.project_id: record for record in records}
    seen: dict[int, int] = {}
    names = [name for _header, name, _width in COLUMNS]
    for row_number, line in enumerate(lines[FIRST_ROW - 1 :], start=FIRST_ROW):
        values = dict(zip(names, (list(line) + [None] * len(names))[: len(names)], strict=True))
        if not any(_text(values[name]) for name in names if name not in ("round", "lock_token")):
            continue
        found_round = _text(values["round"])
        if found_round and found_round != str(round.pk):
            reading.problems.append(WRONG_ROUND.format(row=row_number, found=found_round))
            continue
        try:
            number = parse_int(_text(values["number"]))
        except ValueError:
            reading.problems.append(NO_NUMBER.format(row=row_number))
            continue
        project = by_number.get(number)
        if project is None:
            reading.problems.append(UNKNOWN_PROJECT.format(row=row_number, number=digits(number)))
            continue
        if number in seen:
            reading.problems.append(TWICE.format(row=row_number, number=digits(number), first=seen[number]))
            continue
        seen[number] = row_number
        status = _text(values["status"])
        code = STATUS_BY_LABEL.get(status, status if status in LABEL_BY_STATUS else None)
        if status and code is None:
            choices = ", ".join(LABEL_BY_STATUS.values())
            reading.problems.append(UNKNOWN_STATUS.format(row=row_number, status=status, choices=choices))
            continue
        prefix = f"p{project.pk}"
        reading.rows[project.pk] = row_number
        reading.data[f"{prefix}-status"] = code or ""
        for name in ROW_FIELDS:
            if name != "status":
                reading.data[f"{prefix}-{name}"] = _text(values[name])
        reading.data[f"{prefix}-lock_token"] = _text(values["lock_token"])

    # Projects the sheet leaves out keep what is stored (or stay unrecorded).
    for project in projects:
        prefix = f"p{project.pk}"
        if project.pk in reading.rows:
            continue
        record = by_project.get(project.pk)
        if record is None:
            reading.data.update({f"{prefix}-{name}": "" for name in ROW_FIELDS})
        else:
            reading.data.update({f"{prefix}-{name}": _text(getattr(record, name)) for name in ROW_FIELDS})
            reading.data[f"{prefix}-lock_token"] = token_of(record.updated_at)
    if not reading.rows and not reading.problems:
        reading.problems.append(NO_ROWS)
    if reading.problems:
        return reading

    entry = RoundEntry(round=round, projects=projects, records=records, data=reading.data)
    reading.entry = entry
    if not entry.is_valid():
        for row in entry.rows:
            sheet_row = reading.rows.get(row.project.pk, "-")
            for name, errors in row.errors.items():
                label = row.fields[name].label if name in row.fields else "ทั้งแถว"
                for message in errors:
                    reading.problems.append(
                        ROW_ERROR.format(
                            row=sheet_row, number=digits(row.project.number), field=label, message=message
                        )
                    )
    return reading
