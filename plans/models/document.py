import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from plans.fields import RichTextField

from .base import PlanContent, SampleFlag
from .edition import Edition

# Headings printed without a number get a word for their address instead.
UNNUMBERED_KEYS = {
    "คำนำ": "foreword",
    "สารบัญ": "contents",
    "บทสรุปผู้บริหาร": "summary",
    "ภาคผนวก": "appendix",
    "บรรณานุกรม": "bibliography",
}
_KEY_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER_KEY = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def section_key(number: str, title: str) -> str:
    """The address word of a heading, from what is printed: "บทที่ ๒" -> "2", "๒.๒.๑" -> "2.2.1",
    "คำนำ" -> "foreword"; other unnumbered headings get a short code made from their title."""
    found = _NUMBER_KEY.search(number.translate(_KEY_DIGITS))
    if found:
        return found.group(0)
    word = UNNUMBERED_KEYS.get(title.strip())
    if word:
        return word
    return "h" + hashlib.sha1(title.strip().encode()).hexdigest()[:6]


FRAMEWORK_ONLY_FOR_EMBED = "ระบุกรอบยุทธศาสตร์เฉพาะเมื่อชนิดเป็น “แสดงข้อมูลจากตาราง”"


class Section(PlanContent):
    """A heading of the plan document: a chapter, a section or a subsection.

    The table of contents of the source is kept as sections with their page
    ranges, even where the source has no text under them yet.
    """

    class Level(models.IntegerChoices):
        CHAPTER = 1, "บท"
        SECTION = 2, "หัวข้อ"
        SUBSECTION = 3, "หัวข้อย่อย"

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sections", verbose_name="แผน"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="อยู่ภายใต้",
    )
    level = models.PositiveSmallIntegerField("ระดับ", choices=Level.choices, default=Level.CHAPTER)
    number = models.CharField(
        "เลขหัวข้อ",
        max_length=30,
        blank=True,
        help_text="ตามที่พิมพ์ในเอกสาร เช่น บทที่ ๒ หรือ ๒.๒.๑ (เว้นว่างได้ เช่น คำนำ)",
    )
    title = models.CharField("ชื่อหัวข้อ", max_length=500)
    toc_pages = models.CharField(
        "หน้าในสารบัญ", max_length=30, blank=True, help_text="ช่วงหน้าตามสารบัญของเอกสารต้นฉบับ เช่น ๓-๔"
    )
    in_toc = models.BooleanField("อยู่ในสารบัญ", default=True)
    order = models.PositiveIntegerField("ลำดับ", default=0, help_text="ลำดับในเอกสารทั้งเล่ม น้อยขึ้นก่อน")
    key = models.CharField(
        "ชื่อในที่อยู่เว็บ",
        max_length=40,
        blank=True,
        help_text="ตั้งจากเลขหัวข้อเมื่อสร้าง เช่น 2 หรือ 2.2.1 แล้วคงเดิมแม้เลขหรือลำดับเปลี่ยน "
        "เพื่อให้ลิงก์ที่อ้างอิงไว้ไม่เสีย (เว้นว่างให้ระบบตั้งให้)",
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z][0-9A-Za-z.\-]*$",
                "ใช้ตัวเลข ตัวอักษรอังกฤษ จุด และขีด เท่านั้น เช่น 2 หรือ 2.2.1 หรือ appendix",
            )
        ],
    )

    class Meta:
        verbose_name = "หัวข้อในเอกสาร"
        verbose_name_plural = "หัวข้อในเอกสาร"
        ordering = ["edition", "order"]
        indexes = [
            # The plan tree loads every section of an edition in document order.
            models.Index(fields=["edition", "order"], name="section_edition_order"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "key"],
                condition=~Q(key=""),
                name="section_unique_key",
                violation_error_message="แผนนี้มีหัวข้อที่ใช้ชื่อในที่อยู่เว็บนี้แล้ว",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def save(self, *args, **kwargs):
        # The address is fixed the first time a heading is saved, from its printed
        # number, so that later renumbering or reordering never moves a cited link.
        if not self.key:
            self.key = self.free_key(section_key(self.number, self.title))
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)

    def free_key(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3`` ... when another heading of the edition has it.
        Runs a query."""
        taken = set(
            Section.objects.filter(edition_id=self.edition_id, key__startswith=wanted)
            .exclude(pk=self.pk)
            .values_list("key", flat=True)
        )
        key, n = wanted, 1
        while key in taken:
            n += 1
            key = f"{wanted}-{n}"
        return key

    @property
    def anchor(self) -> str:
        """The fragment of this heading on its chapter page: #sec-2.2.1 (stable like the key)."""
        return f"sec-{self.key}" if self.key else f"s{self.pk}"


class Block(PlanContent, SampleFlag):
    """A piece of narrative under a section, in document order.

    Most blocks are paragraphs or list items. An "embed" block marks where
    structured data (a framework's strategies, the SWOT items, the project
    table, ...) is printed, so the document keeps its order without the data
    being written twice.
    """

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", "ย่อหน้า"
        LIST_ITEM = "list_item", "รายการ (มีเลขหรือหัวข้อย่อย)"
        QUOTE = "quote", "ข้อความเน้น / คำขวัญ"
        HEADING = "heading", "หัวเรื่องย่อย"
        EMBED = "embed", "แสดงข้อมูลจากตาราง"

    class Embed(models.TextChoices):
        VISION = "vision", "วิสัยทัศน์ของกรอบ"
        MISSIONS = "missions", "พันธกิจของกรอบ"
        VALUES = "values", "ค่านิยมร่วมของกรอบ"
        PRINCIPLES = "principles", "หลักการของกรอบ"
        SUCCESS_FACTORS = "success_factors", "ปัจจัยแห่งความสำเร็จ"
        STRATEGY_LIST = "strategy_list", "รายการยุทธศาสตร์"
        STRATEGY_DETAILS = "strategy_details", "ยุทธศาสตร์ เป้าประสงค์ และกลยุทธ์"
        INDICATORS = "indicators", "ตารางตัวชี้วัดและค่าเป้าหมาย"
        TACTICS = "tactics", "รายการกลยุทธ์"
        POSITIONING = "positioning", "จุดยืนทางยุทธศาสตร์"
        SWOT = "swot", "การวิเคราะห์ SWOT"
        PROJECT_SUMMARY = "project_summary", "บัญชีสรุปโครงการ (ผ.01)"
        PROJECT_DETAILS = "project_details", "รายละเอียดโครงการ"
        COMMITTEE = "committee", "คณะกรรมการติดตามและประเมินผล"
        METHODS = "methods", "วิธีการติดตามและประเมินผล"
        SCHEDULE = "schedule", "ระยะเวลาการติดตามและประเมินผล"

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="blocks", verbose_name="หัวข้อ")
    order = models.PositiveIntegerField("ลำดับ", default=0)
    kind = models.CharField("ชนิด", max_length=20, choices=Kind.choices, default=Kind.PARAGRAPH)
    marker = models.CharField(
        "เลขหรือสัญลักษณ์นำหน้า", max_length=30, blank=True, help_text="ตามที่พิมพ์ในเอกสาร เช่น ๑. หรือ (๑) หรือ -"
    )
    text = RichTextField(
        "ข้อความ", blank=True, help_text="ใช้ตัวหนา ตัวเอียง และลิงก์ได้ ระบบจะตัดสคริปต์และโค้ดที่ไม่ปลอดภัยออกเมื่อบันทึก"
    )
    embed = models.CharField("ข้อมูลที่แสดง", max_length=30, choices=Embed.choices, blank=True)
    # The framework by its slug, not a foreign key: plans stand below strategies and point at none
    # of their rows. plans' own migration 0008 moved the old foreign key here.
    framework_slug = models.SlugField(
        "กรอบยุทธศาสตร์",
        max_length=50,
        blank=True,
        help_text="สำหรับชนิด “แสดงข้อมูลจากตาราง” ที่เป็นข้อมูลของกรอบยุทธศาสตร์: ชื่อในที่อยู่เว็บของกรอบ เช่น dla "
        "(เว้นว่างเพื่อแสดงแผนแม่บทไอที) หน้าเว็บและ PDF แจ้งไว้เมื่อแผนไม่มีกรอบชื่อนี้",
    )
    source_line = models.PositiveIntegerField("บรรทัดในไฟล์ต้นฉบับ", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "เนื้อหา"
        verbose_name_plural = "เนื้อหา"
        ordering = ["section", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="embed", embed__gt="") | (~Q(kind="embed") & Q(embed="")),
                name="block_embed_only_for_embed_kind",
                violation_error_message="เลือก “ข้อมูลที่แสดง” เฉพาะเมื่อชนิดเป็น “แสดงข้อมูลจากตาราง” และต้องเลือกเมื่อเป็นชนิดนั้น",
            ),
        ]

    def clean(self):
        if self.framework_slug and self.kind != self.Kind.EMBED:
            raise ValidationError({"framework_slug": FRAMEWORK_ONLY_FOR_EMBED})

    def __str__(self):
        if self.kind == self.Kind.EMBED:
            return f"[{self.get_embed_display()}]"
        return f"{self.marker} {self.text[:60]}".strip()


class SwotItem(PlanContent, SampleFlag):
    """One line of the SWOT analysis in chapter ๓."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "จุดแข็ง (S)"
        WEAKNESS = "weakness", "จุดอ่อน (W)"
        OPPORTUNITY = "opportunity", "โอกาส (O)"
        THREAT = "threat", "อุปสรรค (T)"

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="swot_items", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    order = models.PositiveIntegerField("ลำดับ", default=0)
    text = models.TextField("ข้อความ")

    class Meta:
        verbose_name = "รายการ SWOT"
        verbose_name_plural = "รายการ SWOT"
        ordering = ["edition", "kind", "order"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
