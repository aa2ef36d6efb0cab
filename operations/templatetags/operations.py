"""Facts about how the portal is run, for the notices residents read."""

from django import template
from django.conf import settings

from thaimuang_plan.lib.formatting import digits

register = template.Library()


@register.simple_tag
def login_record_retention_days() -> str:
    return digits(settings.LOGIN_RECORD_RETENTION_DAYS)
