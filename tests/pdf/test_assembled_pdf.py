"""The plan's PDF joined from parts (printing/assemble.py) against the same HTML laid out whole.

A reader must not be able to tell them apart: the same pages to the pixel, the same text,
links, outline and tags. And the point of the parts: after an edit only what changed is laid
out again, and the result is the file a render from nothing gives.
"""

import io
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops

from plans.models import Block, Edition
from portal.pdf import documents as plan_documents
from printing import assemble, parts, render, store
from printing.models import RenderedDocument
from projects.models import Project
from tests.factories import build_plan

pytestmark = pytest.mark.django_db

KEY = "plan:assembled-test"


@pytest.fixture(scope="module")
def plan(django_db_setup, django_db_blocker):
    """The factory plan (16 projects), its HTML, and its PDF laid out whole and joined from parts."""
    with django_db_blocker.unblock():
        rows_before = set(RenderedDocument.objects.values_list("pk", flat=True))
        edition = build_plan(scale=4)
        html = plan_documents.plan_html(edition)
    whole = render.html_to_pdf(html)
    stats = assemble.Stats()
    joined = assemble.html_to_pdf(KEY, html, stats)
    yield {"edition": edition, "html": html, "whole": whole, "joined": joined, "stats": stats}
    with django_db_blocker.unblock():
        organization = edition.organization
        Project.objects.filter(edition=edition).delete()
        Edition.objects.filter(pk=edition.pk).delete()
        organization.delete()
        # Built outside a test's transaction, the plan scheduled its PDFs: forget them too.
        RenderedDocument.objects.exclude(pk__in=rows_before).delete()


def page_images(pdf: bytes) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "40", "-gray", str(path), str(Path(folder) / "p")], check=True)
        return [Image.open(file).copy() for file in sorted(Path(folder).glob("p-*.pgm"))]


def page_words(pdf: bytes) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    # The stamped headers and footers come last in the content: compare each page's words, not their order.
    return [sorted(page.decode().split()) for page in text.split(b"\f")]


def test_the_plan_is_cut_into_parts_at_its_page_breaks(plan):
    cut = parts.split(plan["html"])
    sections = [part.section for part in cut.parts]
    assert sections[0] == "cover" and sections.count("cover") == 1
    assert sections[1:3] == ["front", "front"]  # the foreword, the table of contents
    assert len(cut.parts) == plan["stats"].parts > 9  # and the chapters, and groups of projects
    assert [part for part in cut.parts if part.toc_links] == [cut.parts[2]]
    # Every element the document prints is in exactly one part.
    ids = Counter(identifier for part in cut.parts for identifier in part.ids)
    assert ids and max(ids.values()) == 1


def test_the_joined_pdf_has_the_pages_of_the_whole_document_to_the_pixel(plan):
    whole, joined = page_images(plan["whole"]), page_images(plan["joined"])
    assert len(joined) == len(whole) > 30
    differing = [
        number for number, (a, b) in enumerate(zip(whole, joined, strict=True), start=1)
        if a.size != b.size or ImageChops.difference(a, b).getbbox() is not None
    ]
    assert differing == []


def test_every_page_reads_the_same_headers_footers_and_table_of_contents_included(plan):
    whole, joined = page_words(plan["whole"]), page_words(plan["joined"])
    assert joined == whole
    assert any("๑" in words and "หน้า" in words for words in joined)  # the footer's Thai digits


def _links(pdf: bytes) -> list[tuple]:
    """(page, rectangle, page the link lands on) for every internal link."""
    document = pikepdf.open(io.BytesIO(pdf))
    page_numbers = {page.objgen: number for number, page in enumerate(document.pages)}
    dests = {}
    names = document.Root.Names.Dests.Names
    for i in range(0, len(names), 2):
        dests[str(names[i])] = page_numbers[names[i + 1][0].objgen]
    found = []
    for number, page in enumerate(document.pages):
        for annotation in page.obj.get("/Annots", []):
            if "/Dest" in annotation:
                rect = tuple(round(float(v), 1) for v in annotation.Rect)
                found.append((number, rect, dests[str(annotation.Dest)]))
    return sorted(found)


def test_every_link_lands_on_the_page_it_lands_on_in_the_whole_document(plan):
    joined = _links(plan["joined"])
    assert joined == _links(plan["whole"])
    # The table of contents (front matter) links to the chapters, which are in other parts.
    assert len([link for link in joined if link[0] < 4]) >= 20


def _outline(pdf: bytes) -> list[tuple]:
    document = pikepdf.open(io.BytesIO(pdf))
    page_numbers = {page.objgen: number for number, page in enumerate(document.pages)}
    items = []

    def walk(nodes, depth):
        for node in nodes:
            items.append((depth, node.title, page_numbers[node.destination[0].objgen]))
            walk(node.children, depth + 1)

    with document.open_outline() as outline:
        walk(outline.root, 0)
    return items


def test_it_says_what_the_whole_document_says_of_itself(plan):
    whole, joined = pikepdf.open(io.BytesIO(plan["whole"])), pikepdf.open(io.BytesIO(plan["joined"]))
    assert joined.pdf_version == whole.pdf_version == "1.7"  # PDF/UA-1
    for entry in ("/Lang", "/MarkInfo", "/ViewerPreferences"):
        assert joined.Root[entry] == whole.Root[entry]
    assert str(joined.docinfo.Title) == str(whole.docinfo.Title)
    with joined.open_metadata() as metadata, whole.open_metadata() as expected:
        assert metadata.get("pdfuaid:part") == expected.get("pdfuaid:part") == "1"
        assert metadata.get("dc:title") == expected.get("dc:title")


def test_the_outline_is_the_whole_documents_outline(plan):
    joined = _outline(plan["joined"])
    assert joined == _outline(plan["whole"])
    assert {depth for depth, _title, _page in joined} >= {0, 1}


def _tags_nothing(element) -> bool:
    """A structure element with no marked content and no annotation in all its subtree."""
    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return False
    kids = element.get("/K")
    if kids is None:
        return True
    return all(_tags_nothing(kid) for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]))


def _tags(pdf: bytes) -> tuple[Counter, list[int], list[int]]:
    """Structure elements by type, and per page the marked contents and the tags that claim them."""
    document = pikepdf.open(io.BytesIO(pdf))
    root = document.Root.StructTreeRoot
    kinds = Counter()

    def walk(element):
        if isinstance(element, pikepdf.Dictionary) and "/S" in element and not _tags_nothing(element):
            kinds[str(element.S)] += 1
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
                walk(kid)

    for kid in root.K:
        walk(kid)
    nums = root.ParentTree.Nums
    parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    marked, claimed = [], []
    for page in document.pages:
        mcids = [
            operands[1].MCID for operands, operator in pikepdf.parse_content_stream(page)
            if operator == pikepdf.Operator("BDC") and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
        ]
        marked.append(len(mcids))
        entry = parent_tree.get(int(page.obj.StructParents)) if "/StructParents" in page.obj else None
        claimed.append(len([e for e in entry if e is not None]) if entry is not None else 0)
        if "/ParentTreeNextKey" in root:  # the joined document says it (WeasyPrint's does not)
            assert int(root.ParentTreeNextKey) > int(page.obj.get("/StructParents", -1))
    return kinds, marked, claimed


def test_the_tags_are_the_whole_documents_and_each_page_points_at_its_own(plan):
    kinds, marked, claimed = _tags(plan["joined"])
    whole_kinds, _whole_marked, _ = _tags(plan["whole"])
    # The joined document leaves out elements that tag nothing (such as the out-of-sight targets
    # of links between parts, parts.py); every element that tags something is there.
    assert kinds == whole_kinds
    assert kinds["/H1"] >= 6 and kinds["/Link"] >= 20
    assert marked == claimed and sum(marked) > 500


def test_headers_and_footers_are_drawn_as_artifacts(plan):
    document = pikepdf.open(io.BytesIO(plan["joined"]))
    for page in document.pages:
        instructions = pikepdf.parse_content_stream(page)
        assert [str(operator) for _operands, operator in instructions[-5:]] == ["BMC", "q", "Do", "Q", "EMC"]
        assert instructions[-5].operands[0] == pikepdf.Name.Artifact


def test_each_font_file_is_embedded_once(plan):
    document = pikepdf.open(io.BytesIO(plan["joined"]))
    files = [obj for obj in document.objects if isinstance(obj, pikepdf.Stream) and "/Length1" in obj]
    assert 1 < len(files) <= 3  # Laksaman regular and bold (and italic where the text has it)
    assert len({bytes(file.read_raw_bytes()) for file in files}) == len(files)
    assert len(plan["joined"]) < 3 * len(plan["whole"])


def _edit_one_project(edition) -> str:
    project = Project.objects.filter(edition=edition).order_by("number").last()
    project.rationale = (project.rationale or "") + " แก้ไขเพื่อทดสอบ"
    project.save()
    return plan_documents.plan_html(Edition.objects.get(pk=edition.pk))


def test_after_an_edit_only_the_edited_part_is_laid_out_again_and_the_file_is_as_from_nothing(plan):
    html = _edit_one_project(plan["edition"])
    assert html != plan["html"]
    again = assemble.Stats()
    edited = assemble.html_to_pdf(KEY, html, again)
    # The part with that project; the headers and footers only if the page count changed.
    assert 1 <= again.laid_out <= 2 < again.parts
    from_nothing = assemble.html_to_pdf("plan:assembled-test-fresh", html)
    assert edited == from_nothing
    assert "แก้ไขเพื่อทดสอบ" in subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=edited, capture_output=True, check=True
    ).stdout.decode()
    # The parts of the version before are deleted; the current ones are kept.
    _dirs, files = store.storage().listdir(assemble._folder(KEY))
    assert len(files) == 2 * (again.parts + 1)  # each part and the headers: a PDF and its facts
    assemble.forget("plan:assembled-test-fresh")
    assert store.storage().listdir(assemble._folder("plan:assembled-test-fresh"))[1] == []


def test_a_stored_part_that_fails_its_hash_is_laid_out_again(plan):
    folder = assemble._folder("plan:assembled-damaged")
    first = assemble.html_to_pdf("plan:assembled-damaged", plan["html"])
    storage = store.storage()
    name = sorted(file for file in storage.listdir(folder)[1] if file.endswith(".pdf"))[0]
    with storage.open(f"{folder}/{name}", "rb") as handle:
        damaged = bytearray(handle.read())
    damaged[len(damaged) // 2] ^= 0xFF
    storage.delete(f"{folder}/{name}")
    storage.save(f"{folder}/{name}", io.BytesIO(bytes(damaged)))
    stats = assemble.Stats()
    assert assemble.html_to_pdf("plan:assembled-damaged", plan["html"], stats) == first
    assert stats.laid_out == 1
    assemble.forget("plan:assembled-damaged")


def test_a_part_keeps_first_child_rules_true_only_of_the_first_child():
    html = (
        '<!doctype html><html><head><title>t</title></head><body><main class="body">'
        '<section class="chapter" id="a"><h1>ก</h1></section>'
        '<section class="chapter" id="b"><h1>ข</h1><a href="#a">ไป ก</a></section>'
        "</main></body></html>"
    )
    first, second = parts.split(html).parts
    assert 'id="b"' not in first.html
    # Only a hidden stand-in for the first chapter comes before the second: .chapter:first-child
    # (print.css's first page of the body) does not match it.
    assert '<main class="body"><template></template><section class="chapter" id="b">' in second.html
    # The link to the other part keeps a target, out of sight, so WeasyPrint keeps the link.
    assert '<span id="a"></span>' in second.html and second.ids == {"b"}


def test_a_block_in_the_text_edited_changes_one_part_only(plan):
    block = Block.objects.filter(section__edition=plan["edition"], kind=Block.Kind.PARAGRAPH).first()
    before = {part.digest for part in parts.split(plan_documents.plan_html(plan["edition"])).parts}
    block.text = "<p>ย่อหน้าที่แก้ไข</p>"
    block.save()
    after = {part.digest for part in parts.split(plan_documents.plan_html(Edition.objects.get(pk=plan["edition"].pk))).parts}
    assert len(after - before) == 1
