from django.conf import settings
from django.db import models

from .base import SampleFlag
from .edition import Edition


class ImportFlag(SampleFlag):
    """Something the importer could not place, or that looks wrong in the source.

    Flags stay with the edition until an editor marks them handled, so that
    problems in the source are seen in the admin, not only on the console.
    """

    class Kind(models.TextChoices):
        UNPLACED = "unplaced", "ข้อความที่จัดเข้าที่ไม่ได้"
        DUPLICATE_NUMBER = "duplicate_number", "เลขซ้ำ"
        NUMBERING_GAP = "numbering_gap", "ลำดับเลขขาดหรือเริ่มไม่ตรง"
        FOREIGN_NAME = "foreign_name", "ชื่อหน่วยงานอื่นปรากฏในแผน"
        TOTAL_MISMATCH = "total_mismatch", "ผลรวมไม่ตรงกับรายปี"
        TITLE_MISMATCH = "title_mismatch", "ชื่อไม่ตรงกันระหว่างสองที่"
        CONTINUATION = "continuation", "ข้อความต่อจากย่อหน้าก่อน"
        MISSING = "missing", "เนื้อหาที่สารบัญระบุแต่ไม่พบ"
        OTHER = "other", "อื่น ๆ"

    class Severity(models.TextChoices):
        INFO = "info", "แจ้งเพื่อทราบ"
        WARNING = "warning", "ควรตรวจสอบ"

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="import_flags", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=30, choices=Kind.choices)
    severity = models.CharField("ความสำคัญ", max_length=10, choices=Severity.choices, default=Severity.WARNING)
    line = models.PositiveIntegerField("บรรทัด", null=True, blank=True, help_text="บรรทัดในไฟล์ต้นฉบับ")
    source_text = models.TextField("ข้อความในต้นฉบับ", blank=True)
    message = models.TextField("คำอธิบาย")
    created_at = models.DateTimeField("พบเมื่อ", auto_now_add=True)
    resolved = models.BooleanField("ตรวจสอบแล้ว", default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ตรวจสอบโดย",
    )
    resolved_note = models.TextField("บันทึกการตรวจสอบ", blank=True)

    class Meta:
        verbose_name = "ข้อสังเกตจากการนำเข้า"
        verbose_name_plural = "ข้อสังเกตจากการนำเข้า"
        ordering = ["edition", "line", "pk"]

    def __str__(self):
        where = f"บรรทัด {self.line}: " if self.line else ""
        return f"{where}{self.get_kind_display()}"
