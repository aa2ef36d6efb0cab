"""What a page says about the edition it shows: which edition replaced it, and its permanent address.

    {% load edition_status %}
    {% replacing_edition edition as current %}   one query, only for an edition that is not current
    {% permanent_address %}                      this page's address for citation (no query but
                                                 ``permanent_query``, which page of a paged list)
"""

from django import template
from django.urls import NoReverseMatch, reverse

from plans.models import Edition

register = template.Library()


@register.simple_tag
def replacing_edition(edition: Edition):
    """The edition residents should read instead of ``edition``: the published one of the same
    period if there is one, else the organization's published edition; None when ``edition`` is it."""
    if edition is None or edition.status == Edition.Status.PUBLISHED:
        return None
    published = Edition.objects.filter(organization_id=edition.organization_id, status=Edition.Status.PUBLISHED)
    same_period = [e for e in published if (e.start_year, e.end_year) == (edition.start_year, edition.end_year)]
    return same_period[0] if same_period else next(iter(published), None)


@register.simple_tag(takes_context=True)
def permanent_address(context) -> str:
    """The absolute address of the current page with the edition named for good (…/2563-2565/r0/…),
    or "" on a page that does not belong to one edition. A paged list's view names its page in
    ``permanent_query`` ("?page=3"), so that the address of page ๓ is not page ๑'s."""
    if context.get("permanent_url"):  # a page about more than one edition names its own
        return context["permanent_url"]
    request = context.get("request")
    edition = context.get("edition")
    match = getattr(request, "resolver_match", None)
    if edition is None or match is None:
        return ""
    view_name, kwargs = match.view_name, {**match.kwargs, "period": edition.permanent_slug}
    if view_name == "plans:home":  # "/" shows the current edition
        view_name = "plans:edition"
    elif "period" not in match.kwargs:
        return ""
    try:
        path = reverse(view_name, kwargs=kwargs)
    except NoReverseMatch:
        return ""
    return request.build_absolute_uri(path + context.get("permanent_query", ""))
