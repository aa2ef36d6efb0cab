"""The HTML of each printable document, built from the same plan view as the web pages."""

from __future__ import annotations

from django.template.loader import render_to_string

from insights.alignment import alignment_report
from plans.models import Edition
from portal.viewmodel import PlanView, plan_view


def plan_html(edition: Edition, plan: PlanView | None = None) -> str:
    """The whole plan as one HTML document for the PDF renderer.

    Rendered without a request on purpose: the same content must give the
    same HTML for every visitor, since the HTML is the cache key.
    """
    plan = plan or plan_view(edition)
    return render_to_string(
        "pdf/plan.html",
        {
            "edition": edition,
            "organization": plan.organization,
            "plan": plan,
            "is_draft": not edition.is_public,
            # An annex the portal adds: what the links between the frameworks show (issue 19).
            "alignment": alignment_report(edition),
        },
    )
