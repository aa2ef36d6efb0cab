"""The HTML of each printable document, built from the same plan view as the web pages."""

from __future__ import annotations

from django.template.loader import render_to_string

from insights.alignment import alignment_report
from plans.models import Edition
from portal.viewmodel import PlanView, plan_view
from printing.documents import make_key, schedule


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


# The plan as a document rendered in the background (printing.documents): one
# file per edition and audience, so a draft's watermarked copy never stands in
# for the published one.
PLAN = "plan"


def plan_key(edition: Edition) -> str:
    return make_key(PLAN, edition.pk, "public" if edition.is_public else "draft")


def plan_title(edition: Edition) -> str:
    return f"{edition.title} {edition.period_label}"


def build_plan(edition_id: str, audience: str) -> tuple[str, str] | None:
    """The builder printing.documents calls in the worker; None once the key no longer applies."""
    edition = Edition.objects.select_related("organization").filter(pk=edition_id).first()
    if edition is None or (audience == "public") != edition.is_public:
        return None
    return plan_title(edition), plan_html(edition)


def schedule_plan(edition: Edition, *, delay: float | None = None) -> bool:
    return schedule(plan_key(edition), edition.content_version, title=plan_title(edition), delay=delay)


def edition_changed(edition_id: int) -> None:
    """After a commit that changed the edition: a published plan's PDF is rendered before anyone asks."""
    edition = Edition.objects.filter(pk=edition_id).select_related("organization").first()
    if edition is not None and edition.is_public:
        schedule_plan(edition)
