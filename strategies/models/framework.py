from django.db import models
from django.db.models import F, Q

from plans.models import Edition, PlanContent, SampleFlag
from thaimuang_plan.lib.formatting import period_label


class FrameworkQuerySet(models.QuerySet):
    def it_plan(self):
        return self.filter(kind=Framework.Kind.IT_PLAN)

    def higher(self):
        """The frameworks the IT plan aligns with (everything but the IT plan itself)."""
        return self.exclude(kind=Framework.Kind.IT_PLAN)


class Framework(PlanContent, SampleFlag):
    """A strategic framework the plan is built on, or the IT plan's own strategy.

    Gov 4.0, the DLA strategic plan and the local development plan are the
    higher frameworks; the IT plan itself (chapter ๔) is a framework of kind
    ``it_plan`` holding the plan's own vision, missions and strategies.
    """

    class Kind(models.TextChoices):
        GOV40 = "gov40", "ระบบราชการ ๔.๐"
        DLA = "dla", "แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น"
        LOCAL_DEV = "local_dev", "แผนพัฒนาท้องถิ่น"
        IT_PLAN = "it_plan", "แผนแม่บทเทคโนโลยีสารสนเทศ"
        OTHER = "other", "กรอบอื่น"

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="frameworks", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    name = models.CharField("ชื่อ", max_length=300)
    short_name = models.CharField("ชื่อย่อ", max_length=100, blank=True, help_text="ใช้ในเมนูและตาราง")
    slug = models.SlugField("ชื่อในที่อยู่เว็บ", max_length=50, help_text="ตัวอักษรอังกฤษ เช่น dla ใช้ในที่อยู่หน้าเว็บ")
    start_year = models.PositiveIntegerField("ปีเริ่มต้น (พ.ศ.)", null=True, blank=True)
    end_year = models.PositiveIntegerField("ปีสิ้นสุด (พ.ศ.)", null=True, blank=True)
    vision = models.TextField("วิสัยทัศน์", blank=True)
    values = models.TextField("ค่านิยมร่วม", blank=True)
    order = models.PositiveIntegerField("ลำดับ", default=0)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        verbose_name = "กรอบยุทธศาสตร์"
        verbose_name_plural = "กรอบยุทธศาสตร์"
        ordering = ["edition", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "slug"],
                name="framework_unique_slug",
                violation_error_message="แผนนี้มีกรอบยุทธศาสตร์ที่ใช้ชื่อในที่อยู่เว็บนี้แล้ว",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="framework_period_in_order",
                violation_error_message="ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น",
            ),
            models.CheckConstraint(
                condition=(Q(start_year__isnull=True) & Q(end_year__isnull=True))
                | (Q(start_year__isnull=False) & Q(end_year__isnull=False)),
                name="framework_period_both_or_neither",
                violation_error_message="กรอกทั้งปีเริ่มต้นและปีสิ้นสุด หรือเว้นว่างทั้งสองช่อง",
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    @property
    def period_label(self) -> str:
        return period_label(self.start_year, self.end_year)

    @property
    def years(self) -> list[int]:
        if self.start_year is None:
            return []
        return list(range(self.start_year, self.end_year + 1))


class FrameworkPoint(PlanContent):
    """A numbered statement of a framework: a mission, a principle, a success factor, a strength."""

    class Kind(models.TextChoices):
        MISSION = "mission", "พันธกิจ"
        PRINCIPLE = "principle", "หลักการ"
        SUCCESS_FACTOR = "success_factor", "ปัจจัยแห่งความสำเร็จ"
        POSITIONING = "positioning", "จุดยืนทางยุทธศาสตร์ (จุดเด่น/จุดแข็ง)"
        VALUE = "value", "ค่านิยม"

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="points", verbose_name="กรอบยุทธศาสตร์"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    number = models.CharField("เลขตามเอกสาร", max_length=20, blank=True, help_text="เช่น (๑) หรือ ๑. หรือ ๒.๑")
    title = models.CharField("หัวข้อ", max_length=500, blank=True, help_text="ชื่อสั้นของข้อ ถ้ามี")
    text = models.TextField("ข้อความ", blank=True)
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ข้อของกรอบยุทธศาสตร์"
        verbose_name_plural = "ข้อของกรอบยุทธศาสตร์ (พันธกิจ หลักการ ปัจจัย จุดยืน)"
        ordering = ["framework", "kind", "order"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number} {self.title or self.text[:50]}".strip()
