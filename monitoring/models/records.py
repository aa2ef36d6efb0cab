"""What the monitoring committee records: rounds, progress per project, indicator results, findings.

These are the committee's records, not plan content: the committee role writes
them and the working group only reads them (plans/roles.py, MONITORING_RECORDS).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from plans.models import Edition, PlanContent, SampleFlag, parent_of
from thaimuang_plan.lib.thai import MAX_BE_YEAR, MIN_BE_YEAR, fiscal_year_bounds, format_year

from .plan import ScheduleRound

# Regulations for announcing results: within 15 days of the report, kept up at least 30 days.
ANNOUNCE_WITHIN_DAYS = 15
KEEP_UP_DAYS = 30

ROUND_YEAR_OUTSIDE_PLAN = "ปีงบประมาณ {year} อยู่นอกช่วงปีของแผน ({start}-{end})"
ROUND_SCHEDULE_OTHER_EDITION = "รอบตามกำหนดที่เลือกเป็นของแผนฉบับอื่น"
ROUND_PERIOD_OUTSIDE_YEAR = "ช่วงเวลาที่ติดตามต้องอยู่ในปีงบประมาณ {year}"
PROGRESS_PROJECT_OTHER_EDITION = "โครงการนี้อยู่ในแผนฉบับอื่น ไม่ใช่แผนของรอบการติดตามนี้"
PROGRESS_DONE_NEEDS_100 = "โครงการที่ดำเนินการแล้วเสร็จต้องมีความก้าวหน้าร้อยละ ๑๐๐"
PROGRESS_NOT_STARTED_NEEDS_0 = "โครงการที่ยังไม่เริ่มต้องมีความก้าวหน้าร้อยละ ๐"
RESULT_YEAR_OUTSIDE_PLAN = "ปีงบประมาณ {year} อยู่นอกช่วงปีของแผน ({start}-{end}) บันทึกผลได้เฉพาะปีของแผน"
YEAR_NOT_BE = "ปีงบประมาณต้องเป็นปีพุทธศักราช (๒๔๐๐-๒๗๐๐) เช่น ๒๕๖๔"


class EvaluationRoundQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def for_fiscal_year(self, year: int):
        return self.filter(fiscal_year=year)


class EvaluationRound(PlanContent, SampleFlag):
    """One round of monitoring in a fiscal year, e.g. the six-month round of ๒๕๖๔.

    Residents see a round's results only once the committee publishes it
    (``published_at`` set by ``monitoring.services.round_publish``).
    """

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="evaluation_rounds", verbose_name="แผน"
    )
    schedule_round = models.ForeignKey(
        ScheduleRound,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_rounds",
        verbose_name="รอบตามกำหนดของแผน",
        help_text="รอบในหัวข้อกำหนดเวลาการติดตามของแผน เช่น รอบ ๖ เดือน",
    )
    name = models.CharField("ชื่อรอบ", max_length=200, help_text="เช่น รอบ ๖ เดือน (ตุลาคม ๒๕๖๓ - มีนาคม ๒๕๖๔)")
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ (พ.ศ.)", help_text="ปีงบประมาณที่ติดตาม เช่น ๒๕๖๔")
    period_start = models.DateField("ติดตามผลตั้งแต่วันที่")
    period_end = models.DateField("ถึงวันที่")
    report_date = models.DateField(
        "วันที่รายงานผล",
        help_text="วันที่คณะกรรมการรายงานผลต่อผู้บริหาร ต้องประกาศผลให้ประชาชนทราบภายใน ๑๕ วันนับจากวันนี้",
    )
    published_at = models.DateTimeField(
        "ประกาศผลเมื่อ",
        null=True,
        blank=True,
        editable=False,
        help_text="ระบบบันทึกเมื่อคณะกรรมการกดเผยแพร่ผล ก่อนหน้านั้นประชาชนจะไม่เห็นผลของรอบนี้",
    )

    objects = EvaluationRoundQuerySet.as_manager()

    class Meta:
        verbose_name = "รอบการติดตามผล"
        verbose_name_plural = "รอบการติดตามผล"
        ordering = ["edition", "-fiscal_year", "-period_end"]
        permissions = [
            ("publish_evaluationround", "เผยแพร่ผลการติดตามให้ประชาชนทราบ"),
            ("export_report", "ส่งออกรายงานการติดตามประจำปี (PDF)"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "fiscal_year", "name"],
                name="round_unique_name_per_year",
                violation_error_message="แผนนี้มีรอบการติดตามชื่อนี้ในปีงบประมาณนี้อยู่แล้ว ตั้งชื่อรอบให้ต่างกัน",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="round_period_in_order",
                violation_error_message="“ถึงวันที่” ต้องไม่ก่อน “ติดตามผลตั้งแต่วันที่”",
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=MIN_BE_YEAR, fiscal_year__lte=MAX_BE_YEAR),
                name="round_year_is_be",
                violation_error_message=YEAR_NOT_BE,
            ),
        ]
        indexes = [
            # The public pages list an edition's published rounds, newest first.
            models.Index(fields=["edition", "published_at"], name="round_edition_published"),
        ]

    def __str__(self):
        return f"{self.name} ปีงบประมาณ {format_year(self.fiscal_year)}"

    def clean(self):
        errors = {}
        edition = self.edition if self.edition_id else None
        if edition and self.fiscal_year and not edition.start_year <= self.fiscal_year <= edition.end_year:
            errors["fiscal_year"] = ROUND_YEAR_OUTSIDE_PLAN.format(
                year=self.fiscal_year, start=edition.start_year, end=edition.end_year
            )
        if self.schedule_round_id and edition and self.schedule_round.edition_id != edition.pk:
            errors["schedule_round"] = ROUND_SCHEDULE_OTHER_EDITION
        if self.fiscal_year and self.period_start and self.period_end and "fiscal_year" not in errors:
            first, last = fiscal_year_bounds(self.fiscal_year)
            if not (first <= self.period_start and self.period_end <= last):
                errors["period_end"] = ROUND_PERIOD_OUTSIDE_YEAR.format(year=format_year(self.fiscal_year))
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def published_on(self) -> dt.date | None:
        """The local date the results went public."""
        if self.published_at is None:
            return None
        return timezone.localtime(self.published_at).date()

    @property
    def announce_by(self) -> dt.date:
        """The last day the results may be announced on (report date + 15 days)."""
        return self.report_date + dt.timedelta(days=ANNOUNCE_WITHIN_DAYS)

    @property
    def keep_up_until(self) -> dt.date | None:
        """The earliest day the announcement may come down (published + 30 days)."""
        if self.published_on is None:
            return None
        return self.published_on + dt.timedelta(days=KEEP_UP_DAYS)

    def is_announcement_late_on(self, today: dt.date) -> bool:
        """Published after ``announce_by``, or still unpublished when ``today`` is past it."""
        announced = self.published_on
        if announced is None:
            return today > self.announce_by
        return announced > self.announce_by

    @property
    def is_announcement_late(self) -> bool:
        return self.is_announcement_late_on(timezone.localdate())

    @property
    def days_late(self) -> int:
        announced = self.published_on or timezone.localdate()
        return max(0, (announced - self.announce_by).days)


class ProjectProgress(PlanContent):
    """The progress of one project in one round, as the committee found it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "ยังไม่เริ่ม"
        IN_PROGRESS = "in_progress", "กำลังดำเนินการ"
        DONE = "done", "ดำเนินการแล้วเสร็จ"
        POSTPONED = "postponed", "เลื่อนออกไป"
        CANCELLED = "cancelled", "ยกเลิก"

    round = models.ForeignKey(
        EvaluationRound, on_delete=models.CASCADE, related_name="progress", verbose_name="รอบ"
    )
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="progress", verbose_name="โครงการ"
    )
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    percent_done = models.PositiveSmallIntegerField(
        "ความก้าวหน้า (ร้อยละ)", default=0, help_text="ร้อยละของงานที่ทำเสร็จแล้ว ๐ ถึง ๑๐๐"
    )
    budget_spent = models.DecimalField(
        "ใช้งบประมาณไปแล้ว (บาท)",
        max_digits=14,
        decimal_places=2,
        default=0,
        help_text="ยอดเบิกจ่ายสะสมตั้งแต่ต้นปีงบประมาณถึงวันสิ้นสุดรอบ พิมพ์เลขไทยหรือเลขอารบิกก็ได้",
    )
    outputs = models.TextField(
        "ผลผลิตที่ได้", blank=True, help_text="ผลที่ได้เทียบกับเป้าหมาย (ผลผลิต) ของโครงการ ข้อละบรรทัด"
    )
    problems = models.TextField("ปัญหาและอุปสรรค", blank=True)
    next_steps = models.TextField("แนวทางดำเนินการต่อไป", blank=True)
    overspend_reason = models.TextField(
        "เหตุผลที่ใช้งบเกินแผน",
        blank=True,
        help_text="กรอกเมื่อใช้งบประมาณมากกว่างบตามแผนของปีนั้น ระบบเตือนแต่ไม่ห้ามบันทึก",
    )

    class Meta:
        verbose_name = "ผลการดำเนินงานรายโครงการ"
        verbose_name_plural = "ผลการดำเนินงานรายโครงการ"
        ordering = ["round", "project__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "project"],
                name="progress_one_per_round_project",
                violation_error_message="รอบนี้มีผลการดำเนินงานของโครงการนี้อยู่แล้ว แก้ไขรายการเดิมแทน",
            ),
            models.CheckConstraint(
                condition=Q(percent_done__lte=100),
                name="progress_percent_at_most_100",
                violation_error_message="ความก้าวหน้า (ร้อยละ) ต้องไม่เกิน ๑๐๐",
            ),
            models.CheckConstraint(
                condition=Q(budget_spent__gte=0),
                name="progress_spent_not_negative",
                violation_error_message="ใช้งบประมาณไปแล้ว (บาท) ต้องไม่ติดลบ",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(percent_done=100),
                name="progress_done_is_100",
                violation_error_message=PROGRESS_DONE_NEEDS_100,
            ),
            models.CheckConstraint(
                condition=~Q(status="not_started") | Q(percent_done=0),
                name="progress_not_started_is_0",
                violation_error_message=PROGRESS_NOT_STARTED_NEEDS_0,
            ),
        ]

    def __str__(self):
        return f"{self.project} — {self.get_status_display()}"

    def clean(self):
        errors = {}
        if self.round_id and self.project_id and self.project.edition_id != self.round.edition_id:
            errors["project"] = PROGRESS_PROJECT_OTHER_EDITION
        if self.percent_done is not None:
            if self.status == self.Status.DONE and self.percent_done != 100:
                errors["percent_done"] = PROGRESS_DONE_NEEDS_100
            elif self.status == self.Status.NOT_STARTED and self.percent_done != 0:
                errors["percent_done"] = PROGRESS_NOT_STARTED_NEEDS_0
        if errors:
            raise ValidationError(errors)


class IndicatorResult(PlanContent, SampleFlag):
    """The actual value of an indicator in one fiscal year, next to its target."""

    indicator = models.ForeignKey(
        "strategies.Indicator", on_delete=models.CASCADE, related_name="results", verbose_name="ตัวชี้วัด"
    )
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ (พ.ศ.)")
    actual_value = models.DecimalField(
        "ผลที่ได้ (ตัวเลข)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="ใช้เทียบกับค่าเป้าหมาย เว้นว่างเมื่อยังวัดผลไม่ได้",
    )
    actual_text = models.CharField(
        "ผลที่ได้ (ตามที่รายงาน)", max_length=100, blank=True, help_text="ตามที่เขียนในรายงาน เช่น ๒ ครั้ง หรือ ๘๕ %"
    )
    note = models.TextField("หมายเหตุ", blank=True)

    class Meta:
        verbose_name = "ผลตามตัวชี้วัด"
        verbose_name_plural = "ผลตามตัวชี้วัด"
        ordering = ["indicator", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "fiscal_year"],
                name="result_one_per_indicator_year",
                violation_error_message="ตัวชี้วัดนี้มีผลของปีงบประมาณนี้อยู่แล้ว แก้ไขรายการเดิมแทน",
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=MIN_BE_YEAR, fiscal_year__lte=MAX_BE_YEAR),
                name="result_year_is_be",
                violation_error_message=YEAR_NOT_BE,
            ),
        ]

    def clean(self):
        indicator = parent_of(self, "indicator")
        edition = indicator.framework.edition if indicator is not None else None
        if edition and self.fiscal_year and not edition.start_year <= self.fiscal_year <= edition.end_year:
            raise ValidationError(
                {
                    "fiscal_year": RESULT_YEAR_OUTSIDE_PLAN.format(
                        year=format_year(self.fiscal_year),
                        start=format_year(edition.start_year),
                        end=format_year(edition.end_year),
                    )
                }
            )

    def __str__(self):
        return f"{self.indicator} ปี {format_year(self.fiscal_year)}: {self.actual_text or self.actual_value}"


class RoundFinding(PlanContent):
    """A finding or a recommendation of the committee for a round."""

    class Kind(models.TextChoices):
        FINDING = "finding", "ข้อค้นพบ"
        RECOMMENDATION = "recommendation", "ข้อเสนอแนะ"

    round = models.ForeignKey(
        EvaluationRound, on_delete=models.CASCADE, related_name="findings", verbose_name="รอบ"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices, default=Kind.FINDING)
    text = models.TextField("ข้อความ")
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ข้อค้นพบและข้อเสนอแนะ"
        verbose_name_plural = "ข้อค้นพบและข้อเสนอแนะ"
        ordering = ["round", "kind", "order"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
