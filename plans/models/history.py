from django.db import models
from reversion.models import Version

from .organization import Organization


class VersionOrganization(models.Model):
    """Whose row a saved version is: the organization the row belonged to when it was saved.

    Written with every revision (plans.tenancy_history), so that history pages and the
    audit show each organization its own versions, those of rows deleted since included.
    """

    version = models.OneToOneField(
        Version, on_delete=models.CASCADE, primary_key=True, related_name="organization_link", verbose_name="ฉบับ"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name="หน่วยงาน"
    )

    class Meta:
        verbose_name = "หน่วยงานของฉบับในประวัติ"
        verbose_name_plural = "หน่วยงานของฉบับในประวัติ"

    def __str__(self):
        return f"{self.version_id} · {self.organization_id}"
