"""The organizations a deployment serves, and the slug that starts every public address of theirs."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from .base import PlanContent

# First segments of the portal's own addresses: an organization may not take one, or its
# pages would be hidden behind (or hide) the portal's. tests/orgs checks the list against
# the URL configuration.
RESERVED_SLUGS = frozenset(
    {
        "admin", "accounts", "api", "contact", "data", "healthz", "media", "organizations",
        "plans", "privacy", "robots.txt", "security", "sitemap.xml", "static", "transparency",
    }
)
SLUG_PATTERN = r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$"


def validate_organization_slug(value: str) -> None:
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValidationError(
            "ที่อยู่เว็บต้องยาว ๓-๔๐ ตัว ขึ้นต้นด้วยอักษรภาษาอังกฤษตัวเล็ก ใช้ได้เฉพาะ a-z 0-9 และขีด (-) "
            "และไม่ลงท้ายด้วยขีด เช่น taimueang"
        )
    if value in RESERVED_SLUGS:
        raise ValidationError("ที่อยู่เว็บนี้ระบบสงวนไว้ใช้เอง เลือกชื่ออื่น")


def slug_from_website(website: str) -> str | None:
    """The first label of a website's host when it makes a valid address:
    https://www.taimueang.go.th -> taimueang."""
    host = urlsplit(website or "").hostname or ""
    labels = [label for label in host.split(".") if label not in {"www", "go", "th", "in", "or", "ac"}]
    if not labels:
        return None
    try:
        validate_organization_slug(labels[0])
    except ValidationError:
        return None
    return labels[0]


def suggest_organization_slug(website: str = "") -> str:
    """A free address for a new organization: from its website when that is usable and free,
    else org-1, org-2, ..."""
    taken = set(Organization.objects.values_list("slug", flat=True))
    candidate = slug_from_website(website)
    if candidate and candidate not in taken:
        return candidate
    n = 1
    while f"org-{n}" in taken:
        n += 1
    return f"org-{n}"


class Organization(PlanContent):
    """A local government whose plans the portal publishes; a host serves many of them.

    Its ``slug`` is the first segment of every public address of its plans
    (/taimueang/plans/2563-2565/): chosen once at creation, kept for good.
    """

    name = models.CharField("ชื่อหน่วยงาน", max_length=200, help_text="ชื่อเต็ม เช่น องค์การบริหารส่วนตำบลท้ายเหมือง")
    slug = models.SlugField(
        "ที่อยู่เว็บของหน่วยงาน",
        max_length=40,
        unique=True,
        validators=[validate_organization_slug],
        help_text="อักษรภาษาอังกฤษตัวเล็ก ตัวเลข และขีด (-) เช่น taimueang จะได้ที่อยู่ /taimueang/ "
        "กำหนดครั้งเดียวเมื่อสร้าง เพราะลิงก์และเอกสารที่อ้างถึงแผนใช้ที่อยู่นี้",
        error_messages={"unique": "มีหน่วยงานอื่นใช้ที่อยู่เว็บนี้แล้ว เลือกชื่ออื่น"},
    )
    code = models.CharField(
        "รหัสองค์กรปกครองส่วนท้องถิ่น",
        max_length=20,
        blank=True,
        help_text="รหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น (ถ้ามี) ใช้ในข้อมูลเปิดข้ามหน่วยงาน",
    )
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
        ordering = ["province", "district", "name"]
        permissions = [("host_organizations", "ดูแลทุกหน่วยงานบนระบบ (ผู้ดูแลของผู้ให้บริการ)")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Code paths that create an organization without a person choosing its address
        # (an import of a new document, a test) get one that is free and visibly provisional.
        if not self.slug:
            self.slug = suggest_organization_slug(self.website)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("plans:home", kwargs={"org": self.slug})
