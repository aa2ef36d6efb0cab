"""A long document's PDF made of parts laid out apart, so that an edit lays out only what changed.

``html_to_pdf(key, html)`` gives the same pages as printing.render.html_to_pdf(html): the
document is cut where it forces a page break anyway (printing/parts.py), each part is laid
out by WeasyPrint on its own and its PDF kept in the PDF storage under its HTML's digest;
the next render of the same document reuses every part whose HTML is unchanged. Then, from
the parts' page counts:

- the table of contents, laid out last, is given the page of each heading;
- headers and footers (page numbers, running titles), left out of the parts, are laid out in
  one document of empty pages with the same page names, and drawn over the parts' pages as
  artifacts (PDF/UA: they are not content);
- pikepdf (qpdf) joins the pages, one structure tree of the parts' tags, one set of named
  destinations (so links between parts work), one outline, and one copy of each font.

Nothing here depends on what the document says; printing/parts.py knows the page breaks.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import warnings
from dataclasses import dataclass
from functools import cached_property
from html import escape
from urllib.parse import urljoin

from django.core.files.base import ContentFile

from printing import cache, render, store
from printing import parts as parts_module

LOGGER = logging.getLogger(__name__)

# Every part is tagged (PDF/UA) and embeds whole font files, not subsets: the parts then embed
# the same file, which the join keeps once (a subset per part would repeat it in every part).
WRITE_OPTIONS = {"pdf_variant": "pdf/ua-1"}
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# The page groups of print.css, in the order a document has them.
SECTIONS = ("cover", "front", "body")


@dataclass(frozen=True)
class LaidOut:
    """A part's PDF and what the join needs to know about it."""

    pdf: bytes
    pages: int
    landscape: list[bool]
    anchors: dict[str, list]  # id -> [page index in the part, x, y] (PDF points, from the bottom)
    bookmarks: list[list]  # [level, label, page index, x, y, state]


@dataclass
class Stats:
    parts: int = 0
    laid_out: int = 0  # parts laid out in this render (the others came from the store)


def html_to_pdf(key: str, html: str, stats: Stats | None = None) -> bytes:
    """The PDF of ``html``, the document stored under ``key``, reusing its unchanged parts."""
    stats = stats if stats is not None else Stats()
    cut = parts_module.split(html)
    order = [SECTIONS.index(part.section) for part in cut.parts]
    if order != sorted(order):
        # Headers and footers are numbered per group, cover, front matter, body: a document
        # that mixes them is laid out whole, as before.
        LOGGER.warning("%s: its parts are not in the order cover, front matter, body; laid out whole", key)
        return render.html_to_pdf(html)
    stats.parts = len(cut.parts)
    folder = _folder(key)
    sheets = _Stylesheets(cut.stylesheets)
    laid = {part.digest: _laid_out(folder, part.html, sheets, stats) for part in cut.parts if not part.toc_links}
    # The table of contents last: it prints the pages the other parts' headings landed on. A
    # heading after it in the front matter moves with its length: lay it out again if so.
    final, numbers = cut.parts, None
    for _attempt in range(3):
        wanted = _target_numbers(final, laid, _page_sequence(final, laid))
        if wanted == numbers:
            break
        numbers = wanted
        final = [parts_module.with_toc_pages(part, numbers) if part.toc_links else part for part in cut.parts]
        for part in final:
            if part.toc_links:
                laid[part.digest] = _laid_out(folder, part.html, sheets, stats)
    overlay = overlay_html(cut, final, laid)
    joined = _join(final, laid, _laid_out(folder, overlay, sheets, stats, overlay=True))
    _forget_others(folder, {_digest(part.html) for part in final} | {_digest(overlay)})
    return joined


# The store: one folder per document, a part's PDF and its facts under its digest.

def _folder(key: str) -> str:
    return "parts/" + hashlib.sha256(key.encode()).hexdigest()[:24]


def _digest(html: str) -> str:
    # The renderer's code and the print CSS and fonts are part of what a stored part depends on.
    identity = "\0".join((render.renderer_version(), cache.assets_digest(), html))
    return hashlib.sha256(identity.encode()).hexdigest()


def _laid_out(folder: str, html: str, sheets: _Stylesheets, stats: Stats, *, overlay: bool = False) -> LaidOut:
    name = f"{folder}/{_digest(html)}"
    found = _load(name)
    if found is not None:
        return found
    stats.laid_out += 1
    return _save(name, _lay_out(html, sheets, overlay=overlay))


def _load(name: str) -> LaidOut | None:
    storage = store.storage()
    try:
        with storage.open(name + ".json", "rb") as handle:
            facts = json.loads(handle.read())
        with storage.open(name + ".pdf", "rb") as handle:
            pdf = handle.read()
    except Exception:  # not stored yet (or half stored): lay it out again
        return None
    if hashlib.sha256(pdf).hexdigest() != facts.get("sha256"):
        LOGGER.warning("stored part %s does not match its hash; laying it out again", name)
        return None
    return LaidOut(pdf=pdf, **{k: facts[k] for k in ("pages", "landscape", "anchors", "bookmarks")})


def _save(name: str, laid: LaidOut) -> LaidOut:
    storage = store.storage()
    facts = {
        "sha256": hashlib.sha256(laid.pdf).hexdigest(),
        "pages": laid.pages,
        "landscape": laid.landscape,
        "anchors": laid.anchors,
        "bookmarks": laid.bookmarks,
    }
    for suffix, content in ((".pdf", laid.pdf), (".json", json.dumps(facts).encode())):
        if storage.exists(name + suffix):
            storage.delete(name + suffix)
        storage.save(name + suffix, ContentFile(content))
    return laid


def forget(key: str) -> None:
    """Delete every stored part of the document ``key`` (it no longer exists)."""
    _forget_others(_folder(key), set())


def _forget_others(folder: str, keep: set[str]) -> None:
    """Delete the parts of earlier versions of this document that this one no longer uses."""
    storage = store.storage()
    try:
        _, files = storage.listdir(folder)
    except (OSError, NotImplementedError):
        return
    for file in files:
        if file.rsplit(".", 1)[0] not in keep:
            store.delete(f"{folder}/{file}")


# Laying out one document with WeasyPrint.

class _Stylesheets:
    """The document's stylesheets, parsed once for all its parts (parsing print.css and loading
    its fonts for each part took a third of a part's time), and only when a part is laid out."""

    def __init__(self, urls):
        self.urls = urls

    @cached_property
    def loaded(self):
        weasyprint = render.load_weasyprint()
        from weasyprint.css.counters import CounterStyle
        from weasyprint.text.fonts import FontConfiguration

        # @font-face and @counter-style rules (Thai digits) land in these, for every part to use.
        font_config, counter_style = FontConfiguration(), CounterStyle()
        fetcher = render.make_fetcher()
        sheets = [
            weasyprint.CSS(
                url=urljoin(render.BASE_URL, url), url_fetcher=fetcher, font_config=font_config,
                counter_style=counter_style,
            )
            for url in self.urls
        ]
        no_margin_boxes = weasyprint.CSS(string=parts_module.NO_MARGIN_BOXES, font_config=font_config)
        return sheets, no_margin_boxes, font_config, counter_style, fetcher


def _lay_out(html: str, sheets: _Stylesheets, *, overlay: bool = False) -> LaidOut:
    weasyprint = render.load_weasyprint()
    from printing import textlayer

    stylesheets, no_margin_boxes, font_config, counter_style, fetcher = sheets.loaded
    # The headers and footers are artifacts drawn over tagged pages: they are not tagged themselves.
    options = {} if overlay else WRITE_OPTIONS
    document = weasyprint.HTML(string=html, base_url=render.BASE_URL, url_fetcher=fetcher).render(
        stylesheets=stylesheets if overlay else [*stylesheets, no_margin_boxes],
        font_config=font_config, counter_style=counter_style, **options,
    )
    anchors, bookmarks, landscape = {}, [], []
    for index, page in enumerate(document.pages):
        height = page.height * 0.75  # CSS px to PDF points, y from the bottom
        landscape.append(page.width > page.height)
        for name, (x, y, *_rest) in page.anchors.items():
            anchors.setdefault(name, [index, x * 0.75, height - y * 0.75])
        for level, label, (x, y), state in page.bookmarks:
            bookmarks.append([level, label, index, x * 0.75, height - y * 0.75, state])
    pdf = textlayer.write_pdf(document, whole_fonts=True, **options)
    return LaidOut(pdf=pdf, pages=len(document.pages), landscape=landscape, anchors=anchors, bookmarks=bookmarks)


# Page numbers.

@dataclass(frozen=True)
class _Page:
    part: int  # index in the parts
    index: int  # page index in its part
    section: str  # cover, front or body
    counter: int  # the CSS page counter on this page (front and body each restart at 1)
    landscape: bool
    running: str  # running chapter title; "" before the first chapter


def _page_sequence(cut, laid) -> list[_Page]:
    pages, counters, running = [], {"cover": 0, "front": 0, "body": 0}, ""
    for number, part in enumerate(cut):
        facts = laid.get(part.digest)
        count = facts.pages if facts else 1  # a table of contents not laid out yet
        running = part.running or running
        for index in range(count):
            counters[part.section] += 1
            pages.append(_Page(
                number, index, part.section, counters[part.section],
                bool(facts and facts.landscape[index]), running if part.section == "body" else "",
            ))
    return pages


def _target_numbers(cut, laid, sequence) -> dict[str, str]:
    """Each id's page number as the table of contents prints it (target-counter, Thai digits)."""
    first_page = {}
    for position, page in enumerate(sequence):
        first_page.setdefault((page.part, page.index), position)
    numbers = {}
    for number, part in enumerate(cut):
        facts = laid.get(part.digest)
        if facts is None:
            continue
        for name, (index, _x, _y) in facts.anchors.items():
            if name in part.ids and name not in numbers:
                numbers[name] = str(sequence[first_page[(number, index)]].counter).translate(THAI_DIGITS)
    return numbers


# Headers and footers: empty pages with the same page names, laid out once per numbering.

def overlay_html(cut, final, laid) -> str:
    """A document of empty pages, one per page of the parts, that prints only their margin boxes.

    Its pages carry print.css's classes, so they get the same page names, numbering and running
    titles as the whole document would: the cover, the front matter (ก ข ค), the body
    (๑ / N, where N is the page of #doc-end) and its landscape pages.
    """
    sequence = _page_sequence(final, laid)
    pages = {section: [page for page in sequence if page.section == section] for section in SECTIONS}
    html = []
    if pages["cover"]:
        html.append(f'<section class="cover"><h1 class="cover-title" data-running="{escape(cut.title)}"></h1>')
        html.extend(['<div style="break-before: page"></div>'] * (len(pages["cover"]) - 1))
        html.append("</section>")
    if pages["front"]:
        html.extend(['<div class="front-matter">', "<div></div>" * len(pages["front"]), "</div>"])
    if pages["body"]:
        html.append('<main class="body">')
        running = None
        for page in pages["body"]:
            heading = f'<h1 data-running="{escape(page.running)}"></h1>' if page.running != running else ""
            running = page.running
            html.append(f'<section class="chapter{" landscape" if page.landscape else ""}">{heading}</section>')
        html.append('<div id="doc-end"></div></main>')
    return f'<!doctype html>\n<html lang="th">{cut.head}<body>{"".join(html)}</body></html>'


# Joining the parts with pikepdf.

def _join(cut, laid, overlay: LaidOut) -> bytes:
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    out = pikepdf.Pdf.new()
    overlay_pdf = pikepdf.Pdf.open(io.BytesIO(overlay.pdf))
    document_element = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    tree_root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([document_element])))
    document_element.P = tree_root
    parent_nums = Array()
    next_key = 0
    dests: dict[str, object] = {}
    opened = []  # pikepdf copies pages lazily: each part's file stays open until the save
    version = "1.7"
    for part in cut:
        facts = laid[part.digest]
        source = pikepdf.Pdf.open(io.BytesIO(facts.pdf))
        opened.append(source)
        first = len(out.pages)
        with warnings.catch_warnings():
            # pikepdf warns that named destinations are not copied with the pages: _join copies them.
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(source.pages)
        root = source.Root
        if not opened[1:]:  # the first part gives the document its catalogue entries
            for entry in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
                if entry in root:
                    out.Root[entry] = _copy(out, root[entry])
            out.docinfo = _copy(out, source.docinfo)
            version = source.pdf_version  # PDF/UA-1 is PDF 1.7: the join says so too
        offset = next_key
        if "/StructTreeRoot" in root:
            source_tree = root.StructTreeRoot
            for kid in source_tree.K:
                for element in _document_kids(kid):
                    copied = _copy(out, element)
                    if not _prune_empty(copied):  # (an empty copy is never written: nothing points at it)
                        copied.P = document_element
                        document_element.K.append(copied)
            for number, value in pikepdf.NumberTree(source_tree.ParentTree).items():
                parent_nums.append(number + offset)
                parent_nums.append(_copy(out, value))
                next_key = max(next_key, number + offset + 1)
            for page in out.pages[first:]:
                if "/StructParents" in page.obj:
                    page.obj.StructParents = int(page.obj.StructParents) + offset
                for annotation in page.obj.get("/Annots", []):
                    if "/StructParent" in annotation:
                        annotation.StructParent = int(annotation.StructParent) + offset
        if "/Names" in root and "/Dests" in root.Names:
            for name, dest in pikepdf.NameTree(root.Names.Dests).items():
                if name in part.ids and name not in dests:
                    dests[name] = _copy(out, dest)
    tree_root.ParentTree = out.make_indirect(Dictionary(Nums=parent_nums))
    tree_root.ParentTreeNextKey = next_key
    out.Root.StructTreeRoot = tree_root
    if dests:
        names = Array()
        for name in sorted(dests):
            names.append(String(name))
            names.append(dests[name])
        out.Root.Names = Dictionary(Dests=out.make_indirect(Dictionary(Names=names)))
    _stamp(out, overlay_pdf)
    _outline(out, cut, laid)
    _share_fonts(out)
    buffer = io.BytesIO()
    # The same parts give the same bytes (a random /ID would make every join a new file).
    out.save(
        buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
        deterministic_id=True, min_version=version,
    )
    return buffer.getvalue()


def _copy(out, value):
    """A value of another PDF in ``out``: indirect objects through qpdf's copier, direct ones as they are."""
    import pikepdf

    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, item) for key, item in value.items()})
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copy(out, item) for item in value])
    return value


def _prune_empty(element) -> bool:
    """Drop the kids of a structure element that tag nothing (no marked content, no annotation
    in all their subtree), in one walk; True when the element itself then tags nothing.

    The out-of-sight targets parts.py adds for links into other parts are such elements.
    """
    import pikepdf

    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return False  # a marked-content id, or a reference to marked content or an annotation
    kids = element.get("/K")
    if kids is None:
        return True
    if not isinstance(kids, pikepdf.Array):
        return _prune_empty(kids)
    kept = [kid for kid in kids if not _prune_empty(kid)]
    if len(kept) != len(kids):
        element.K = pikepdf.Array(kept)
    return not kept


def _document_kids(element):
    """The top elements of a part's tags (WeasyPrint wraps them in one Document element)."""
    if str(element.get("/S")) == "/Document":
        return list(element.K)
    return [element]


def _stamp(out, overlay_pdf) -> None:
    """Draw each overlay page (headers and footers) over the same page, marked as an artifact."""
    from pikepdf import Dictionary

    if len(overlay_pdf.pages) != len(out.pages):
        raise RuntimeError(f"headers and footers: {len(overlay_pdf.pages)} pages for {len(out.pages)}")
    for page, stamp in zip(out.pages, overlay_pdf.pages, strict=True):
        # The pages of a part share one /Resources: each page gets its own, with its own stamp.
        resources = Dictionary(dict(page.obj.get("/Resources", Dictionary()).items()))
        resources.XObject = Dictionary(dict(resources.get("/XObject", Dictionary()).items()))
        resources.XObject.HeaderFooter = _copy(out, stamp.as_form_xobject())
        page.obj.Resources = resources
        # WeasyPrint's page content changes the coordinate system without restoring it: fence it.
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"\nQ\n/Artifact BMC q /HeaderFooter Do Q EMC\n", prepend=False)


def _outline(out, cut, laid) -> None:
    """One outline of every part's bookmarks, nested by heading level as WeasyPrint nests them."""
    from pikepdf import Array, Dictionary, Name, String

    flat, offset = [], 0
    for part in cut:
        facts = laid[part.digest]
        for level, label, index, x, y, state in facts.bookmarks:
            flat.append((level, label, offset + index, x, y, state))
        offset += facts.pages
    if not flat:
        return
    # WeasyPrint's make_bookmark_tree: a bookmark is a child of the last one of a lower level.
    root = {"children": [], "level": 0}
    stack = [root]
    for level, label, page, x, y, state in flat:
        while len(stack) > 1 and stack[-1]["level"] >= level:
            stack.pop()
        node = {"level": level, "label": label, "page": page, "x": x, "y": y, "state": state, "children": []}
        stack[-1]["children"].append(node)
        stack.append(node)

    def write(nodes, parent):
        items, count = [], len(nodes)
        for node in nodes:
            item = out.make_indirect(Dictionary(
                Title=String(node["label"]),
                Dest=Array([out.pages[node["page"]].obj, Name.XYZ, node["x"], node["y"], 0]),
                Parent=parent,
            ))
            children, child_count = write(node["children"], item)
            if children:
                item.First, item.Last = children[0], children[-1]
                item.Count = -child_count if node["state"] == "closed" else child_count
                if node["state"] != "closed":
                    count += child_count
            if items:
                item.Prev = items[-1]
                items[-1].Next = item
            items.append(item)
        return items, count

    outlines = out.make_indirect(Dictionary(Type=Name.Outlines))
    items, count = write(root["children"], outlines)
    outlines.First, outlines.Last, outlines.Count = items[0], items[-1], count
    out.Root.Outlines = outlines


def _share_fonts(out) -> None:
    """Each part embeds the same whole font file: point every font at one copy of it."""
    kept: dict[tuple, object] = {}
    seen: set = set()
    for page in out.pages:
        for resources in _all_resources(page.obj):
            for font in resources.get("/Font", {}).values():
                if font.objgen in seen:  # the pages of a part share their fonts
                    continue
                seen.add(font.objgen)
                for descendant in font.get("/DescendantFonts", [font]):
                    descriptor = descendant.get("/FontDescriptor")
                    for entry in ("/FontFile2", "/FontFile3", "/FontFile"):
                        if descriptor is not None and entry in descriptor:
                            stream = descriptor[entry]
                            key = (entry, hashlib.sha256(stream.read_raw_bytes()).digest())
                            first = kept.setdefault(key, stream)
                            if first.objgen != stream.objgen:
                                descriptor[entry] = first


def _all_resources(page):
    """A page's resources and those of the forms it draws (the stamped headers and footers)."""
    found, todo = [], [page.get("/Resources")]
    while todo:
        resources = todo.pop()
        if resources is None:
            continue
        found.append(resources)
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                todo.append(xobject.get("/Resources"))
    return found
