"""Hidden inputs that carry the optimistic-lock tokens of a change list's rows.

``{% row_lock_inputs cl %}`` writes one token per listed row, for the list's
actions, and the token of each editable row's form; ``{% posted_lock_inputs %}``
carries the tokens sent from the list through an action's confirmation page.
"""

from django import template
from django.utils.html import format_html, format_html_join

from plans.forms import LOCK_FIELD, ROW_LOCK_PREFIX, token_of

register = template.Library()


@register.simple_tag
def row_lock_inputs(cl):
    rows = format_html_join(
        "",
        '<input type="hidden" name="{}{}" value="{}">',
        ((ROW_LOCK_PREFIX, row.pk, token_of(getattr(row, "updated_at", None))) for row in cl.result_list),
    )
    forms = format_html_join(
        "", "{}", ((form[LOCK_FIELD],) for form in (cl.formset.forms if cl.formset else ()) if LOCK_FIELD in form.fields)
    )
    return format_html('<div class="hiddenfields">{}{}</div>', rows, forms)


@register.simple_tag(takes_context=True)
def posted_lock_inputs(context):
    request = context.get("request")
    if request is None:
        return ""
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        ((key, value) for key, value in request.POST.items() if key.startswith(ROW_LOCK_PREFIX)),
    )
