from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum

from plans.models import Edition, Organization, PlanContent, SampleFlag, parent_of
from thaimuang_plan.lib.formatting import project_label

BUDGET_YEAR_OUTSIDE_PLAN = "ปีงบประมาณ {year} อยู่นอกช่วงปีของแผน ({start}-{end})"
PROJECT_STRATEGY_NOT_IT_PLAN = (
    "ยุทธศาสตร์ด้านไอทีต้องเป็นยุทธศาสตร์ของแผนแม่บทไอทีฉบับเดียวกับโครงการนี้ "
    "(ยุทธศาสตร์ที่เลือกเป็นของ “{framework}”)"
)
PROJECT_STRATEGY_CHOICE = "เลือกได้เฉพาะยุทธศาสตร์ของแผนแม่บทไอทีของแผนฉบับนี้ (รายการจัดกลุ่มตามแผน)"
PROJECT_TACTIC_CHOICE = "เลือกได้เฉพาะกลยุทธ์ของแผนแม่บทไอที ภายใต้ยุทธศาสตร์ที่เลือก"
PROJECT_TACTIC_NEEDS_STRATEGY = "เลือกยุทธศาสตร์ด้านไอทีก่อนเลือกกลยุทธ์"
PROJECT_TACTIC_OTHER_STRATEGY = "กลยุทธ์ที่เลือกไม่ได้อยู่ในยุทธศาสตร์ของโครงการนี้"


class Unit(PlanContent, SampleFlag):
    """A responsible unit of the organization: สำนักปลัด, กองคลัง, กองช่าง, ..."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="units", verbose_name="หน่วยงาน"
    )
    name = models.CharField("ชื่อส่วนราชการ", max_length=200)
    order = models.PositiveIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ส่วนราชการที่รับผิดชอบ"
        verbose_name_plural = "ส่วนราชการที่รับผิดชอบ"
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="unit_unique_name",
                violation_error_message="มีส่วนราชการชื่อนี้อยู่แล้ว",
            )
        ]

    def __str__(self):
        return self.name


class ProjectQuerySet(models.QuerySet):
    def for_fiscal_year(self, year: int):
        """Projects with a budget line in the given BE fiscal year."""
        return self.filter(budgets__fiscal_year=year).distinct()

    def with_total_budget(self):
        return self.annotate(total_budget=Sum("budgets__amount"))


class Project(PlanContent, SampleFlag):
    """A project in the inventory of chapter ๕ (บัญชีโครงการพัฒนา)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "ยังไม่เริ่ม"
        IN_PROGRESS = "in_progress", "กำลังดำเนินการ"
        DONE = "done", "ดำเนินการแล้วเสร็จ"
        POSTPONED = "postponed", "เลื่อนออกไป"
        CANCELLED = "cancelled", "ยกเลิก"

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="projects", verbose_name="แผน"
    )
    number = models.PositiveIntegerField("โครงการที่", help_text="ลำดับโครงการตามเอกสาร")
    code = models.CharField("รหัสโครงการ", max_length=30, blank=True, help_text="ถ้ามี เช่น IT-01")
    name = models.CharField("ชื่อโครงการ", max_length=500)
    strategy = models.ForeignKey(
        "strategies.Strategy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name="ยุทธศาสตร์ด้านไอที",
        help_text="ยุทธศาสตร์ของแผนแม่บทไอทีที่โครงการนี้สนับสนุน",
    )
    tactic = models.ForeignKey(
        "strategies.Tactic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name="กลยุทธ์",
    )
    rationale = models.TextField("หลักการและเหตุผล", blank=True)
    objectives = models.TextField("วัตถุประสงค์", blank=True, help_text="ข้อละบรรทัด")
    targets = models.TextField("เป้าหมาย (ผลผลิตของโครงการ)", blank=True, help_text="ข้อละบรรทัด")
    method = models.TextField("วิธีดำเนินการ", blank=True)
    duration = models.CharField("ระยะเวลาดำเนินการ", max_length=200, blank=True)
    kpi = models.TextField("ตัวชี้วัด (KPI)", blank=True)
    outcomes = models.TextField("ผลที่คาดว่าจะได้รับ", blank=True)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name="หน่วยงานรับผิดชอบ",
    )
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.PLANNED)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = "โครงการ"
        verbose_name_plural = "โครงการ"
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "number"],
                name="project_unique_number",
                violation_error_message="แผนนี้มีโครงการเลขนี้อยู่แล้ว",
            ),
        ]
        indexes = [
            # The public inventory filters an edition's projects by strategy.
            models.Index(fields=["edition", "strategy"], name="project_edition_strategy"),
        ]

    def __str__(self):
        return f"{project_label(self.number)} {self.name}"

    def clean(self):
        errors = {}
        strategy = parent_of(self, "strategy")
        if strategy is not None:
            framework = strategy.framework
            if framework.kind != framework.Kind.IT_PLAN or (self.edition_id and framework.edition_id != self.edition_id):
                errors["strategy"] = PROJECT_STRATEGY_NOT_IT_PLAN.format(framework=framework)
        tactic = parent_of(self, "tactic")
        if tactic is not None:
            if strategy is None:
                errors["tactic"] = PROJECT_TACTIC_NEEDS_STRATEGY
            elif tactic.strategy_id not in (None, strategy.pk) or tactic.framework_id != strategy.framework_id:
                errors["tactic"] = PROJECT_TACTIC_OTHER_STRATEGY
        if errors:
            raise ValidationError(errors)


class ProjectBudget(PlanContent):
    """The budget of a project for one BE fiscal year, in baht."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="budgets", verbose_name="โครงการ"
    )
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ (พ.ศ.)")
    amount = models.DecimalField("งบประมาณ (บาท)", max_digits=14, decimal_places=2)
    source = models.CharField(
        "แหล่งงบประมาณ",
        max_length=200,
        blank=True,
        default="งบประมาณ อบต.",
        help_text="เช่น งบประมาณ อบต. หรือ เงินอุดหนุน",
    )

    class Meta:
        verbose_name = "งบประมาณรายปี"
        verbose_name_plural = "งบประมาณรายปี"
        ordering = ["project", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fiscal_year"],
                name="budget_one_per_project_year",
                violation_error_message="โครงการนี้มีงบประมาณของปีนี้อยู่แล้ว แก้ไขแถวเดิมแทน",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budget_not_negative",
                violation_error_message="งบประมาณต้องไม่ติดลบ",
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=2400, fiscal_year__lte=2700),
                name="budget_year_is_be",
                violation_error_message="ปีงบประมาณต้องเป็นปีพุทธศักราช (๒๔๐๐-๒๗๐๐)",
            ),
        ]

    def __str__(self):
        return f"{self.fiscal_year}: {self.amount}"

    def clean(self):
        project = parent_of(self, "project")
        edition = project.edition if project is not None and project.edition_id else None
        if edition and self.fiscal_year is not None and not edition.start_year <= self.fiscal_year <= edition.end_year:
            raise ValidationError(
                {
                    "fiscal_year": BUDGET_YEAR_OUTSIDE_PLAN.format(
                        year=self.fiscal_year, start=edition.start_year, end=edition.end_year
                    )
                }
            )
