"""Filters of the print templates (templates/pdf/): {% load pdf_text %}.

The logic lives in printing/typography.py; this module only registers it.
"""

from django import template

from printing.typography import keep_together, keep_together_html

register = template.Library()


@register.filter(is_safe=True)
def unbroken(value, organization=None):
    """Plan text, escaped, with the organization's names and year ranges kept on one line."""
    return keep_together(str(value) if value is not None else "", organization)


@register.filter(is_safe=True)
def unbroken_html(value, organization=None):
    """The same for sanitised rich text (Block.text)."""
    return keep_together_html(str(value) if value is not None else "", organization)
