"""The HTML of each printable document, built from the same plan tree as the web pages."""

from __future__ import annotations

from itertools import zip_longest

from django.template.loader import render_to_string

from insights.alignment import alignment_report
from plans.models import Edition, Section
from portal.selectors import PlanTree, plan_tree
from printing.typography import keep_together

# Front matter the PDF writes itself: the source's own table of contents is
# replaced by one with this document's page numbers.
TOC_TITLES = {"สารบัญ"}

def split_front_matter(tree: PlanTree) -> tuple[list[Section], list[Section]]:
    """Unnumbered top-level sections before the first chapter (the foreword) go before the TOC."""
    front, body = [], []
    for chapter in tree.chapters:
        if not body and not chapter.number:
            if chapter.title.strip() not in TOC_TITLES:
                front.append(chapter)
        else:
            body.append(chapter)
    return front, body


def toc_entries(chapters: list[Section]) -> list[Section]:
    """Chapters and their sections, as the source's table of contents lists them."""
    entries = []
    for chapter in chapters:
        entries.append(chapter)
        entries.extend(s for s in chapter.child_list if s.in_toc)
    return entries


def annotate_for_print(tree: PlanTree) -> dict:
    """Attach what the print templates look up by key (Django templates cannot), in memory, no queries."""
    for section in tree.sections:
        section.print_title = keep_together(section.title, tree.edition.organization)
        section.has_sample = any(block.is_sample for block in section.block_list)
        for block in section.block_list:
            block.framework_obj = tree.frameworks_by_id.get(block.framework_id)
    embedded = {block.framework_id for s in tree.sections for block in s.block_list if block.embed == "indicators"}
    for framework in tree.frameworks:
        # Without an indicators table of its own (the IT plan), each strategy prints its indicators.
        framework.indicators_embedded = framework.id in embedded
        indicators = [*framework.loose_indicators]
        for strategy in framework.strategies.all():
            indicators.extend(strategy.indicator_list)
            # A unit column only where the targets don't already say the unit ("๙๐" vs "๑ บริการ").
            strategy.indicator_unit_column = any(
                i.unit and i.unit not in (i.total_text or "") for i in strategy.indicator_list
            )
        for indicator in indicators:
            indicator.target_cells = [indicator.target_by_year.get(y) for y in framework.indicator_years]
    years = tree.edition.years
    for project in tree.projects:
        project.budget_cells = [project.budget_by_year.get(y) for y in years]
    swot_items = [item for items in tree.swot.values() for item in items]
    swot_tables = [
        {"left": left_label, "right": right_label,
         "rows": list(zip_longest(tree.swot.get(left, []), tree.swot.get(right, [])))}
        for left, left_label, right, right_label in [
            ("strength", "จุดแข็ง (S)", "weakness", "จุดอ่อน (W)"),
            ("opportunity", "โอกาส (O)", "threat", "อุปสรรค (T)"),
        ]
    ]
    return {
        "budget_summary": tree.budget_summary(),
        "projects_have_sample": any(p.is_sample for p in tree.projects),
        "swot_is_sample": any(item.is_sample for item in swot_items),
        "swot_tables": swot_tables,
        "methods_have_sample": any(m.is_sample for m in tree.methods),
        "schedule_has_sample": any(r.is_sample for r in tree.schedule),
    }


def plan_html(edition: Edition, tree: PlanTree | None = None) -> str:
    """The whole plan as one HTML document for the PDF renderer.

    Rendered without a request on purpose: the same content must give the
    same HTML for every visitor, since the HTML is the cache key.
    """
    tree = tree or plan_tree(edition)
    front, body = split_front_matter(tree)
    return render_to_string(
        "pdf/plan.html",
        {
            **annotate_for_print(tree),
            "edition": edition,
            "organization": edition.organization,
            "tree": tree,
            "front_sections": front,
            "chapters": body,
            "toc": toc_entries(body),
            "is_draft": not edition.is_public,
            # An annex the portal adds: what the links between the frameworks show (issue 19).
            "alignment": alignment_report(edition),
        },
    )
