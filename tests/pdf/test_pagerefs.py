"""PDF/UA tagging names each element's page from a page list built once, not once per element.

printing/pagerefs.py: pydyf rebuilt the list of page references on every read and WeasyPrint's
tagging reads it for every structure element, which made a large plan's render grow with the
square of its size. The tags must stay exactly what WeasyPrint writes without the shortcut.
"""

import io
from html import escape

import pydyf
import pytest
import weasyprint
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from printing import textlayer
from tests.pdf.test_textlayer import STYLE

PAGES = 12


def document() -> weasyprint.HTML:
    # Every page: a heading, two paragraphs and a list, each its own structure element.
    body = "".join(
        f"<section style='break-before: page'><h2>บทที่ {n}</h2><p>{escape('ตำบลท้ายเหมือง ' * 4)}</p>"
        f"<p>ย่อหน้าที่สองของหน้า {n}</p><ul><li>ข้อ ก</li><li>ข้อ ข</li></ul></section>"
        for n in range(1, PAGES + 1)
    )
    return weasyprint.HTML(
        string=f'<html lang="th"><head><meta charset="utf-8"><title>ทดสอบ</title>'
        f"<style>{STYLE} @page {{ size: A5 }}</style></head><body>{body}</body></html>"
    )


def tags_by_page(pdf: bytes) -> list[tuple[str, int]]:
    """(structure type, page number) of every structure element, in the tree's order."""
    reader = PdfReader(io.BytesIO(pdf))
    page_numbers = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, 1)}
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict) and node.get("/Type") == "/StructElem":
            page = node.get("/Pg")
            found.append((node["/S"], page_numbers[page.idnum] if isinstance(page, IndirectObject) else 0))
        kids = node.get("/K") if isinstance(node, dict) else None
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if isinstance(kid, IndirectObject | dict):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.fixture(scope="module")
def tagged_pdf():
    return textlayer.write_pdf(document(), pdf_variant="pdf/ua-1")


def test_every_page_has_its_own_heading_and_paragraphs_tagged_on_it(tagged_pdf):
    tags = tags_by_page(tagged_pdf)

    assert len(PdfReader(io.BytesIO(tagged_pdf)).pages) == PAGES
    for number in range(1, PAGES + 1):
        on_page = [kind for kind, page in tags if page == number]
        assert on_page.count("/H2") == 1, (number, on_page)
        assert on_page.count("/P") >= 2, (number, on_page)
        assert on_page.count("/LI") == 2, (number, on_page)


def test_the_tags_are_those_weasyprint_writes_without_the_shortcut(tagged_pdf):
    textlayer.install()
    # Outside textlayer.write_pdf the patch is inert: pydyf's own page list, read every time.
    plain = document().write_pdf(pdf_variant="pdf/ua-1")

    assert tags_by_page(tagged_pdf) == tags_by_page(plain)


def test_the_page_list_is_built_once_per_page_added_not_once_per_element(monkeypatch):
    textlayer.install()
    original = textlayer._originals["pages"]
    built = []
    read = []

    def counting(pdf):
        built.append(len(pdf.pages["Kids"]))
        return original(pdf)

    wrapper = pydyf.PDF.page_references.fget

    def counting_reads(pdf):
        read.append(1)
        return wrapper(pdf)

    monkeypatch.setitem(textlayer._originals, "pages", counting)
    monkeypatch.setattr(pydyf.PDF, "page_references", property(counting_reads))
    textlayer.write_pdf(document(), pdf_variant="pdf/ua-1")

    assert len(read) > 5 * PAGES  # tagging reads the list for every element
    assert len(built) <= 2
