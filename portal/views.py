"""Public pages of an edition: front page, editions, the document reader, search, notices."""

from django.http import Http404
from django.shortcuts import redirect, render

from editions.completeness import public_completeness
from plans.access import NO_PUBLISHED_PLAN, current_edition, edition_for, organization_at, visible_editions
from plans.models import Edition, Section
from portal import search as plan_search
from portal.selectors import edition_overview
from portal.viewmodel import chapter_view, document_outline


def home(request, org):
    """"/<org>/" is the organization's current published edition's front page, at a stable
    address of its own too."""
    edition = current_edition(request, org)
    if edition is None:
        context = {"message": NO_PUBLISHED_PLAN, "organization": organization_at(org)}
        return render(request, "plans/no_plan.html", context)
    return _edition_page(request, edition, is_home=True)


def edition(request, org, period):
    return _edition_page(request, edition_for(request, org, period), is_home=False)


def _edition_page(request, edition, *, is_home):
    overview = edition_overview(edition)
    context = {
        "edition": edition,
        "overview": overview,
        "completeness": public_completeness(edition),
        "has_sample": overview.has_sample,
        "is_home": is_home,
        "nav": "edition",
    }
    return render(request, "plans/edition.html", context)


def editions(request, org):
    """Every edition of the organization a visitor may see, newest first; earlier plans stay reachable."""
    organization = organization_at(org)
    edition_list = list(
        (visible_editions(request.user, organization.pk) | Edition.objects.filter(
            organization=organization, status=Edition.Status.WITHDRAWN
        ))
        .select_related("organization")
        .order_by("-start_year", "-revision_number")
    )
    return render(request, "plans/editions.html", {"edition_list": edition_list, "organization": organization})


def document(request, org, period):
    """The table of contents: every chapter and section with its number and pages as printed."""
    edition = edition_for(request, org, period)
    chapters = document_outline(edition)
    return render(
        request,
        "plans/document.html",
        {"edition": edition, "chapters": chapters, "nav": "document"},
    )


def chapter(request, org, period, key):
    """One chapter, in document order, with the structured data printed where the source prints it.

    The address carries the chapter's key (its printed number, "2", or a word such as
    "foreword"), so inserting or moving chapters never changes it.
    """
    edition = edition_for(request, org, period)
    plan = chapter_view(edition, key)
    if plan is None:
        raise Http404("ไม่พบบทนี้ในแผน")
    current = plan.chapter_at(key)
    order = current.position
    context = {
        "edition": edition,
        "plan": plan,
        "chapter": current,
        "position": order,
        "previous": plan.chapter(order - 1) if order > 1 else None,
        "next": plan.chapter(order + 1),
        "has_sample": current.shows_sample,
        "nav": "document",
    }
    return render(request, "plans/chapter.html", context)


def chapter_by_position(request, org, period, order):
    """/document/<n>/ (the n-th chapter), the address chapters had before they had keys."""
    edition = edition_for(request, org, period)
    keys = list(Section.objects.filter(edition=edition, parent=None).order_by("order").values_list("key", flat=True))
    if not 1 <= order <= len(keys):
        raise Http404("ไม่พบบทนี้ในแผน")
    # Not permanent: the position of a chapter may change, its key does not.
    return redirect("plans:chapter", org=org, period=period, key=keys[order - 1])


def search(request, org, period):
    edition = edition_for(request, org, period)
    query = plan_search.clean_query(request.GET.get("q", ""))
    results = plan_search.search_edition(edition, query) if query else None
    return render(
        request,
        "plans/search.html",
        {"edition": edition, "query": query, "results": results, "nav": "search"},
    )


def privacy(request, org):
    return render(request, "plans/privacy.html", _notice_context(request, org))


def contact(request, org):
    return render(request, "plans/contact.html", _notice_context(request, org))


def _notice_context(request, org):
    edition = current_edition(request, org)
    return {"edition": edition, "organization": edition.organization if edition else organization_at(org)}
