"""Make the text layer of WeasyPrint's PDFs say what the page shows, in Thai too.

How to call it (printing/render.py, and anything else that writes a PDF)::

    from printing import textlayer

    pdf_bytes = textlayer.write_pdf(
        weasyprint.HTML(string=html, base_url=..., url_fetcher=...),  # or a rendered Document
        pdf_variant="pdf/ua-1",  # every keyword goes to WeasyPrint's write_pdf unchanged
    )

Nothing else: no setup and no import-time side effect. ``write_pdf`` installs the patch on first
use (idempotent) and switches it on only for that call, in the calling thread or task, so other
WeasyPrint users in the process draw exactly as before. The PDF cache key follows this code by
itself (printing.render.renderer_version hashes printing's sources); ``compatibility_problem``
is what the system check printing.E001 reports when the patch could not install.

What it works around, and why. WeasyPrint 70 writes one ToUnicode map per font for the whole
document: each glyph id gets the text of the first cluster it was drawn in. HarfBuzz shapes
SARA AM (ำ) as two glyphs, NIKHAHIT + SARA AA, and moves the NIKHAHIT before a tone mark, so
the SARA AA glyph means "ำ" in one word and "า" in the next; whichever comes first wins, and
`pdftotext` reads "ตาบล" for "ตำบล" or "นำ" for "นา". Poppler also orders zero-width marks by
their position, which puts a shifted tone mark after the next consonant ("ญีปุ่่น").

Chromium (Skia) fixes this as ISO 32000 intends (14.9.4, replacement text), and so do we, with
one addition for readers that ignore replacement text and read only ToUnicode (pypdf; by
reports Apple Preview and pdf.js before its ActualText support):

1. Each glyph maps to its own character from the font's cmap, not to the first word it was
   seen in; where a cluster's glyphs can't spell its text that way (ำ), the glyphs that must
   read differently are drawn under alias character codes (top of the 16-bit code space, so
   CIDs under Identity-H) that the font's CIDToGIDMap sends back to the same glyph, each with
   its own ToUnicode text.
2. Each grapheme cluster (a letter with its marks and SARA AM) drawn with more than one glyph,
   or whose glyphs don't spell it, is wrapped in ``/Span <</ActualText (...)>> BDC ... EMC``
   carrying its text. The spans nest inside PDF/UA's tagged content.

Glyphs, positions and fonts are untouched: pages look the same to the pixel. The patch wraps
``weasyprint.draw.text.draw_first_line`` with a proxy stream that plans the line when WeasyPrint
sets its text matrix and splits the TJ strings it emits, and wraps
``weasyprint.pdf.fonts._build_vector_font_dictionary`` to add a CIDToGIDMap and widths when a
font has aliases. Both depend on how those functions work, so WeasyPrint is pinned, ``install``
refuses other sources, and tests/pdf/test_textlayer.py fails loudly when they change.

One more wrap, for speed, not text: ``pydyf.PDF.page_references`` keeps its tuple while no page
is added (printing/pagerefs.py), because PDF/UA tagging reads it once per element.
"""

import contextvars
import hashlib
import inspect

import pydyf
import weasyprint
import weasyprint.draw.text
import weasyprint.pdf.fonts

from printing import pagerefs
from printing.textlayer_fonts import build_font_dictionary
from printing.textlayer_lines import LineStream

# The releases this was written against, and the source of each function it wraps: if one
# changes, re-read it in WeasyPrint before trusting the patch, then update these.
WEASYPRINT_VERSION = "70.0"
PYDYF_VERSION = "0.13.0"
PATCHED_SOURCES = {
    "weasyprint.draw.text.draw_first_line":
        "1bb8eae6d88e71b17096a034656f3be17da8f1f513c78536c1c38d971927638b",
    "weasyprint.pdf.fonts._build_vector_font_dictionary":
        "aa6eea312c6e3375689f3405d48c5059525038a8d73d2f63bf3476de6dc05903",
    "pydyf.PDF.page_references":
        "060bf90aad55931bc24c3575a52af9478a89916aa307e5323142663841cb7798",
    "weasyprint.pdf.fonts.Font.subset":
        "61ed6bc2e9a7e43a7ad4c50e4bd61a0c5b6db06069754e66c6e328f4a97a6311",
}

_active = contextvars.ContextVar("textlayer_active", default=False)
_whole_fonts = contextvars.ContextVar("textlayer_whole_fonts", default=False)
_originals = {}


def write_pdf(source, *, whole_fonts: bool = False, **write_pdf_kwargs) -> bytes | None:
    """``source.write_pdf(**write_pdf_kwargs)`` (a weasyprint.HTML or Document), with a true text layer.

    Returns the PDF's bytes, or None when a ``target`` is given, as WeasyPrint does.
    ``whole_fonts`` embeds each font file whole but describes only the glyphs used (widths,
    ToUnicode), so that PDFs joined later (printing/assemble.py) can share one copy of each
    font; WeasyPrint's own ``full_fonts`` also describes every glyph of the font, which per
    part comes to more than the font.
    """
    install()
    token = _active.set(True)
    fonts_token = _whole_fonts.set(whole_fonts)
    try:
        return source.write_pdf(**write_pdf_kwargs)
    finally:
        _whole_fonts.reset(fonts_token)
        _active.reset(token)


def install() -> None:
    """Wrap the WeasyPrint functions and pydyf's page list; inert outside ``write_pdf``. Idempotent."""
    if _originals:
        return
    problem = compatibility_problem()
    if problem:
        raise RuntimeError(problem)
    _originals["draw"] = weasyprint.draw.text.draw_first_line
    _originals["font"] = weasyprint.pdf.fonts._build_vector_font_dictionary
    _originals["pages"] = pydyf.PDF.page_references.fget
    _originals["subset"] = weasyprint.pdf.fonts.Font.subset
    weasyprint.draw.text.draw_first_line = _draw_first_line
    weasyprint.pdf.fonts.Font.subset = _subset
    weasyprint.pdf.fonts._build_vector_font_dictionary = _build_vector_font_dictionary
    pydyf.PDF.page_references = property(_page_references)


def compatibility_problem() -> str | None:
    """Why the patch cannot install on the WeasyPrint and pydyf installed, or None when it can."""
    found = patched_sources()
    installed = (weasyprint.__version__, pydyf.__version__)
    if installed == (WEASYPRINT_VERSION, PYDYF_VERSION) and found == PATCHED_SOURCES:
        return None
    changed = [name for name in PATCHED_SOURCES if found[name] != PATCHED_SOURCES[name]]
    return (
        f"printing.textlayer was written for WeasyPrint {WEASYPRINT_VERSION} and pydyf {PYDYF_VERSION}, "
        f"found {weasyprint.__version__} and {pydyf.__version__} (changed: {', '.join(changed) or 'none'}): "
        "re-read those functions, then update WEASYPRINT_VERSION, PYDYF_VERSION and PATCHED_SOURCES."
    )


def patched_sources() -> dict[str, str]:
    """SHA-256 of the source of each WeasyPrint (and pydyf) function the patch wraps, as installed."""
    functions = {
        "weasyprint.draw.text.draw_first_line":
            _originals.get("draw") or weasyprint.draw.text.draw_first_line,
        "weasyprint.pdf.fonts._build_vector_font_dictionary":
            _originals.get("font") or weasyprint.pdf.fonts._build_vector_font_dictionary,
        "pydyf.PDF.page_references": _originals.get("pages") or pydyf.PDF.page_references.fget,
        "weasyprint.pdf.fonts.Font.subset": _originals.get("subset") or weasyprint.pdf.fonts.Font.subset,
    }
    return {
        name: hashlib.sha256(inspect.getsource(function).encode()).hexdigest()
        for name, function in functions.items()
    }


# The wrapped functions: inert unless write_pdf is running in this context.

def _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    if not _active.get():
        return _originals["draw"](stream, textbox, text_overflow, block_ellipsis, matrix)
    line_stream = LineStream(stream, textbox)
    try:
        return _originals["draw"](line_stream, textbox, text_overflow, block_ellipsis, matrix)
    finally:
        line_stream.close()


def _build_vector_font_dictionary(font_dictionary, pdf, font, widths, compress, reference, pdf_version):
    return build_font_dictionary(
        _originals["font"], font_dictionary, pdf, font, widths, compress, reference, pdf_version
    )


def _page_references(pdf):
    if not _active.get():
        return _originals["pages"](pdf)
    return pagerefs.page_references(_originals["pages"], pdf)


def _subset(font, to_unicode, hinting):
    if _active.get() and _whole_fonts.get():
        return None  # WeasyPrint's own rule for a font it does not subset: the file as it is
    return _originals["subset"](font, to_unicode, hinting)
