"""Cut a printable HTML document into parts at the page breaks it forces.

A part starts on a new page in the whole document too, so laying the parts out one by one
gives the same pages as laying out the whole (tests/pdf/test_assembled_pdf.py compares them
pixel for pixel). That lets printing/assemble.py keep each part's PDF and, after an edit,
lay out again only the parts whose HTML changed.

Where the document forces a page break is written in static/pdf/print.css; ``PAGE_STARTS``
below must name the same elements (a part cut where the CSS does not break would start a
page the whole document does not, which the pixel test sees).

Headers and footers are not part of a part: a page's number and running title depend on
the pages before it, so assemble.py stamps them afterwards, and a part hides its own.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

# The elements print.css starts on a new page ("break-before: page"), as XPath.
_HAS_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
PAGE_STARTS = " | ".join([
    "//section[{}]".format(_HAS_CLASS.format("cover")),
    "//div[{}]/*".format(_HAS_CLASS.format("front-matter")),
    "//*[{}]".format(_HAS_CLASS.format("chapter")),
])
# .project + .project: a project after another starts its own page too. A part per project
# would make hundreds of small parts, each with its own fonts' tables, so projects are grouped:
# a group ends before a project whose HTML's digest is a multiple of PROJECTS_PER_PART (on
# average one in that many, and the same one whatever changes elsewhere, so that an edit moves
# no other group's bounds), or after twice that many projects.
PROJECT_PAGE_STARTS = "//*[{0}][preceding-sibling::*[1][{0}]]".format(_HAS_CLASS.format("project"))
PROJECTS_PER_PART = 4
# Boxes drawn on every page (position: fixed), such as the draft watermark: every part gets them.
ON_EVERY_PAGE = "//body/*[{}]".format(_HAS_CLASS.format("watermark"))

# What a part's own pages leave out: the margin boxes, which assemble.py stamps over them.
# (One rule per named page of print.css: a named page's margin boxes outrank plain @page.)
PAGE_NAMES = ("", "cover", "front", "body-start", "landscape")
NO_MARGIN_BOXES = "\n".join(
    f"@page {name} {{ @top-left {{ content: none }} @top-right {{ content: none }} "
    f"@bottom-center {{ content: none }} }}"
    for name in PAGE_NAMES
)
# Where the targets of links into other parts go: nowhere visible, so the links survive.
_TARGETS_STYLE = "position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: hidden"


@dataclass(frozen=True)
class Part:
    """One part: its own complete HTML document, and what assembly needs to know of it."""

    html: str
    digest: str  # of the HTML: the part's identity in the store
    section: str  # "cover", "front" or "body": how its pages are numbered
    running: str  # the running chapter title its pages carry ("" = the one before)
    ids: frozenset[str]  # the ids of the elements it prints
    toc_links: tuple[str, ...] = ()  # the targets of its table-of-contents links


@dataclass
class _Node:
    element: etree._Element
    start: int
    end: int = 0
    children: list[_Node] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Cut:
    parts: list[Part]
    head: str  # the document's <head> without its stylesheet links
    stylesheets: tuple[str, ...]  # their URLs: assemble.py parses each once for all the parts
    title: str  # the running title of the plan (print.css: .cover-title's string-set)


def split(html: str) -> Cut:
    """The parts of ``html``, in order."""
    root = lxml.html.document_fromstring(html)
    head, body = root.find("head"), root.find("body")
    if head is None:
        head = etree.Element("head")
    every_page = root.xpath(ON_EVERY_PAGE)
    for element in every_page:
        body.remove(element)
    tree, order = _index(body)
    cuts = sorted({order[element] for element in root.xpath(PAGE_STARTS)} | _project_cuts(root, order))
    if not cuts or cuts[0] != 0:
        cuts.insert(0, 0)  # whatever comes before the first page break
    bounds = list(zip(cuts, [*cuts[1:], tree.end + 1], strict=True))
    links = head.xpath("link[@rel='stylesheet'][@href]")
    for link in links:
        head.remove(link)
    head_html = etree.tostring(head, encoding="unicode", method="html")
    parts = []
    for first, stop in bounds:
        starts: list = []
        part_body = _copy(tree, first, stop, starts)
        if not len(part_body) and not (part_body.text or "").strip():
            continue  # only the white space before the first page break
        for element in every_page:
            part_body.append(_deep_copy(element))
        parts.append(_part(head_html, part_body, starts[0]))
    titles = root.xpath("//*[{}]/@data-running".format(_HAS_CLASS.format("cover-title")))
    return Cut(
        parts=parts,
        head=head_html,
        stylesheets=tuple(link.get("href") for link in links),
        title=titles[0] if titles else "",
    )


def _project_cuts(root, order) -> set[int]:
    cuts, run = set(), 0
    for project in root.xpath(PROJECT_PAGE_STARTS):
        run += 1
        digest = hashlib.sha256(etree.tostring(project)).digest()
        if int.from_bytes(digest[:4], "big") % PROJECTS_PER_PART == 0 or run >= 2 * PROJECTS_PER_PART:
            cuts.add(order[project])
            run = 0
    return cuts


def with_toc_pages(part: Part, pages: dict[str, str]) -> Part:
    """``part`` with each table-of-contents link given its target's page number as printed.

    print.css prints ``data-page`` where the whole document would print target-counter():
    the targets are in other parts, laid out before this one.
    """
    root = lxml.html.document_fromstring(part.html)
    for link in root.xpath("//*[{}]//a[starts-with(@href, '#')]".format(_HAS_CLASS.format("toc"))):
        target = link.get("href")[1:]
        if target in pages:
            link.set("data-page", pages[target])
    html = "<!doctype html>\n" + etree.tostring(root, encoding="unicode", method="html")
    return Part(
        html=html,
        digest=hashlib.sha256(html.encode()).hexdigest(),
        section=part.section,
        running=part.running,
        ids=part.ids,
        toc_links=part.toc_links,
    )


def _index(body: etree._Element) -> tuple[_Node, dict]:
    """Number every element in document order; each node knows the span of its subtree."""
    order: dict = {}
    counter = 0

    def visit(element) -> _Node:
        nonlocal counter
        node = _Node(element, counter)
        order[element] = counter
        counter += 1
        for child in element:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                continue
            child_node = visit(child)
            node.children.append(child_node)
            node.starts.append(child_node.start)
        node.end = counter - 1
        return node

    return visit(body), order


def _copy(node: _Node, first: int, stop: int, starts: list) -> etree._Element:
    """The elements of ``node``'s subtree numbered ``first`` to ``stop`` - 1, with their ancestors.

    ``starts`` receives the copy of the element the part starts with.
    """
    element = node.element
    copy = etree.Element(element.tag, dict(element.attrib))
    if node.start < first:
        copy.attrib.pop("id", None)  # an ancestor begun in an earlier part: its id is printed there
    if node.start == first:
        starts.append(copy)
    if first <= node.start < stop:
        copy.text = element.text
    # Children that end before ``first`` or start at ``stop`` or later belong to other parts.
    index = max(bisect.bisect_right(node.starts, first) - 1, 0)
    if node.start < first and node.children and node.children[0].end < first:
        # Earlier children are in earlier parts; a stand-in that prints nothing (and is allowed
        # anywhere, tables included) keeps :first-child true only of what was the first child
        # (print.css: .body > .chapter:first-child).
        copy.append(etree.Element("template"))
    for child in node.children[index:]:
        if child.start >= stop:
            break
        if child.end < first:
            continue
        child_copy = _copy(child, first, stop, starts)
        if child.end >= stop and not len(child_copy) and not (child_copy.text or "").strip():
            continue  # opens just before the next part's first element: it belongs there
        if first <= child.end < stop:
            child_copy.tail = child.element.tail
        copy.append(child_copy)
    return copy


def _deep_copy(element):
    copied = copy.deepcopy(element)
    copied.tail = None
    return copied


def _part(head_html: str, body: etree._Element, start: etree._Element) -> Part:
    ids = frozenset(element.get("id") for element in body.iter() if isinstance(element.tag, str) and element.get("id"))
    links = [href[1:] for href in body.xpath(".//a/@href") if href.startswith("#") and len(href) > 1]
    missing = sorted({target for target in links if target not in ids})
    if missing:
        targets = etree.Element("div", {"aria-hidden": "true", "style": _TARGETS_STYLE})
        for target in missing:
            etree.SubElement(targets, "span", {"id": target})
        # Inside the part's first element, so that they share its page (and its page name).
        start.append(targets)
    toc_links = [
        link.get("href")[1:]
        for link in body.xpath(".//*[{}]//a[starts-with(@href, '#')]".format(_HAS_CLASS.format("toc")))
    ]
    html = "<!doctype html>\n<html lang=\"th\">" + head_html + etree.tostring(body, encoding="unicode", method="html") + "</html>"
    return Part(
        html=html,
        digest=hashlib.sha256(html.encode()).hexdigest(),
        section=_section(body),
        running=_running(body),
        ids=ids,
        toc_links=tuple(toc_links),
    )


def _section(body) -> str:
    if body.xpath(".//section[{}]".format(_HAS_CLASS.format("cover"))):
        return "cover"
    if body.xpath(".//div[{}]".format(_HAS_CLASS.format("front-matter"))):
        return "front"
    return "body"


def _running(body) -> str:
    # print.css: .chapter > h1 { string-set: chapter attr(data-running) }
    values = body.xpath(".//*[{}]/h1/@data-running".format(_HAS_CLASS.format("chapter")))
    return values[0] if values else ""
