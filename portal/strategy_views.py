"""Public strategy pages: the frameworks, and each one's hierarchy, indicators and links."""

from collections import defaultdict

from django.http import Http404
from django.shortcuts import render

from plans.access import edition_for
from portal.selectors import plan_tree
from strategies.models import Framework


def index(request, period):
    edition = edition_for(request, period)
    tree = plan_tree(edition)
    context = {
        "edition": edition,
        "tree": tree,
        "it_plan": tree.it_plan,
        "has_sample": any(f.is_sample for f in tree.frameworks),
        "nav": "strategies",
    }
    return render(request, "strategies/index.html", context)


def framework(request, period, slug):
    edition = edition_for(request, period)
    tree = plan_tree(edition)
    current = tree.framework(slug)
    if current is None:
        raise Http404("ไม่พบกรอบยุทธศาสตร์นี้")
    # Which IT strategies support each higher-level strategy, from the data already loaded.
    supporters = defaultdict(list)
    it_plan = tree.it_plan
    if it_plan is not None:
        for strategy in it_plan.strategies.all():
            for higher in strategy.aligns_with.all():
                supporters[higher.pk].append(strategy)
    for strategy in current.strategies.all():
        strategy.supporter_list = supporters.get(strategy.pk, [])
    is_it_plan = current.kind == Framework.Kind.IT_PLAN
    context = {
        "edition": edition,
        "tree": tree,
        "framework": current,
        "is_it_plan": is_it_plan,
        "has_sample": current.is_sample or (is_it_plan and any(p.is_sample for p in tree.projects)),
        "nav": "strategies",
    }
    return render(request, "strategies/framework.html", context)
