"""Filters of the comparison page: signed baht differences and change counts."""

from decimal import Decimal

from django import template

from thaimuang_plan.lib.formatting import baht

register = template.Library()


@register.filter
def signed_baht(value) -> str:
    if value is None or value == "":
        return ""
    value = Decimal(str(value))
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + baht(abs(value))


@register.filter
def difference_class(value) -> str:
    if not value:
        return ""
    return "difference--up" if value > 0 else "difference--down"


@register.filter
def subtract(value, other):
    return Decimal(str(value)) - Decimal(str(other))


@register.filter
def count_of(group, status: str) -> int:
    """{{ group|count_of:"added" }}: how many changes of a comparison group have that status."""
    return group.count(status)


@register.filter
def ack_field(form, code: str):
    """{{ form|ack_field:result.code }}: the acknowledgement box of one warning on the publish page."""
    return form.ack_field(code)
