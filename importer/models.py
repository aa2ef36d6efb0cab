"""An upload waiting for an editor: the file as it came, what the parser read from it, and what became of it."""

from django.conf import settings
from django.db import models

from plans.models import Edition, Organization

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a long plan as .docx with images is a few MB


class PlanImport(models.Model):
    """One uploaded plan file (.docx or .txt), read in the background and written only on confirmation.

    The file's bytes and the parse result (``preview``) are kept here, so that the
    confirmation writes what the editor saw from the file the server holds; nothing the
    browser sends back is trusted but the decision itself.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", "รอคิวอ่านไฟล์"
        READING = "reading", "กำลังอ่านไฟล์"
        READY = "ready", "อ่านแล้ว รอยืนยัน"
        REFUSED = "refused", "อ่านไม่ได้"
        CONFIRMED = "confirmed", "บันทึกลงแผนแล้ว"

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="plan_imports",
        verbose_name="หน่วยงาน",
        help_text="ว่างไว้เมื่อผู้ดูแลระบบของผู้ให้บริการนำเข้าแผนของหน่วยงานตามชื่อในไฟล์ (สร้างใหม่ถ้ายังไม่มี)",
    )
    new_organization_slug = models.CharField(
        "ที่อยู่เว็บของหน่วยงานใหม่",
        max_length=40,
        blank=True,
        help_text="ใช้เมื่อไฟล์เป็นของหน่วยงานที่ยังไม่มีในระบบ ว่างไว้เพื่อใช้ที่อยู่ที่ระบบเสนอ",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="ผู้อัปโหลด",
    )
    source_name = models.CharField("ชื่อไฟล์", max_length=255)
    data = models.BinaryField("ไฟล์", editable=False)
    sha256 = models.CharField("SHA-256 ของไฟล์", max_length=64, editable=False)
    start_year = models.PositiveIntegerField(
        "ปีเริ่มต้นของแผน (พ.ศ.)", null=True, blank=True, help_text="ใส่เมื่อไฟล์ไม่ได้ระบุช่วงปีของแผนไว้"
    )
    end_year = models.PositiveIntegerField("ปีสิ้นสุดของแผน (พ.ศ.)", null=True, blank=True)
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.WAITING)
    progress = models.CharField("ความคืบหน้า", max_length=300, blank=True)
    error = models.TextField("เหตุที่อ่านไม่ได้", blank=True)
    preview = models.JSONField("ผลการอ่านไฟล์", default=dict, blank=True, editable=False)
    edition = models.ForeignKey(
        Edition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="แผนที่บันทึกลง",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้ยืนยัน",
    )
    created_at = models.DateTimeField("อัปโหลดเมื่อ", auto_now_add=True)
    updated_at = models.DateTimeField("ปรับปรุงเมื่อ", auto_now=True)

    class Meta:
        verbose_name = "การนำเข้าแผนจากไฟล์"
        verbose_name_plural = "การนำเข้าแผนจากไฟล์"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.source_name} ({self.get_status_display()})"

    @property
    def period(self) -> tuple[int, int] | None:
        if self.start_year and self.end_year:
            return self.start_year, self.end_year
        return None
