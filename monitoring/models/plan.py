from django.db import models
from django.db.models import F, Q

from plans.models import Edition, PlanContent, SampleFlag
from thaimuang_plan.lib.thai import THAI_MONTHS


class Committee(PlanContent, SampleFlag):
    """คณะกรรมการติดตามและประเมินผล for a term."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="committees", verbose_name="แผน"
    )
    name = models.CharField(
        "ชื่อคณะกรรมการ", max_length=300, default="คณะกรรมการติดตามและประเมินผลแผนแม่บทเทคโนโลยีสารสนเทศ"
    )
    appointed_by = models.CharField(
        "แต่งตั้งโดยคำสั่ง", max_length=300, blank=True, help_text="เช่น คำสั่ง อบต.ท้ายเหมือง ที่ ๑๒๓/๒๕๖๓"
    )
    appointed_on = models.DateField("วันที่แต่งตั้ง", null=True, blank=True)
    term_start = models.DateField("เริ่มวาระ", null=True, blank=True)
    term_end = models.DateField("สิ้นสุดวาระ", null=True, blank=True)

    class Meta:
        verbose_name = "คณะกรรมการติดตามและประเมินผล"
        verbose_name_plural = "คณะกรรมการติดตามและประเมินผล"
        ordering = ["edition", "-term_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_start__isnull=True)
                | Q(term_end__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="committee_term_in_order",
                violation_error_message="วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ",
            )
        ]

    def __str__(self):
        return self.name


class CommitteeMember(PlanContent):
    class Role(models.TextChoices):
        CHAIR = "chair", "ประธานกรรมการ"
        MEMBER = "member", "กรรมการ"
        SECRETARY = "secretary", "กรรมการและเลขานุการ"
        ASSISTANT_SECRETARY = "assistant_secretary", "กรรมการและผู้ช่วยเลขานุการ"

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="members", verbose_name="คณะกรรมการ"
    )
    name = models.CharField("ชื่อ-สกุล", max_length=200)
    position = models.CharField("ตำแหน่ง", max_length=300, blank=True)
    role = models.CharField("บทบาทในคณะกรรมการ", max_length=30, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "กรรมการ"
        verbose_name_plural = "กรรมการ"
        ordering = ["committee", "order"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


class EvaluationMethod(PlanContent, SampleFlag):
    """วิธีการติดตามและประเมินผล (section ๖.๒)."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="evaluation_methods", verbose_name="แผน"
    )
    number = models.CharField("เลขตามเอกสาร", max_length=20, blank=True)
    title = models.CharField("วิธีการ", max_length=300)
    text = models.TextField("รายละเอียด", blank=True)
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "วิธีการติดตามและประเมินผล"
        verbose_name_plural = "วิธีการติดตามและประเมินผล"
        ordering = ["edition", "order"]

    def __str__(self):
        return self.title


class ScheduleRound(PlanContent, SampleFlag):
    """A round of the evaluation schedule in a year (section ๖.๓), e.g. รอบ ๖ เดือน reported in April."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="schedule_rounds", verbose_name="แผน"
    )
    number = models.CharField("เลขตามเอกสาร", max_length=20, blank=True)
    name = models.CharField("ชื่อรอบ", max_length=200, help_text="เช่น รอบ ๖ เดือน")
    period_text = models.CharField("ช่วงเวลาที่ติดตาม", max_length=200, blank=True, help_text="เช่น ตุลาคม - มีนาคม")
    covers_months = models.PositiveSmallIntegerField(
        "จำนวนเดือนนับจากต้นปีงบประมาณ", default=12, help_text="๖ สำหรับรอบครึ่งปี ๑๒ สำหรับรอบทั้งปี"
    )
    report_month = models.PositiveSmallIntegerField("เดือนที่รายงาน (๑-๑๒)", help_text="เช่น ๔ = เมษายน")
    description = models.TextField("รายละเอียด", blank=True)
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "รอบการติดตามและประเมินผล"
        verbose_name_plural = "กำหนดรอบการติดตามและประเมินผล"
        ordering = ["edition", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(report_month__gte=1, report_month__lte=12),
                name="schedule_month_valid",
                violation_error_message="เดือนที่รายงานต้องอยู่ระหว่าง ๑ ถึง ๑๒",
            ),
            models.CheckConstraint(
                condition=Q(covers_months__gte=1, covers_months__lte=12),
                name="schedule_covers_valid",
                violation_error_message="จำนวนเดือนนับจากต้นปีงบประมาณต้องอยู่ระหว่าง ๑ ถึง ๑๒",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def report_month_name(self) -> str:
        return THAI_MONTHS[self.report_month - 1] if 1 <= self.report_month <= 12 else ""
