"""The PDF's text layer is the text it shows: what pdftotext, copy and search get (issue 8).

Short strings with each hard case of Thai shaping, rendered with the project's PDF font, are
compared with their source character for character once white space is removed.
"""

import io
import re
import subprocess
import sys
from html import escape
from io import StringIO
from pathlib import Path

import pydyf
import pytest
import weasyprint
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from pypdf import PdfReader

from printing import render, textlayer

FONTS = Path(__file__).resolve().parents[2] / "static" / "pdf" / "fonts"
STYLE = f"""
@font-face {{ font-family: "Plan Thai"; src: url("{(FONTS / 'Laksaman-Regular.ttf').as_uri()}"); }}
@font-face {{ font-family: "Plan Thai"; font-weight: 700;
             src: url("{(FONTS / 'Laksaman-Bold.ttf').as_uri()}"); }}
body {{ font-family: "Plan Thai"; font-size: 16pt; }}
"""

# WeasyPrint names each glyph after the first cluster it draws it in, for the whole
# document: these words give SARA AA, the tone marks and the lower marks their plain
# meaning first, which is what turns "ตำบล" into "ตาบล" without the fix.
PRIMER = "นา ค้า ตา กา ทา สา ปา ที ปุ ผู ญี ปั"

HARD_CASES = [
    "ตำบล",
    "น้ำ",
    "ค้ำ",
    "กำลัง",
    "ทำให้",
    "สำนักปลัด",
    "องค์การบริหารส่วนตำบลท้ายเหมือง",
    "ปั้น",
    "ที่",
    "กี่",
    "ผู้",
    "ญี่ปุ่น",
    "ฐ",
    "ฏ",
    "ปฏิบัติ",
    "ญ",
    "พ.ศ. ๒๕๖๓ (IT Master Plan)",
]

# From the plan's foreword and chapter 1: long enough to wrap over lines and pages.
PLAN_PARAGRAPH = (
    "ด้วยปัจจุบันการสื่อสารไร้พรมแดนเกิดขึ้นทั่วภูมิภาค สืบเนื่องจากการเติบโตของเทคโนโลยีสารสนเทศ "
    "ทำให้เกิดการขยายตัวของเศรษฐกิจ และชุมชนอย่างรวดเร็ว ดังนั้นในการเตรียมการรับมือการเติบโตของ"
    "สิ่งเหล่านี้ ให้ทันต่อโลกปัจจุบัน และ เตรียมการรับมือการเปลี่ยนแปลงเทคโนโลยีสมัยใหม่ในอนาคต "
    "องค์การบริหารส่วนตำบลท้ายเหมือง จึงได้จัดทำ แผนแม่บทเทคโนโลยีสารสนเทศ ขององค์การบริหาร"
    "ส่วนตำบลท้ายเหมือง ขึ้นเพื่อใช้ในการพัฒนาเทคโนโลยีสารสนเทศขององค์กร มีประสิทธิภาพมากยิ่งขึ้น"
)


def page(*paragraphs: str, title: str = "ทดสอบชั้นข้อความ", extra_style: str = "") -> weasyprint.HTML:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return weasyprint.HTML(
        string=f'<html lang="th"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}{extra_style}</style></head><body>{body}</body></html>"
    )


def run(*args: str, stdin: bytes) -> bytes:
    return subprocess.run(args, input=stdin, capture_output=True, check=True).stdout


def pdftotext(pdf: bytes, *options: str) -> str:
    return run("pdftotext", *options, "-enc", "UTF-8", "-", "-", stdin=pdf).decode()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def fonts_present():
    assert (FONTS / "Laksaman-Regular.ttf").is_file(), f"the project's PDF font is missing from {FONTS}"


@pytest.mark.parametrize("case", HARD_CASES)
def test_it_extracts_each_hard_case_as_written(fonts_present, case):
    pdf = textlayer.write_pdf(page(PRIMER, case))

    assert squash(pdftotext(pdf)) == squash(PRIMER + case)


def test_it_extracts_every_hard_case_from_one_document(fonts_present):
    # One ToUnicode map per font and document: each case meets the glyphs of the others.
    pdf = textlayer.write_pdf(page(*HARD_CASES, PRIMER))

    assert squash(pdftotext(pdf)) == squash("".join(HARD_CASES) + PRIMER)


@pytest.mark.parametrize("words", ["นำ นา น้ำ", "นา นำ น้ำ", "น้ำ นา นำ", "ค้า ค้ำ คำ คา"])
def test_it_tells_sara_aa_from_sara_am_whichever_comes_first(fonts_present, words):
    pdf = textlayer.write_pdf(page(words))

    assert squash(pdftotext(pdf)) == squash(words)


def test_it_fixes_bold_text_too(fonts_present):
    # Headings use the bold file: another font, other glyph ids, its own ToUnicode map.
    pdf = textlayer.write_pdf(
        weasyprint.HTML(
            string=f'<html lang="th"><style>{STYLE}</style><h1>นา ค้า</h1>'
            "<h1>ตำบลท้ายเหมือง น้ำ ญี่ปุ่น</h1><p><b>กำลัง ค้ำ</b> นำ</p></html>"
        )
    )

    assert squash(pdftotext(pdf)) == squash("นา ค้า ตำบลท้ายเหมือง น้ำ ญี่ปุ่น กำลัง ค้ำ นำ")


def test_it_keeps_a_long_paragraph_whole_across_lines_and_pages(fonts_present):
    paragraphs = [PLAN_PARAGRAPH] * 6
    pdf = textlayer.write_pdf(page(*paragraphs, extra_style="@page { size: A6 }"))

    assert int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", "-", stdin=pdf)).group(1)) > 1
    assert squash(pdftotext(pdf)) == squash("".join(paragraphs))
    assert squash(pdftotext(pdf, "-raw")) == squash("".join(paragraphs))


def test_it_draws_exactly_what_plain_weasyprint_draws(fonts_present, tmp_path):
    # The fix rewrites the text operators: a glyph moved by a hair would show here.
    document = page(PRIMER, *HARD_CASES, PLAN_PARAGRAPH, extra_style="@page { size: A5 }")
    for name, pdf in (("plain", document.write_pdf()), ("fixed", textlayer.write_pdf(document))):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "72", tmp_path / f"{name}.pdf", tmp_path / name], check=True)
    plain = sorted(tmp_path.glob("plain-*.png"))
    fixed = sorted(tmp_path.glob("fixed-*.png"))

    assert len(plain) == len(fixed) > 1
    for before, after in zip(plain, fixed, strict=True):
        assert before.read_bytes() == after.read_bytes(), f"{after.name} differs from plain WeasyPrint"


def test_readers_that_ignore_actualtext_get_the_same_text(fonts_present):
    # pypdf reads only the fonts' ToUnicode maps, as older pdf.js and Apple Preview do.
    pdf = textlayer.write_pdf(page(PRIMER, *HARD_CASES))

    text = "".join(pdf_page.extract_text() for pdf_page in PdfReader(io.BytesIO(pdf)).pages)

    assert squash(text) == squash(PRIMER + "".join(HARD_CASES))


def test_it_tags_the_pdf_with_title_and_language_and_keeps_the_text(fonts_present):
    pdf = textlayer.write_pdf(page(PRIMER, *HARD_CASES, title="แผนแม่บทเทคโนโลยีสารสนเทศ"), pdf_variant="pdf/ua-1")
    info = run("pdfinfo", "-", stdin=pdf).decode()
    catalog = PdfReader(io.BytesIO(pdf)).trailer["/Root"]

    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+แผนแม่บทเทคโนโลยีสารสนเทศ$", info, re.M)
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "th"
    assert squash(pdftotext(pdf)) == squash(PRIMER + "".join(HARD_CASES))


def test_it_leaves_weasyprint_alone_outside_write_pdf(fonts_present):
    textlayer.install()
    document = page("นำ นา")

    assert b"ActualText" not in document.write_pdf(uncompressed_pdf=True)
    assert b"ActualText" in textlayer.write_pdf(document, uncompressed_pdf=True)


def test_it_accepts_a_rendered_document(fonts_present):
    pdf = textlayer.write_pdf(page(PRIMER, "ตำบล").render())

    assert squash(pdftotext(pdf)) == squash(PRIMER + "ตำบล")


def test_the_weasyprint_code_it_wraps_is_the_code_it_was_written_for():
    # Fails on a WeasyPrint upgrade: re-read the functions named here in the new release, check
    # the module's assumptions (TJ strings, glyph order, ToUnicode and widths keyed by code),
    # run these tests, then update WEASYPRINT_VERSION and PATCHED_SOURCES.
    assert weasyprint.__version__ == textlayer.WEASYPRINT_VERSION
    assert textlayer.patched_sources() == textlayer.PATCHED_SOURCES


def test_plain_weasyprint_still_needs_the_fix(fonts_present):
    # When this fails, WeasyPrint has fixed its text layer: printing/textlayer.py may go.
    pdf = page("นา นำ").write_pdf()

    assert squash(pdftotext(pdf)) != squash("นา นำ")


def test_install_refuses_weasyprint_code_it_does_not_know(monkeypatch):
    textlayer.install()
    genuine_font_function = textlayer._originals["font"]
    genuine_page_references = textlayer._originals["pages"]
    genuine_subset = textlayer._originals["subset"]

    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
        """A release that changed it."""

    monkeypatch.setattr(textlayer, "_originals", {})
    monkeypatch.setattr(weasyprint.draw.text, "draw_first_line", draw_first_line)
    monkeypatch.setattr(weasyprint.pdf.fonts, "_build_vector_font_dictionary", genuine_font_function)
    monkeypatch.setattr(pydyf.PDF, "page_references", property(genuine_page_references))
    monkeypatch.setattr(weasyprint.pdf.fonts.Font, "subset", genuine_subset)

    with pytest.raises(RuntimeError, match=r"changed: weasyprint\.draw\.text\.draw_first_line\)"):
        textlayer.install()
    assert weasyprint.draw.text.draw_first_line is draw_first_line


def test_manage_py_check_fails_when_the_patch_cannot_install(monkeypatch):
    # A WeasyPrint the patch was not written for: caught at deploy time, not on the first download.
    monkeypatch.setattr(textlayer, "WEASYPRINT_VERSION", "69.0")
    with pytest.raises(SystemCheckError, match=r"printing\.E001.*written for WeasyPrint 69\.0"):
        call_command("check", stdout=StringIO(), stderr=StringIO())


def test_manage_py_check_fails_when_the_text_layer_cannot_be_imported(monkeypatch):
    import printing

    monkeypatch.delattr(printing, "textlayer")
    monkeypatch.setitem(sys.modules, "printing.textlayer", None)
    with pytest.raises(SystemCheckError, match=r"printing\.E001.*cannot be imported"):
        call_command("check", stdout=StringIO(), stderr=StringIO())


def test_the_pdf_cache_key_follows_the_installed_releases_and_printings_code(monkeypatch):
    from importlib import metadata

    render.renderer_version.cache_clear()
    version = render.renderer_version()
    assert f"weasyprint-{weasyprint.__version__}/pydyf-{pydyf.__version__}/printing-" in version
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "0.14.0" if name == "pydyf" else real(name))
    render.renderer_version.cache_clear()
    try:
        assert render.renderer_version() != version
    finally:
        monkeypatch.undo()
        render.renderer_version.cache_clear()
