"""The forms of a plan's life in the admin: revision, publish confirmation, withdrawal, next plan.

Every message is Thai; a refused form is shown again with what was typed.
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms

from editions.checks import CheckReport
from editions.services import APPROVAL_REQUIRED, REVISION_KIND_REQUIRED, WITHDRAW_REASON_REQUIRED
from plans.forms import ThaiIntegerField
from plans.models import Edition
from thaimuang_plan.lib.formatting import project_label
from thaimuang_plan.lib.thai import MAX_BE_YEAR, MIN_BE_YEAR, ce_year, format_year, to_arabic_digits

BAD_DATE = "กรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น ๑๕/๓/๒๕๖๔ (เลขไทยหรือเลขอารบิกก็ได้)"
END_BEFORE_START = "ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น"
LEAVE_OUT = "ไม่นำไป"


class BuddhistDateField(forms.CharField):
    """A date typed as day/month/BE year ("๑๕/๓/๒๕๖๔"), as people write dates in Thai documents."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "วว/ดด/ปปปป (พ.ศ.)", "inputmode": "numeric"}))
        kwargs.setdefault("help_text", "วัน/เดือน/ปี พ.ศ. เช่น ๑๕/๓/๒๕๖๔")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, dt.date):
            return f"{value.day}/{value.month}/{value.year + 543}"
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        found = re.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*", to_arabic_digits(text))
        if not found:
            raise forms.ValidationError(BAD_DATE)
        day, month, year = (int(part) for part in found.groups())
        if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
            raise forms.ValidationError(BAD_DATE)
        try:
            return dt.date(ce_year(year), month, day)
        except ValueError:
            raise forms.ValidationError(BAD_DATE) from None


class RevisionForm(forms.Form):
    kind = forms.ChoiceField(
        label="ประเภทของฉบับ",
        choices=[(v, label) for v, label in Edition.RevisionKind.choices if v],
        widget=forms.RadioSelect,
        error_messages={"required": REVISION_KIND_REQUIRED},
    )
    approval_reference = forms.CharField(
        label="อนุมัติโดยมติหรือคำสั่ง",
        max_length=300,
        help_text="เลขที่มติสภาหรือคำสั่งที่อนุมัติการแก้ไข เช่น มติสภา อบต. สมัยสามัญ สมัยที่ ๒ ครั้งที่ ๑/๒๕๖๔",
        widget=forms.TextInput(attrs={"size": 60}),
        error_messages={"required": APPROVAL_REQUIRED},
    )
    approved_on = BuddhistDateField(label="วันที่อนุมัติ", error_messages={"required": APPROVAL_REQUIRED})


class PublishForm(forms.Form):
    """One tick per warning the checks found; the findings' fingerprint, to catch changes meanwhile."""

    fingerprint = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, report: CheckReport, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.fields["fingerprint"].initial = report.fingerprint
        for result in report.warnings:
            self.fields[f"ack_{result.code}"] = forms.BooleanField(
                label=f"ตรวจแล้ว ยืนยันเผยแพร่ทั้งที่มี “{result.check.title}”",
                required=False,
            )

    def acknowledged(self) -> set[str]:
        return {name[4:] for name, value in self.cleaned_data.items() if name.startswith("ack_") and value}

    def ack_field(self, code: str):
        return self[f"ack_{code}"]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="เหตุผลที่ยกเลิกการเผยแพร่",
        help_text="ประชาชนจะเห็นข้อความนี้ที่ที่อยู่ของแผนฉบับนี้ เช่น พบข้อมูลงบประมาณผิดพลาด อยู่ระหว่างแก้ไข",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=2000,
        error_messages={"required": WITHDRAW_REASON_REQUIRED},
    )


class NextPlanForm(forms.Form):
    """Title and period of the next plan, where each old year's targets and budgets go, which projects come."""

    title = forms.CharField(label="ชื่อแผน", max_length=300, widget=forms.TextInput(attrs={"size": 60}))
    start_year = ThaiIntegerField(label="ปีเริ่มต้น (พ.ศ.)", min_value=MIN_BE_YEAR, max_value=MAX_BE_YEAR)
    end_year = ThaiIntegerField(label="ปีสิ้นสุด (พ.ศ.)", min_value=MIN_BE_YEAR, max_value=MAX_BE_YEAR)
    copy_document = forms.BooleanField(
        label="คัดลอกเนื้อหาเอกสาร (บท ข้อความ SWOT วิธีและรอบการติดตาม) มาเป็นร่างตั้งต้น",
        required=False,
        initial=True,
        help_text="ข้อความที่อ้างถึงช่วงปีของแผนเดิมต้องแก้ไขเอง",
    )

    def __init__(self, *args, edition: Edition, new_years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        choices = [("", LEAVE_OUT), *[(str(y), f"พ.ศ. {format_year(y)}") for y in new_years]]
        for index, year in enumerate(edition.years):
            self.fields[f"year_{year}"] = forms.TypedChoiceField(
                label=f"ค่าเป้าหมายและงบประมาณของปี พ.ศ. {format_year(year)} ย้ายไปเป็นปี",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=str(new_years[index]) if index < len(new_years) else "",
            )
        self.projects = list(edition.projects.order_by("number"))
        for project in self.projects:
            self.fields[f"project_{project.number}"] = forms.BooleanField(
                label=f"{project_label(project.number)} {project.name}", required=False, initial=True
            )

    def year_fields(self):
        return [self[f"year_{y}"] for y in self.edition.years]

    def project_fields(self):
        return [(p, self[f"project_{p.number}"]) for p in self.projects]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", END_BEFORE_START)
        return data

    def year_map(self) -> dict[int, int | None]:
        return {y: self.cleaned_data.get(f"year_{y}") for y in self.edition.years}

    def project_numbers(self) -> set[int]:
        return {p.number for p in self.projects if self.cleaned_data.get(f"project_{p.number}")}
