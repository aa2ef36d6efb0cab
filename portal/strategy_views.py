"""Public strategy pages: the frameworks, and each one's hierarchy, indicators and links."""

from django.http import Http404
from django.shortcuts import render

from plans.access import edition_for
from portal.viewmodel import strategies_index, strategies_view


def index(request, org, period):
    edition = edition_for(request, org, period)
    index = strategies_index(edition, request.GET.get("page"))
    context = {
        "edition": edition,
        "index": index,
        "permanent_query": index.address_query,
        "it_plan": index.it_plan,
        "has_sample": index.has_sample,
        "nav": "strategies",
    }
    return render(request, "strategies/index.html", context)


def framework(request, org, period, slug):
    edition = edition_for(request, org, period)
    plan = strategies_view(edition, slug)
    current = plan.framework(slug)
    if current is None:
        raise Http404("ไม่พบกรอบยุทธศาสตร์นี้")
    context = {
        "edition": edition,
        "plan": plan,
        "framework": current,
        "has_sample": current.is_sample or (current.is_it_plan and plan.projects_have_sample),
        "nav": "strategies",
    }
    return render(request, "strategies/framework.html", context)
