"""Public pages of an edition: front page, editions, the document reader, search, notices."""

from django.http import Http404
from django.shortcuts import render

from plans.access import NO_PUBLISHED_PLAN, current_edition, edition_for
from plans.models import Block, Edition, Organization, Section
from portal import search as plan_search
from portal.selectors import edition_overview, plan_tree


def home(request):
    """"/" is the current published edition's front page, at a stable address of its own too."""
    edition = current_edition(request)
    if edition is None:
        return render(request, "plans/no_plan.html", {"message": NO_PUBLISHED_PLAN, "organization": _organization()})
    return _edition_page(request, edition, is_home=True)


def edition(request, period):
    return _edition_page(request, edition_for(request, period), is_home=False)


def _edition_page(request, edition, *, is_home):
    overview = edition_overview(edition)
    context = {
        "edition": edition,
        "overview": overview,
        "has_sample": overview.has_sample,
        "is_home": is_home,
        "nav": "edition",
    }
    return render(request, "plans/edition.html", context)


def editions(request):
    """Every edition a visitor may see, newest first; earlier plans stay reachable."""
    edition_list = list(Edition.objects.visible_to(request.user).select_related("organization").order_by("-start_year"))
    return render(
        request,
        "plans/editions.html",
        {"edition_list": edition_list, "organization": edition_list[0].organization if edition_list else _organization()},
    )


def document(request, period):
    """The table of contents: every chapter and section with its number and pages as printed."""
    edition = edition_for(request, period)
    sections = list(Section.objects.filter(edition=edition).order_by("order"))
    chapters = _arrange(sections)
    with_text = set(
        Block.objects.filter(section__edition=edition).values_list("section_id", flat=True).distinct()
    )
    for section in sections:
        section.has_own_text = section.pk in with_text
    _mark_text(chapters)
    return render(
        request,
        "plans/document.html",
        {"edition": edition, "chapters": chapters, "nav": "document"},
    )


def chapter(request, period, order):
    """One chapter, in document order, with the structured data printed where the source prints it."""
    edition = edition_for(request, period)
    tree = plan_tree(edition)
    if not 1 <= order <= len(tree.chapters):
        raise Http404("ไม่พบบทนี้ในแผน")
    current = tree.chapters[order - 1]
    for section in tree.sections:
        section.has_own_text = bool(section.block_list)
    _mark_text(tree.chapters)
    context = {
        "edition": edition,
        "tree": tree,
        "chapter": current,
        "position": order,
        "previous": (order - 1, tree.chapters[order - 2]) if order > 1 else None,
        "next": (order + 1, tree.chapters[order]) if order < len(tree.chapters) else None,
        "has_sample": _chapter_has_sample(current, tree),
        "nav": "document",
    }
    return render(request, "plans/chapter.html", context)


def search(request, period):
    edition = edition_for(request, period)
    query = request.GET.get("q", "").strip()[: plan_search.MAX_QUERY_LENGTH]
    results = plan_search.search_edition(edition, query) if query else None
    return render(
        request,
        "plans/search.html",
        {"edition": edition, "query": query, "results": results, "nav": "search"},
    )


def privacy(request):
    return render(request, "plans/privacy.html", _notice_context(request))


def contact(request):
    return render(request, "plans/contact.html", _notice_context(request))


def _notice_context(request):
    edition = current_edition(request)
    return {"edition": edition, "organization": edition.organization if edition else _organization()}


def _organization():
    return Organization.objects.order_by("pk").first()


def _arrange(sections):
    """Hang sections under their parents in memory; returns the chapters."""
    by_parent = {}
    for section in sections:
        by_parent.setdefault(section.parent_id, []).append(section)
    for section in sections:
        section.child_list = by_parent.get(section.pk, [])
    return by_parent.get(None, [])


def _mark_text(sections) -> bool:
    """Set ``has_text`` on each section: it or a section below it has narrative in the source."""
    found = False
    for section in sections:
        below = _mark_text(section.child_list)
        section.has_text = section.has_own_text or below
        found = found or section.has_text
    return found


def _chapter_has_sample(chapter, tree) -> bool:
    """Whether anything shown in this chapter is sample content, so the page can say so."""
    embed_sample = {
        Block.Embed.SWOT: any(i.is_sample for items in tree.swot.values() for i in items),
        Block.Embed.PROJECT_SUMMARY: any(p.is_sample for p in tree.projects),
        Block.Embed.PROJECT_DETAILS: any(p.is_sample for p in tree.projects),
        Block.Embed.COMMITTEE: any(c.is_sample for c in tree.committees),
        Block.Embed.METHODS: any(m.is_sample for m in tree.methods),
        Block.Embed.SCHEDULE: any(r.is_sample for r in tree.schedule),
    }
    pending = [chapter]
    while pending:
        section = pending.pop()
        pending.extend(section.child_list)
        for block in section.block_list:
            if block.is_sample:
                return True
            if block.kind == Block.Kind.EMBED:
                framework = tree.frameworks_by_id.get(block.framework_id) or tree.it_plan
                if embed_sample.get(block.embed, framework is not None and framework.is_sample):
                    return True
    return False
