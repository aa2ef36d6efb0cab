from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from plans.models import PlanContent
from thaimuang_plan.lib.formatting import strategy_label

from .framework import Framework


def strategy_anchor(number: int, repeat: int = 1) -> str:
    """#strategy-2 from the printed number, so reordering strategies moves no link; a number
    printed twice (the DLA plan's ยุทธศาสตร์ที่ ๓) gets #strategy-3-2 for its repeat."""
    return f"strategy-{number}" if repeat == 1 else f"strategy-{number}-{repeat}"


class Strategy(PlanContent):
    """ยุทธศาสตร์: the top of a framework's strategy -> goal -> tactic hierarchy."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="strategies", verbose_name="กรอบยุทธศาสตร์"
    )
    number = models.PositiveIntegerField("เลขที่", help_text="เลขยุทธศาสตร์ พิมพ์เลขไทยหรือเลขอารบิกก็ได้")
    title = models.TextField("ชื่อยุทธศาสตร์")
    heading_in_detail = models.TextField(
        "ชื่อตามที่พิมพ์ในส่วนรายละเอียด",
        blank=True,
        help_text="เว้นว่างเมื่อเหมือนชื่อยุทธศาสตร์ กรอกเมื่อเอกสารพิมพ์ชื่อในส่วนรายละเอียดต่างไปจากรายการ",
    )
    description = models.TextField("คำอธิบาย", blank=True)
    order = models.PositiveIntegerField("ลำดับ", default=0)
    aligns_with = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="supported_by",
        verbose_name="สอดคล้องกับยุทธศาสตร์ของกรอบที่สูงกว่า",
        help_text="สำหรับยุทธศาสตร์ของแผนแม่บทไอที: เลือกยุทธศาสตร์ของกรอบอื่นที่ยุทธศาสตร์นี้สนับสนุน",
    )

    class Meta:
        verbose_name = "ยุทธศาสตร์"
        verbose_name_plural = "ยุทธศาสตร์"
        ordering = ["framework", "order", "number"]
        # Numbers are not unique: the source lists ยุทธศาสตร์ที่ ๓ twice, and the
        # portal keeps what the document says and flags it for the editors.

    def __str__(self):
        return f"{strategy_label(self.number)} {self.title[:80]}"

    @property
    def anchor(self) -> str:
        """The fragment of this strategy on its framework's page (see ``strategy_anchor``)."""
        return strategy_anchor(self.number)


class Goal(PlanContent):
    """เป้าประสงค์ of a strategy."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="goals", verbose_name="ยุทธศาสตร์"
    )
    number = models.CharField("เลขตามเอกสาร", max_length=20, blank=True, help_text="เช่น (๑)")
    text = models.TextField("เป้าประสงค์")
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "เป้าประสงค์"
        verbose_name_plural = "เป้าประสงค์"
        ordering = ["strategy", "order"]

    def __str__(self):
        return f"{self.number} {self.text[:80]}".strip()


class PlacedInFramework(PlanContent):
    """Something that hangs under a goal, directly under a strategy, or only under the framework.

    Tactics and indicators are placed this way: the DLA plan lists tactics per
    strategy, the local development plan lists tactics and indicators for the
    whole plan, so all three levels are allowed.
    """

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="%(class)ss", verbose_name="กรอบยุทธศาสตร์"
    )
    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name="ยุทธศาสตร์",
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name="เป้าประสงค์",
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(goal__isnull=True) | Q(strategy__isnull=False),
                name="%(class)s_goal_needs_strategy",
                violation_error_message="เลือกยุทธศาสตร์ก่อนเลือกเป้าประสงค์",
            ),
        ]

    def clean(self):
        if self.goal_id and self.strategy_id and self.goal.strategy_id != self.strategy_id:
            raise ValidationError({"goal": "เป้าประสงค์ที่เลือกไม่ได้อยู่ในยุทธศาสตร์นี้"})
        if self.strategy_id and self.framework_id and self.strategy.framework_id != self.framework_id:
            raise ValidationError({"strategy": "ยุทธศาสตร์ที่เลือกอยู่ในกรอบยุทธศาสตร์อื่น"})


class Tactic(PlacedInFramework):
    """กลยุทธ์."""

    number = models.CharField("เลขตามเอกสาร", max_length=20, blank=True)
    text = models.TextField("กลยุทธ์")
    order = models.PositiveIntegerField("ลำดับ", default=0)
    aligns_with = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="supported_by",
        verbose_name="สอดคล้องกับกลยุทธ์ของกรอบที่สูงกว่า",
    )

    class Meta(PlacedInFramework.Meta):
        verbose_name = "กลยุทธ์"
        verbose_name_plural = "กลยุทธ์"
        ordering = ["framework", "order"]

    def __str__(self):
        return f"{self.number} {self.text[:80]}".strip()
