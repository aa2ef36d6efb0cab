"""Template filters for numbers the portal writes: a thin registration of thaimuang_plan.lib.formatting.

Code outside templates calls the formatting module itself, never these filters.
"""

from django import template

from thaimuang_plan.lib import formatting

register = template.Library()

register.filter("digits", formatting.digits)
register.filter("number", formatting.number)
register.filter("baht", formatting.baht)
register.filter("year", formatting.year)
register.filter("percent", formatting.percent)


@register.filter
def thaidate(value, style=""):
    """``{{ d|thaidate }}``; ``|thaidate:"short"`` for ๒๖ พ.ย. ๒๕๖๙."""
    return formatting.date(value, short=(style == "short"))


@register.filter
def strategy_label(number):
    """``{{ strategy.number|strategy_label }}`` -> ยุทธศาสตร์ที่ ๓."""
    return formatting.strategy_label(number)


@register.filter
def project_label(number):
    """``{{ project.number|project_label }}`` -> โครงการที่ ๑๒."""
    return formatting.project_label(number)


@register.filter
def elided_pages(paginator, number):
    """``{% for p in page.paginator|elided_pages:page.number %}``: the page numbers a pager
    lists, the first, the last and two either side of ``number``, Paginator.ELLIPSIS between."""
    return list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
