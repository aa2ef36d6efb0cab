from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from thaimuang_plan.lib.thai import MAX_BE_YEAR, MIN_BE_YEAR, format_year_range

from .base import PlanContent


class Organization(PlanContent):
    """The local government that owns the plans (one per portal)."""

    name = models.CharField("ชื่อหน่วยงาน", max_length=200, help_text="ชื่อเต็ม เช่น องค์การบริหารส่วนตำบลท้ายเหมือง")
    short_name = models.CharField("ชื่อย่อ", max_length=100, blank=True, help_text="เช่น อบต.ท้ายเหมือง")
    subdistrict = models.CharField("ตำบล", max_length=100, blank=True)
    district = models.CharField("อำเภอ", max_length=100, blank=True)
    province = models.CharField("จังหวัด", max_length=100, blank=True)
    address = models.TextField("ที่อยู่", blank=True)
    phone = models.CharField("โทรศัพท์", max_length=100, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    website = models.URLField("เว็บไซต์", blank=True)
    logo = models.ImageField("ตราสัญลักษณ์", upload_to="logos/", blank=True)

    class Meta:
        verbose_name = "หน่วยงาน"
        verbose_name_plural = "หน่วยงาน"

    def __str__(self):
        return self.name


def parse_period(period: str) -> tuple[int, int] | None:
    """The years of a period as written in addresses and commands ("2563-2565"), or None."""
    try:
        start, end = (int(part) for part in period.split("-", 1))
    except ValueError:
        return None
    return start, end


class EditionQuerySet(models.QuerySet):
    def for_period(self, period: str):
        """Editions whose period is ``period`` ("2563-2565"); none when it is not a period."""
        years = parse_period(period)
        if years is None:
            return self.none()
        return self.filter(start_year=years[0], end_year=years[1])

    def published(self):
        return self.filter(status=Edition.Status.PUBLISHED)

    def visible_to(self, user):
        """Residents see published and archived editions; signed-in editors see drafts too."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.filter(status__in=[Edition.Status.PUBLISHED, Edition.Status.ARCHIVED])

    def current(self):
        """The newest published edition, or None. Runs a query."""
        return self.published().order_by("-start_year").first()


class Edition(PlanContent):
    """One plan for a period, e.g. แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๓-๒๕๖๕."""

    class Status(models.TextChoices):
        DRAFT = "draft", "ฉบับร่าง"
        PUBLISHED = "published", "เผยแพร่แล้ว"
        ARCHIVED = "archived", "ฉบับเก่า (เก็บถาวร)"

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="editions", verbose_name="หน่วยงาน"
    )
    title = models.CharField("ชื่อแผน", max_length=300)
    start_year = models.PositiveIntegerField(
        "ปีเริ่มต้น (พ.ศ.)", help_text="ปีงบประมาณแรกของแผน เป็นปีพุทธศักราช เช่น ๒๕๖๓"
    )
    end_year = models.PositiveIntegerField("ปีสิ้นสุด (พ.ศ.)", help_text="ปีงบประมาณสุดท้ายของแผน เช่น ๒๕๖๕")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("วันที่เผยแพร่", null=True, blank=True)
    foreword_signatory = models.TextField(
        "ผู้ลงนามคำนำ", blank=True, help_text="ชื่อคณะทำงานหรือผู้ลงนามท้ายคำนำ ขึ้นบรรทัดใหม่ได้ตามที่พิมพ์ในเอกสาร"
    )
    source_name = models.CharField("ไฟล์ต้นฉบับ", max_length=255, blank=True, help_text="ชื่อไฟล์ที่นำเข้าล่าสุด")
    source_sha256 = models.CharField("รหัสตรวจสอบไฟล์ต้นฉบับ", max_length=64, blank=True)
    imported_at = models.DateTimeField("นำเข้าล่าสุดเมื่อ", null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="นำเข้าโดย",
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = "แผนแม่บท (ฉบับ)"
        verbose_name_plural = "แผนแม่บท (ฉบับ)"
        ordering = ["-start_year"]
        permissions = [("publish_edition", "เผยแพร่หรือเลิกเผยแพร่แผน")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "start_year", "end_year"], name="edition_unique_period"
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="edition_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(start_year__gte=MIN_BE_YEAR, end_year__lte=MAX_BE_YEAR),
                name="edition_years_are_be",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.period_label})"

    @property
    def slug(self) -> str:
        """The period as it appears in addresses: 2563-2565 (Arabic digits, stable for citation)."""
        return f"{self.start_year}-{self.end_year}"

    @property
    def period_label(self) -> str:
        return "พ.ศ. " + format_year_range(self.start_year, self.end_year)

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.ARCHIVED)

    def get_absolute_url(self):
        return reverse("plans:edition", kwargs={"period": self.slug})
