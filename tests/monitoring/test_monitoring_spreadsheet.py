"""Progress from a spreadsheet: download the round's sheet, fill it in, upload it, preview, save all or none."""

import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.models import ProjectProgress
from monitoring.spreadsheet import FIRST_ROW, HEADERS, NOT_A_SHEET, SHEET

pytestmark = pytest.mark.django_db


def _download(client, round):
    response = client.get(reverse("admin:monitoring_evaluationround_sheet", args=[round.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def _rows(book):
    sheet = book[SHEET]
    return {sheet.cell(row=r, column=1).value: r for r in range(FIRST_ROW, sheet.max_row + 1)}


def _upload(client, round, book, **extra):
    out = io.BytesIO()
    book.save(out)
    file = SimpleUploadedFile("progress.xlsx", out.getvalue())
    return client.post(
        reverse("admin:monitoring_evaluationround_upload", args=[round.pk]), {"sheet": file, **extra}
    )


def _set(book, row, **values):
    sheet = book[SHEET]
    for name, value in values.items():
        sheet.cell(row=row, column=HEADERS.index(name) + 1, value=value)


def test_the_sheet_has_one_row_per_project_of_the_year_with_the_plans_figures(
    client, committee_member, round_2564
):
    client.force_login(committee_member)
    book = _download(client, round_2564)
    sheet = book[SHEET]
    assert [c.value for c in sheet[3]][: len(HEADERS)] == HEADERS
    rows = _rows(book)
    assert sorted(rows) == [1, 2, 3, 5]  # project 4 has no 2564 budget line
    assert sheet.cell(row=rows[2], column=3).value == 300_000
    assert sheet.cell(row=rows[1], column=4).value == "กำลังดำเนินการ"  # its record is filled in
    assert sheet.cell(row=rows[1], column=6).value == 40_000


def test_a_filled_sheet_is_previewed_then_saved_all_together(client, committee_member, round_2564, plan):
    client.force_login(committee_member)
    book = _download(client, round_2564)
    rows = _rows(book)
    _set(book, rows[3], **{"สถานะ": "ดำเนินการแล้วเสร็จ", "ใช้งบไปแล้ว (บาท)": "๐"})
    _set(book, rows[5], **{"สถานะ": "กำลังดำเนินการ", "ร้อยละที่ทำได้": 30, "ใช้งบไปแล้ว (บาท)": 12_500.5})
    preview = _upload(client, round_2564, book)
    assert preview.status_code == 200
    assert "ตรวจสอบก่อนบันทึก" in preview.text
    assert ProjectProgress.objects.filter(round=round_2564).count() == 2  # nothing saved yet

    signed = re.search(r'name="confirm" value="([^"]+)"', preview.text).group(1)
    done = client.post(
        reverse("admin:monitoring_evaluationround_upload", args=[round_2564.pk]),
        {"confirm": signed},
        follow=True,
    )
    assert "บันทึกผลจากไฟล์" in done.text
    three = ProjectProgress.objects.get(round=round_2564, project=plan["projects"][3])
    five = ProjectProgress.objects.get(round=round_2564, project=plan["projects"][5])
    assert (three.status, three.percent_done) == ("done", 100)
    assert (five.percent_done, five.budget_spent) == (30, Decimal("12500.50"))


def test_a_sheet_with_errors_lists_every_problem_by_row_and_saves_nothing(
    client, committee_member, round_2564, plan
):
    client.force_login(committee_member)
    book = _download(client, round_2564)
    rows = _rows(book)
    _set(book, rows[1], **{"ร้อยละที่ทำได้": 150})
    _set(book, rows[3], **{"สถานะ": "ดำเนินการแล้วเสร็จ", "ร้อยละที่ทำได้": 50})
    _set(book, rows[5], **{"ใช้งบไปแล้ว (บาท)": "ห้าพัน", "สถานะ": "กำลังดำเนินการ"})
    sheet = book[SHEET]
    extra = sheet.max_row + 1
    _set(book, extra, **{"โครงการที่": 99, "สถานะ": "ยกเลิก"})
    response = _upload(client, round_2564, book)
    assert "ยืนยันบันทึกทั้งหมด" not in response.text
    assert f"แถว {extra}: ไม่มีโครงการที่ ๙๙ ในปีงบประมาณของรอบนี้" in response.text

    # With the unknown project removed, every row's own errors are listed at once.
    sheet.delete_rows(extra)
    response = _upload(client, round_2564, book)
    text = response.text
    assert f"แถว {rows[1]} (โครงการที่ ๑) ร้อยละที่ทำได้: ความก้าวหน้าต้องอยู่ระหว่าง ๐ ถึง ๑๐๐" in text
    assert f"แถว {rows[3]} (โครงการที่ ๓) ร้อยละที่ทำได้: โครงการที่ดำเนินการแล้วเสร็จต้องมีความก้าวหน้าร้อยละ ๑๐๐" in text
    assert f"แถว {rows[5]} (โครงการที่ ๕) ใช้งบไปแล้ว (บาท)" in text
    assert ProjectProgress.objects.get(round=round_2564, project=plan["projects"][1]).percent_done == 50
    assert ProjectProgress.objects.filter(round=round_2564).count() == 2


def test_a_file_that_is_not_a_sheet_is_refused_in_thai(client, committee_member, round_2564):
    client.force_login(committee_member)
    file = SimpleUploadedFile("progress.xlsx", b"not a spreadsheet")
    response = client.post(
        reverse("admin:monitoring_evaluationround_upload", args=[round_2564.pk]), {"sheet": file}
    )
    assert NOT_A_SHEET in response.text


def test_a_tampered_confirmation_saves_nothing(client, committee_member, round_2564):
    client.force_login(committee_member)
    url = reverse("admin:monitoring_evaluationround_upload", args=[round_2564.pk])
    response = client.post(url, {"confirm": "forged"}, follow=True)
    assert "หน้าตรวจสอบหมดอายุหรือถูกแก้ไข" in response.text
    assert ProjectProgress.objects.filter(round=round_2564).count() == 2


def test_the_working_group_downloads_but_cannot_upload(client, editor, round_2564):
    client.force_login(editor)
    _download(client, round_2564)
    assert (
        client.get(reverse("admin:monitoring_evaluationround_upload", args=[round_2564.pk])).status_code
        == 403
    )
