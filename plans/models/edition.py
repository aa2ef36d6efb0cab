
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from thaimuang_plan.lib.formatting import digits, period_label
from thaimuang_plan.lib.thai import MAX_BE_YEAR, MIN_BE_YEAR

from .base import PlanContent, SampleFlag
from .organization import Organization


def parse_period(period: str) -> tuple[int, int] | None:
    """The years of a period as written in addresses and commands ("2563-2565"), or None."""
    try:
        start, end = (int(part) for part in period.split("-", 1))
    except ValueError:
        return None
    return start, end


REVISION_SEGMENT = "r"
PERIOD_TAKEN = (
    "หน่วยงานนี้มีแผนของช่วงปีนี้อยู่แล้ว หากต้องการแก้ไขแผนที่เผยแพร่แล้ว "
    "ให้เปิดแผนฉบับนั้นแล้วกด “จัดทำฉบับแก้ไข” แทนการเพิ่มแผนใหม่"
)


def parse_edition_address(address: str) -> tuple[tuple[int, int], int | None] | None:
    """The period and revision of an edition address: "2563-2565" -> ((2563, 2565), None),
    "2563-2565/r1" -> ((2563, 2565), 1); None when it is not one.

    The plain period means "whichever edition is current for that period"; the revision
    segment names one edition for good (r0 is the edition first published for the period).
    """
    period, _, revision = address.partition("/")
    years = parse_period(period)
    if years is None:
        return None
    if not revision:
        return years, None
    if not revision.startswith(REVISION_SEGMENT) or not revision[1:].isdigit():
        return None
    return years, int(revision[1:])


class EditionQuerySet(models.QuerySet):
    def for_period(self, period: str):
        """Editions whose period is ``period`` ("2563-2565"), the first written first; none when it
        is not a period."""
        years = parse_period(period)
        if years is None:
            return self.none()
        return self.filter(start_year=years[0], end_year=years[1]).order_by("revision_number")

    def published(self):
        return self.filter(status=Edition.Status.PUBLISHED)

    def public(self):
        """Editions residents may read: the published one and those it replaced."""
        return self.filter(status__in=Edition.PUBLIC_STATUSES)

    def visible_to(self, user):
        """Residents see the public editions; signed-in editors see drafts too."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.public()

    def listed_for(self, user):
        """What ``visible_to`` shows, and withdrawn editions, whose addresses keep a public notice."""
        return self.visible_to(user) | self.filter(status=Edition.Status.WITHDRAWN)

    def at_address(self, address: str):
        """The editions an address may name, best first: the revision it names, or for a
        plain period the published edition, then the newest it replaced, then drafts."""
        parsed = parse_edition_address(address)
        if parsed is None:
            return self.none()
        (start, end), revision = parsed
        editions = self.filter(start_year=start, end_year=end)
        if revision is not None:
            return editions.filter(revision_number=revision)
        rank = models.Case(
            models.When(status=Edition.Status.PUBLISHED, then=0),
            models.When(status=Edition.Status.ARCHIVED, then=1),
            models.When(status=Edition.Status.WITHDRAWN, then=2),
            default=3,
        )
        return editions.annotate(address_rank=rank).order_by("address_rank", "-revision_number")

    def current(self):
        """The newest published edition, or None. Runs a query."""
        return self.published().order_by("-start_year").first()


class Edition(PlanContent, SampleFlag):
    """One edition of a plan for a period, e.g. แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๓-๒๕๖๕.

    A period has one edition per revision: the edition first written (revision 0)
    and the revisions approved after it (ฉบับแก้ไข / เพิ่มเติม / เปลี่ยนแปลง ครั้งที่ N),
    each a full copy of the plan. One edition per organization is published at a time.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "ฉบับร่าง"
        PUBLISHED = "published", "เผยแพร่แล้ว"
        ARCHIVED = "archived", "ฉบับเก่า (เก็บถาวร)"
        WITHDRAWN = "withdrawn", "ยกเลิกการเผยแพร่"

    class RevisionKind(models.TextChoices):
        ORIGINAL = "", "ฉบับแรก"
        AMENDMENT = "amendment", "ฉบับแก้ไข"
        SUPPLEMENT = "supplement", "ฉบับเพิ่มเติม"
        CHANGE = "change", "ฉบับเปลี่ยนแปลง"

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.ARCHIVED)

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="editions", verbose_name="หน่วยงาน"
    )
    title = models.CharField("ชื่อแผน", max_length=300)
    start_year = models.PositiveIntegerField(
        "ปีเริ่มต้น (พ.ศ.)", help_text="ปีงบประมาณแรกของแผน เป็นปีพุทธศักราช เช่น ๒๕๖๓"
    )
    end_year = models.PositiveIntegerField("ปีสิ้นสุด (พ.ศ.)", help_text="ปีงบประมาณสุดท้ายของแผน เช่น ๒๕๖๕")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "วันที่เผยแพร่", null=True, blank=True, help_text="วันที่เผยแพร่ครั้งแรก การเผยแพร่ซ้ำไม่เปลี่ยนวันที่นี้"
    )
    revision_kind = models.CharField(
        "ประเภทฉบับ", max_length=20, choices=RevisionKind.choices, blank=True, default=RevisionKind.ORIGINAL
    )
    revision_number = models.PositiveSmallIntegerField(
        "ครั้งที่",
        default=0,
        help_text="๐ สำหรับแผนฉบับแรกของช่วงปี ฉบับแก้ไข/เพิ่มเติม/เปลี่ยนแปลงนับ ๑, ๒, ... ตามลำดับ ใช้ในที่อยู่เว็บ /r๑/",
    )
    approval_reference = models.CharField(
        "อนุมัติโดยมติหรือคำสั่ง",
        max_length=300,
        blank=True,
        help_text="เช่น มติสภา อบต.ท้ายเหมือง สมัยสามัญ สมัยที่ ๒ ครั้งที่ ๑/๒๕๖๔ หรือ คำสั่งที่ ๑๒๓/๒๕๖๔",
    )
    approved_on = models.DateField("วันที่อนุมัติ", null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="derived_editions",
        verbose_name="จัดทำจากฉบับ",
        help_text="ฉบับที่คัดลอกมาเป็นจุดตั้งต้น ใช้เปรียบเทียบการเปลี่ยนแปลง",
    )
    withdrawn_at = models.DateTimeField("ยกเลิกการเผยแพร่เมื่อ", null=True, blank=True)
    withdrawal_reason = models.TextField("เหตุผลที่ยกเลิกการเผยแพร่", blank=True)
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
    # Raised by every save of this edition's content (portal/versions.py): the
    # key of its cached pages and rendered PDFs, so one edit invalidates exactly
    # this edition's copies, in every process at once.
    content_version = models.PositiveBigIntegerField("รุ่นของเนื้อหา", default=1, editable=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = "แผนแม่บท (ฉบับ)"
        verbose_name_plural = "แผนแม่บท (ฉบับ)"
        ordering = ["-start_year"]
        permissions = [("publish_edition", "เผยแพร่หรือเลิกเผยแพร่แผน")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "start_year", "end_year", "revision_number"],
                name="edition_unique_revision",
                violation_error_message="แผนของช่วงปีนี้มีฉบับครั้งที่นี้อยู่แล้ว ใช้เลขครั้งที่ถัดไป",
            ),
            models.CheckConstraint(
                condition=Q(revision_number=0, revision_kind="") | (Q(revision_number__gt=0) & ~Q(revision_kind="")),
                name="edition_revision_kind_matches_number",
                violation_error_message="ฉบับแรกมีครั้งที่ ๐ ส่วนฉบับแก้ไข เพิ่มเติม หรือเปลี่ยนแปลงต้องมีครั้งที่ตั้งแต่ ๑ ขึ้นไป",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="edition_period_in_order",
                violation_error_message="ปีสิ้นสุด (พ.ศ.) ต้องไม่ก่อนปีเริ่มต้น (พ.ศ.)",
            ),
            models.CheckConstraint(
                condition=Q(start_year__gte=MIN_BE_YEAR, end_year__lte=MAX_BE_YEAR),
                name="edition_years_are_be",
                violation_error_message="ปีเริ่มต้นและปีสิ้นสุดต้องเป็นปีพุทธศักราช (๒๔๐๐-๒๗๐๐) เช่น ๒๕๖๓",
            ),
        ]

    def __str__(self):
        if self.revision_number:
            return f"{self.title} ({self.period_label}) {self.revision_label}"
        return f"{self.title} ({self.period_label})"

    @property
    def period_slug(self) -> str:
        """The period as it appears in addresses: 2563-2565 (Arabic digits, stable for citation)."""
        return f"{self.start_year}-{self.end_year}"

    @property
    def permanent_slug(self) -> str:
        """The address of this edition for good: 2563-2565/r0, 2563-2565/r1, ..."""
        return f"{self.period_slug}/{REVISION_SEGMENT}{self.revision_number}"

    @property
    def slug(self) -> str:
        """The address links use: the plain period while this edition is the published one,
        so the current plan stays at /plans/2563-2565/; its permanent address otherwise."""
        if self.status == self.Status.PUBLISHED:
            return self.period_slug
        return self.permanent_slug

    @property
    def file_slug(self) -> str:
        """The edition in a file name: 2563-2565, or 2563-2565-r1 for a revision."""
        return self.period_slug + (f"-{REVISION_SEGMENT}{self.revision_number}" if self.revision_number else "")

    @property
    def revision_label(self) -> str:
        """"ฉบับแก้ไข ครั้งที่ ๑"; "" for the edition first written for the period."""
        if not self.revision_number:
            return ""
        return f"{self.get_revision_kind_display()} ครั้งที่ {digits(self.revision_number)}"

    @property
    def edition_label(self) -> str:
        return self.revision_label or "ฉบับแรก"

    @property
    def period_label(self) -> str:
        return period_label(self.start_year, self.end_year)

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    def clean(self):
        # The form of the admin does not carry revision_number, so the unique
        # constraint would only speak as a database error: say it in Thai here.
        if self.organization_id and self.start_year and self.end_year:
            clash = Edition.objects.filter(
                organization_id=self.organization_id,
                start_year=self.start_year,
                end_year=self.end_year,
                revision_number=self.revision_number,
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(PERIOD_TAKEN)

    @property
    def address_kwargs(self) -> dict[str, str]:
        """The arguments of every public address of this edition: its organization and period."""
        return {"org": self.organization.slug, "period": self.slug}

    def get_absolute_url(self):
        return reverse("plans:edition", kwargs=self.address_kwargs)


class EditionStatusChange(models.Model):
    """One change of an edition's status, kept for good: who published, replaced or withdrew it."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="status_changes", verbose_name="แผน"
    )
    from_status = models.CharField("สถานะเดิม", max_length=20, choices=Edition.Status.choices, blank=True)
    to_status = models.CharField("สถานะใหม่", max_length=20, choices=Edition.Status.choices)
    changed_at = models.DateTimeField("เมื่อ", default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="โดย",
    )
    note = models.TextField("หมายเหตุ", blank=True, help_text="เหตุผล หรือฉบับที่เข้ามาแทน")

    class Meta:
        verbose_name = "ประวัติสถานะของแผน"
        verbose_name_plural = "ประวัติสถานะของแผน"
        ordering = ["edition", "changed_at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display() or '-'} → {self.get_to_status_display()}"
