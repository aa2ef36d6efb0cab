"""The portal-wide history as CSV: one line per changed field, every text cell safe for spreadsheets."""

from __future__ import annotations

import csv

from django.utils import timezone

from audit.selectors import entry_rows
from thaimuang_plan.lib.spreadsheet import safe_cell
from thaimuang_plan.lib.thai import be_year

HEADINGS = ["วันที่และเวลา", "ผู้แก้ไข", "ประเภทรายการ", "รายการ", "การดำเนินการ", "ช่อง", "ค่าเดิม", "ค่าใหม่", "บันทึกของระบบ"]
CHUNK = 200


class _Echo:
    def write(self, value):
        return value


def _when(value) -> str:
    # Arabic digits and a BE year, so that a spreadsheet can still sort the column as text.
    local = timezone.localtime(value)
    return f"{local.day:02d}/{local.month:02d}/{be_year(local.year)} {local:%H:%M:%S}"


def csv_lines(entries):
    """Lines of the CSV for an ``entries`` queryset, read in chunks (a few queries per chunk)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that Excel reads the file as UTF-8 and shows the Thai
    yield writer.writerow(HEADINGS)
    start = 0
    while True:
        page = list(entries[start : start + CHUNK])
        if not page:
            return
        for row in entry_rows(page):
            base = [_when(row.when), row.person, row.kind, row.object_repr]
            for action, label, old, new in _details(row):
                cells = [*base, action, label, old, new, row.comment]
                yield writer.writerow([cells[0], *(safe_cell(cell) for cell in cells[1:])])
        start += CHUNK


def _details(row):
    if not row.changes:
        return [(row.action, "", "", "")]
    return [("แก้ไข", change.label, change.current, change.restored) for change in row.changes]
