"""Importing a plan file from the admin: upload, watch it being read, review the preview, confirm."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from plans.admin_scope import OrganizationScopedAdmin
from plans.models import Organization, validate_organization_slug
from thaimuang_plan.lib.thai import to_arabic_digits

from . import access
from . import preview as previews
from .messages import UPLOAD_PERIOD, UPLOAD_TOO_LARGE, UPLOAD_WRONG_TYPE, ImportRejected
from .models import MAX_UPLOAD_BYTES, PlanImport
from .uploads import upload_confirm, upload_create

CONFIRMED = "บันทึกลงแผน “{edition}” แล้ว ({status}) ตรวจและแก้ไขต่อได้ในหน้าแผน"
UPLOADED = "อัปโหลด {name} แล้ว กำลังอ่านไฟล์อยู่เบื้องหลัง หน้านี้จะแสดงผลเมื่ออ่านเสร็จ"
FROM_THE_FILE = "— หน่วยงานตามชื่อในไฟล์ (สร้างใหม่ถ้ายังไม่มีในระบบ) —"
SLUG_TAKEN = "มีหน่วยงานอื่นใช้ที่อยู่เว็บนี้แล้ว เลือกชื่ออื่น"


class UploadForm(forms.Form):
    file = forms.FileField(label="ไฟล์แผน", help_text="ไฟล์ Word (.docx) หรือไฟล์ข้อความ (.txt) ของแผนแม่บท")
    organization = forms.ModelChoiceField(
        label="หน่วยงาน", queryset=None, help_text="แผนจะถูกนำเข้าเป็นของหน่วยงานนี้"
    )
    start_year = forms.CharField(
        label="ปีเริ่มต้นของแผน (พ.ศ.)", required=False, help_text="ใส่เฉพาะเมื่อไฟล์ไม่ได้ระบุช่วงปีของแผน"
    )
    end_year = forms.CharField(label="ปีสิ้นสุดของแผน (พ.ศ.)", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = access.import_organizations(user).order_by("name")
        if access.may_create_organizations(user):
            # A host may leave the owner to the file, and choose the address of a new organization.
            organization = self.fields["organization"]
            organization.required = False
            organization.empty_label = FROM_THE_FILE
            organization.help_text = "แผนจะถูกนำเข้าเป็นของหน่วยงานนี้ หรือเลือกให้ใช้หน่วยงานตามชื่อในไฟล์"
            self.fields["new_organization_slug"] = forms.CharField(
                label="ที่อยู่เว็บของหน่วยงานใหม่",
                required=False,
                max_length=40,
                validators=[validate_organization_slug],
                help_text="ใช้เมื่อไฟล์เป็นของหน่วยงานที่ยังไม่มีในระบบ เช่น banna จะได้ /banna/ "
                "ว่างไว้เพื่อใช้ที่อยู่ที่ระบบเสนอ (ดูได้ในหน้าผลการอ่านก่อนยืนยัน)",
            )

    def clean_new_organization_slug(self):
        slug = self.cleaned_data.get("new_organization_slug", "").strip()
        if slug and Organization.objects.filter(slug=slug).exists():
            raise forms.ValidationError(SLUG_TAKEN)
        return slug

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in (".docx", ".txt"):
            raise forms.ValidationError(UPLOAD_WRONG_TYPE)
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(UPLOAD_TOO_LARGE.format(limit=MAX_UPLOAD_BYTES // (1024 * 1024)))
        return upload

    def clean(self):
        cleaned = super().clean()
        start, end = (to_arabic_digits(cleaned.get(k) or "").strip() for k in ("start_year", "end_year"))
        if not start and not end:
            cleaned["period"] = None
            return cleaned
        if not (start.isdigit() and end.isdigit() and 2400 <= int(start) <= int(end) <= 2700):
            raise forms.ValidationError(UPLOAD_PERIOD)
        cleaned["period"] = (int(start), int(end))
        return cleaned


@admin.register(PlanImport)
class PlanImportAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ["source_name", "organization", "status", "uploaded_by", "created_at"]
    list_filter = ["status", "organization"]
    list_select_related = ["organization", "uploaded_by"]
    search_fields = ["source_name"]

    def get_urls(self):
        confirm = self.admin_site.admin_view(require_POST(self.confirm_view))
        return [path("<int:pk>/confirm/", confirm, name="importer_planimport_confirm"), *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            file = form.cleaned_data["file"]
            upload = upload_create(
                organization=form.cleaned_data["organization"],
                user=request.user,
                name=Path(file.name).name,
                data=file.read(),
                period=form.cleaned_data["period"],
                new_organization_slug=form.cleaned_data.get("new_organization_slug", ""),
            )
            self.message_user(request, UPLOADED.format(name=upload.source_name), messages.SUCCESS)
            return redirect("admin:importer_planimport_change", upload.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "นำเข้าแผนจากไฟล์",
            "form": form,
        }
        return TemplateResponse(request, "admin/importer/planimport/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        upload = self._upload(request, object_id)
        preview = upload.preview or {}
        target = preview.get("target") or {}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"ผลการอ่านไฟล์ {upload.source_name}",
            "upload": upload,
            "preview": preview,
            "target": target,
            "waiting": upload.status in (PlanImport.Status.WAITING, PlanImport.Status.READING),
            "can_confirm": upload.status == PlanImport.Status.READY
            and target.get("action") in ("new", "replace")
            and access.may_confirm(request.user, upload),
            **previews.display(preview),
            "edition_url": reverse("admin:plans_edition_change", args=[upload.edition_id])
            if upload.edition_id
            else "",
        }
        return TemplateResponse(request, "admin/importer/planimport/preview.html", context)

    def confirm_view(self, request, pk):
        upload = self._upload(request, pk)
        if not access.may_confirm(request.user, upload):
            raise PermissionDenied
        try:
            result = upload_confirm(upload=upload, user=request.user)
        except ImportRejected as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            edition = result.edition
            self.message_user(
                request,
                CONFIRMED.format(edition=edition, status=edition.get_status_display()),
                messages.SUCCESS,
            )
        return redirect("admin:importer_planimport_change", upload.pk)

    def _upload(self, request, pk) -> PlanImport:
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            # Another organization's upload is a 404, as if there were none.
            upload = get_object_or_404(
                self.get_queryset(request).select_related("organization", "uploaded_by"), pk=pk
            )
        except (ValueError, TypeError):
            raise Http404 from None
        access.check_upload_access(request.user, upload)
        return upload
