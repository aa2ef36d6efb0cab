"""The admin pages of the progress spreadsheet: download a round's sheet, upload it back.

Upload is two steps: the file is read and every problem listed by row
(nothing saved); when there is none, the preview shows what will be saved and
"ยืนยันบันทึก" saves all rows together. The confirmation carries the rows read
from the file (signed, so it cannot be altered on the way) and checks them again.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from monitoring.admin_access import check_may_see, may_record, round_for
from monitoring.forms import RoundEntry
from monitoring.models import ProjectProgress
from monitoring.selectors import year_projects
from monitoring.services import round_progress_save
from monitoring.spreadsheet import progress_workbook, read_progress_sheet, sheet_filename
from thaimuang_plan.lib.formatting import digits

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_SAVED = "บันทึกผลจากไฟล์ {count} โครงการแล้ว"
CONFIRM_EXPIRED = "หน้าตรวจสอบหมดอายุหรือถูกแก้ไข กรุณาอัปโหลดไฟล์อีกครั้ง"
SIGNING_SALT = "monitoring.progress-sheet"


class UploadForm(forms.Form):
    sheet = forms.FileField(
        label="ไฟล์ผลการดำเนินงาน (.xlsx)",
        help_text="ไฟล์ที่ดาวน์โหลดจากหน้านี้และกรอกแล้ว ระบบจะตรวจทุกแถวก่อน ยังไม่บันทึกจนกว่าจะกดยืนยัน",
        error_messages={"required": "กรุณาเลือกไฟล์ .xlsx", "empty": "ไฟล์ว่างเปล่า"},
    )


def download_view(model_admin, request, pk):
    round = round_for(request, pk)
    check_may_see(request.user, ProjectProgress, round)
    projects = year_projects(round.edition, round.fiscal_year, round=round)
    records = list(ProjectProgress.objects.filter(round=round))
    response = HttpResponse(
        progress_workbook(round=round, projects=projects, records=records), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="{sheet_filename(round)}"'
    return response


def upload_view(model_admin, request, pk):
    round = round_for(request, pk)
    if not may_record(request.user, ProjectProgress, round):
        raise PermissionDenied
    projects = year_projects(round.edition, round.fiscal_year, round=round)
    form, reading, signed = UploadForm(), None, ""
    if request.method == "POST" and "confirm" in request.POST:
        try:
            data = json.loads(signing.loads(request.POST["confirm"], salt=SIGNING_SALT, max_age=60 * 60))
        except (signing.BadSignature, ValueError):
            messages.error(request, CONFIRM_EXPIRED)
            return redirect("admin:monitoring_evaluationround_upload", round.pk)
        with transaction.atomic():
            records = list(ProjectProgress.objects.select_for_update().filter(round=round))
            entry = RoundEntry(round=round, projects=projects, records=records, data=data)
            if entry.is_valid():
                saved = round_progress_save(round=round, records=entry.records(), user=request.user)
                model_admin.message_user(request, SHEET_SAVED.format(count=digits(saved)), messages.SUCCESS)
                return redirect("admin:monitoring_evaluationround_entry", round.pk)
        # Someone saved in between: show the entry screen's own messages.
        messages.error(request, entry.error_message)
        return redirect("admin:monitoring_evaluationround_upload", round.pk)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            records = list(ProjectProgress.objects.filter(round=round))
            reading = read_progress_sheet(
                form.cleaned_data["sheet"], round=round, projects=projects, records=records
            )
            if reading.ok:
                signed = signing.dumps(json.dumps(reading.data), salt=SIGNING_SALT)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": round,
        "round": round,
        "form": form,
        "reading": reading,
        "signed": signed,
        "preview": [row for row in reading.entry.rows if row.project.pk in reading.rows]
        if reading and reading.ok
        else [],
        "title": f"นำเข้าผลการดำเนินงานจากไฟล์: {round}",
        "has_view_permission": True,
    }
    return TemplateResponse(request, "monitoring/admin/progress_upload.html", context)
