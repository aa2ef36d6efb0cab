from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from plans.models import PlanContent, parent_of

from .hierarchy import PlacedInFramework

TARGET_YEAR_OUTSIDE_PERIOD = "ปี {year} อยู่นอกช่วงปีของกรอบยุทธศาสตร์ ({start}-{end})"


class Indicator(PlacedInFramework):
    """ตัวชี้วัด with a target per BE year and a total, as in the plan's tables."""

    class TotalRule(models.TextChoices):
        SUM = "sum", "รวมทุกปี (เช่น จำนวนครั้ง จำนวนแห่ง)"
        LAST = "last", "ค่าของปีสุดท้าย (เช่น ร้อยละความพึงพอใจ)"
        NONE = "none", "ไม่ตรวจผลรวม"

    number = models.CharField("เลขตามเอกสาร", max_length=20, blank=True, help_text="เช่น ๑๒)")
    name = models.TextField("ตัวชี้วัด")
    unit = models.CharField("หน่วยนับ", max_length=50, blank=True, help_text="เช่น ครั้ง แห่ง หมู่ %")
    total_text = models.CharField("ค่าเป้าหมายรวม (ตามที่พิมพ์)", max_length=50, blank=True, help_text="เช่น ๕ ครั้ง")
    total_value = models.DecimalField(
        "ค่าเป้าหมายรวม (ตัวเลข)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    total_rule = models.CharField(
        "วิธีคิดค่ารวม",
        max_length=10,
        choices=TotalRule.choices,
        default=TotalRule.SUM,
        help_text="ระบบใช้ตรวจว่าค่ารวมตรงกับค่ารายปีหรือไม่",
    )
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta(PlacedInFramework.Meta):
        verbose_name = "ตัวชี้วัด"
        verbose_name_plural = "ตัวชี้วัด"
        ordering = ["framework", "order"]

    def __str__(self):
        return f"{self.number} {self.name[:80]}".strip()

    def expected_total(self, targets=None) -> Decimal | None:
        """The total the yearly targets imply under ``total_rule`` (None when it cannot be said).

        Pass ``targets`` when they are already loaded; otherwise this runs a query.
        """
        targets = list(self.targets.all()) if targets is None else list(targets)
        values = [t.value for t in sorted(targets, key=lambda t: t.year) if t.value is not None]
        if not values or self.total_rule == self.TotalRule.NONE:
            return None
        if self.total_rule == self.TotalRule.LAST:
            return values[-1]
        return sum(values, Decimal(0))

    def total_matches(self, targets=None) -> bool | None:
        expected = self.expected_total(targets)
        if expected is None or self.total_value is None:
            return None
        return expected == self.total_value


class IndicatorTarget(PlanContent):
    """The target of one indicator for one BE year, as printed ("๑ แห่ง", "๘๐ %", "-")."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name="ตัวชี้วัด"
    )
    year = models.PositiveIntegerField("ปี (พ.ศ.)")
    text = models.CharField(
        "ค่าเป้าหมาย (ตามที่พิมพ์)", max_length=50, blank=True, help_text="เช่น ๑ ครั้ง หรือ - เมื่อไม่มีเป้าหมาย"
    )
    value = models.DecimalField(
        "ค่าเป้าหมาย (ตัวเลข)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="เว้นว่างเมื่อปีนั้นไม่มีเป้าหมาย (พิมพ์ว่า - ในเอกสาร)",
    )

    class Meta:
        verbose_name = "ค่าเป้าหมายรายปี"
        verbose_name_plural = "ค่าเป้าหมายรายปี"
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="target_one_per_indicator_year",
                violation_error_message="ตัวชี้วัดนี้มีค่าเป้าหมายของปีนี้อยู่แล้ว",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2400, year__lte=2700),
                name="target_year_is_be",
                violation_error_message="ปีต้องเป็นปีพุทธศักราช (๒๔๐๐-๒๗๐๐)",
            ),
            # The year must also lie inside the framework's period: a trigger
            # enforces that (migration 0002), since a check cannot look across tables.
        ]

    def __str__(self):
        return f"{self.year}: {self.text}"

    def clean(self):
        indicator = parent_of(self, "indicator")
        framework = indicator.framework if indicator is not None and indicator.framework_id else None
        if (
            framework
            and framework.start_year
            and self.year is not None
            and not framework.start_year <= self.year <= framework.end_year
        ):
            raise ValidationError(
                {
                    "year": TARGET_YEAR_OUTSIDE_PERIOD.format(
                        year=self.year, start=framework.start_year, end=framework.end_year
                    )
                }
            )
