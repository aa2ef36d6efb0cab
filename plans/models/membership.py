from django.conf import settings
from django.db import models

from .organization import Organization


class Membership(models.Model):
    """A person's place in one organization: the role they hold there.

    The role's Django group says what kinds of rows they may change; their memberships say
    in which organizations (plans.tenancy scopes every admin page to them). A person may
    belong to several organizations, with a different role in each.
    """

    class Role(models.TextChoices):
        EDITOR = "editor", "คณะทำงานเทคโนโลยีสารสนเทศ"
        COMMITTEE = "committee", "คณะกรรมการติดตามและประเมินผล"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="ผู้ใช้"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships", verbose_name="หน่วยงาน"
    )
    role = models.CharField("บทบาท", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField("เพิ่มเมื่อ", auto_now_add=True)

    class Meta:
        verbose_name = "สมาชิกของหน่วยงาน"
        verbose_name_plural = "สมาชิกของหน่วยงาน"
        ordering = ["organization", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"],
                name="membership_unique_role",
                violation_error_message="ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานนี้อยู่แล้ว",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.organization} · {self.get_role_display()}"
