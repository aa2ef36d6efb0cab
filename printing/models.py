"""Rendered documents: the file of each printable document's latest content version.

Domain-free: a document is a key ("plan:12:public") that the layer above chooses,
a content version it raises on every edit, and a builder (printing.documents)
that turns the key into HTML. One row per document.
"""

from __future__ import annotations

from django.db import models


class RenderedDocument(models.Model):
    class State(models.TextChoices):
        READY = "ready", "พร้อมดาวน์โหลด"
        PENDING = "pending", "กำลังจัดเตรียม"
        FAILED = "failed", "สร้างไม่สำเร็จ"

    key = models.CharField("รหัสเอกสาร", max_length=200, unique=True)
    title = models.CharField("เอกสาร", max_length=300, blank=True)
    # The version the layer above last asked for; a task renders only if its
    # version is still this one, so a burst of saves ends in one render.
    wanted_version = models.PositiveBigIntegerField("รุ่นเนื้อหาล่าสุด", default=0)
    wanted_at = models.DateTimeField("ขอสร้างล่าสุดเมื่อ", null=True, blank=True)
    # "version|renderer" of the last task enqueued, so asking again enqueues nothing.
    scheduled_token = models.CharField(max_length=300, blank=True, editable=False)
    scheduled_at = models.DateTimeField(null=True, blank=True, editable=False)
    # "version|renderer" of the render in progress; the claim is the lock that
    # makes one render per version however many workers (or requests) ask.
    claim_token = models.CharField(max_length=300, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The stored file (the latest that rendered), possibly of an older version.
    file_name = models.CharField("ไฟล์", max_length=300, blank=True)
    ready_version = models.PositiveBigIntegerField("รุ่นเนื้อหาของไฟล์", null=True, blank=True)
    ready_token = models.CharField(max_length=300, blank=True, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.PositiveBigIntegerField("ขนาด (ไบต์)", null=True, blank=True)
    rendered_at = models.DateTimeField("สร้างเมื่อ", null=True, blank=True)
    render_seconds = models.FloatField("เวลาที่ใช้ (วินาที)", null=True, blank=True)
    peak_memory = models.PositiveBigIntegerField("หน่วยความจำสูงสุด (ไบต์)", null=True, blank=True)

    failed_token = models.CharField(max_length=300, blank=True, editable=False)
    failed_at = models.DateTimeField("ล้มเหลวเมื่อ", null=True, blank=True)
    error = models.TextField("ข้อผิดพลาดล่าสุด", blank=True)

    class Meta:
        verbose_name = "PDF ที่สร้างไว้"
        verbose_name_plural = "PDF ที่สร้างไว้"
        ordering = ["key"]

    def __str__(self):
        return self.title or self.key

    def state(self, token: str) -> State:
        if self.ready_token == token and self.file_name:
            return self.State.READY
        if self.failed_token == token:
            return self.State.FAILED
        return self.State.PENDING
