"""Make the text layer of WeasyPrint's PDFs say what the page shows, in Thai too.

How to call it (printing/render.py, and anything else that writes a PDF)::

    from printing import textlayer

    pdf_bytes = textlayer.write_pdf(
        weasyprint.HTML(string=html, base_url=..., url_fetcher=...),  # or a rendered Document
        pdf_variant="pdf/ua-1",  # every keyword goes to WeasyPrint's write_pdf unchanged
    )

Nothing else: no setup and no import-time side effect. ``write_pdf`` installs the patch on first
use (idempotent) and switches it on only for that call, in the calling thread or task, so other
WeasyPrint users in the process draw exactly as before. ``VERSION`` belongs in PDF cache keys.

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
"""

import contextvars
import hashlib
import inspect
import io
import re
import sys
import unicodedata
import weakref
from array import array
from bisect import bisect_right
from collections import Counter
from functools import cache, lru_cache
from math import inf

import pydyf
import weasyprint
import weasyprint.draw.text
import weasyprint.pdf.fonts
from fontTools.ttLib import TTFont
from weasyprint.logger import LOGGER
from weasyprint.text.ffi import ffi, pango

VERSION = "1"  # bump when the text layer of the same HTML changes

# The release this was written against, and the source of each function it wraps: if one
# changes, re-read it in WeasyPrint before trusting the patch, then update these.
WEASYPRINT_VERSION = "70.0"
PATCHED_SOURCES = {
    "weasyprint.draw.text.draw_first_line":
        "1bb8eae6d88e71b17096a034656f3be17da8f1f513c78536c1c38d971927638b",
    "weasyprint.pdf.fonts._build_vector_font_dictionary":
        "aa6eea312c6e3375689f3405d48c5059525038a8d73d2f63bf3476de6dc05903",
}

_active = contextvars.ContextVar("textlayer_active", default=False)
_originals = {}


def write_pdf(source, **write_pdf_kwargs) -> bytes | None:
    """``source.write_pdf(**write_pdf_kwargs)`` (a weasyprint.HTML or Document), with a true text layer.

    Returns the PDF's bytes, or None when a ``target`` is given, as WeasyPrint does.
    """
    install()
    token = _active.set(True)
    try:
        return source.write_pdf(**write_pdf_kwargs)
    finally:
        _active.reset(token)


def install() -> None:
    """Wrap the two WeasyPrint functions; inert outside ``write_pdf``. Idempotent."""
    if _originals:
        return
    found = patched_sources()
    if weasyprint.__version__ != WEASYPRINT_VERSION or found != PATCHED_SOURCES:
        changed = [name for name in PATCHED_SOURCES if found[name] != PATCHED_SOURCES[name]]
        raise RuntimeError(
            f"printing.textlayer was written for WeasyPrint {WEASYPRINT_VERSION}, found "
            f"{weasyprint.__version__} (changed: {', '.join(changed) or 'none'}): re-read "
            "those functions, then update WEASYPRINT_VERSION and PATCHED_SOURCES."
        )
    _originals["draw"] = weasyprint.draw.text.draw_first_line
    _originals["font"] = weasyprint.pdf.fonts._build_vector_font_dictionary
    weasyprint.draw.text.draw_first_line = _draw_first_line
    weasyprint.pdf.fonts._build_vector_font_dictionary = _build_vector_font_dictionary


def patched_sources() -> dict[str, str]:
    """SHA-256 of the source of each WeasyPrint function the patch wraps, as installed."""
    functions = {
        "weasyprint.draw.text.draw_first_line":
            _originals.get("draw") or weasyprint.draw.text.draw_first_line,
        "weasyprint.pdf.fonts._build_vector_font_dictionary":
            _originals.get("font") or weasyprint.pdf.fonts._build_vector_font_dictionary,
    }
    return {
        name: hashlib.sha256(inspect.getsource(function).encode()).hexdigest()
        for name, function in functions.items()
    }


# Drawing: plan each line, then split WeasyPrint's TJ strings around the plan.

def _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    if not _active.get():
        return _originals["draw"](stream, textbox, text_overflow, block_ellipsis, matrix)
    line_stream = _LineStream(stream, textbox)
    try:
        return _originals["draw"](line_stream, textbox, text_overflow, block_ellipsis, matrix)
    finally:
        line_stream.close()


class _LineStream:
    """Stands in for WeasyPrint's stream while one line of text is drawn."""

    def __init__(self, stream, textbox):
        self._stream = stream
        self._textbox = textbox
        self._font = None
        self._spans = {}  # index of a drawn glyph -> (index of the span's last glyph, text)
        self._starts = []  # the keys of _spans, in order
        self._codes = {}  # index of a drawn glyph -> alias character code to draw it with
        self._next = 0  # index of the next glyph WeasyPrint draws on this line
        self._open_until = None  # last glyph of the open span, if one is open

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def add_font(self, pango_font):
        font, font_size = self._stream.add_font(pango_font)
        self._font = font
        return font, font_size

    def set_text_matrix(self, *values):
        # draw_first_line calls this once, after it has settled the line (ellipsis included)
        # and before its glyph loop: the moment to plan, and to name glyphs before it does.
        self._stream.set_text_matrix(*values)
        first_line, _ = self._textbox.pango_layout.get_first_line()
        self._spans, self._codes = _plan_line(self._stream, self._textbox.pango_layout.text, first_line)
        self._starts = sorted(self._spans)

    def show_text(self, string):
        """Split WeasyPrint's TJ string around the planned spans; shifts stay as they were."""
        if not self._spans or self._font is None:
            self._stream.show_text(string)
            return
        width = 2 if self._font.bitmap else 4
        pending = []
        for hex_run, other in _TJ_TOKENS.findall(string):
            if not hex_run:
                # An empty "<>" separates two numbers: keep them apart.
                pending.append(other or " ")
                continue
            first, count = self._next, len(hex_run) // width
            self._next += count
            done = 0
            while done < count:
                index = first + done
                if self._open_until is None and index in self._spans:
                    self._flush(pending)
                    self._open_until, text = self._spans[index]
                    self._stream.begin_marked_content(
                        "Span", pydyf.Dictionary({"ActualText": pydyf.String(text)})
                    )
                if self._open_until is not None:
                    stop = self._open_until + 1
                else:
                    later = bisect_right(self._starts, index)
                    stop = self._starts[later] if later < len(self._starts) else first + count
                stop = min(stop, first + count)
                if self._open_until is None:  # alias codes only occur inside spans
                    pending.append(f"<{hex_run[done * width:(stop - first) * width]}>")
                else:
                    pending.append("<" + "".join(
                        f"{self._codes[i]:04x}" if i in self._codes else hex_run[(i - first) * width:][:width]
                        for i in range(index, stop)
                    ) + ">")
                done = stop - first
                if self._open_until is not None and stop > self._open_until:
                    self._flush(pending)
                    self._stream.end_marked_content()
                    self._open_until = None
        self._flush(pending)

    def _flush(self, pending):
        if pending:
            self._stream.show_text("".join(pending).replace("><", ""))
            pending.clear()

    def close(self):
        if self._open_until is not None:  # never expected: keep the content stream balanced
            LOGGER.warning("textlayer: unbalanced ActualText span closed at end of line")
            self._stream.end_marked_content()
            self._open_until = None


_TJ_TOKENS = re.compile(r"<([0-9a-fA-F]*)>|([^<]+)")


def _plan_line(stream, text, first_line):
    """The line's spans and alias codes, by index of drawn glyph; names glyphs not seen yet."""
    utf8 = text.encode()
    spans, codes = {}, {}
    drawn = 0
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        font, _ = stream.add_font(glyph_item.item.analysis.font)
        drawn = _plan_run(font, utf8, glyph_item, drawn, spans, codes)
    return spans, codes


def _plan_run(font, utf8, glyph_item, drawn, spans, codes):
    """Add the run's spans and codes, numbering its drawn glyphs from ``drawn``; return the next."""
    glyph_string = glyph_item.glyphs
    count = glyph_string.num_glyphs
    ids = [glyph_string.glyphs[i].glyph for i in range(count)]
    clusters = ffi.unpack(glyph_string.log_clusters, count)
    # WeasyPrint draws an empty glyph as a shift only, not a glyph id.
    index_drawn = {}
    for i in range(count):
        if ids[i] != pango.PANGO_GLYPH_EMPTY:
            index_drawn[i] = drawn
            drawn += 1
    if glyph_item.item.analysis.level % 2 or font.bitmap:
        return drawn  # right-to-left or bitmap font: left as WeasyPrint does it

    offset, length = glyph_item.item.offset, glyph_item.item.length
    item_text = utf8[offset:offset + length]
    cluster_ends = _cluster_ends(clusters, length)
    cluster_sizes = Counter(clusters)
    starts = _segment_starts(item_text, clusters)
    segments = {}
    for i in index_drawn:
        segments.setdefault(bisect_right(starts, clusters[i]) - 1, []).append(i)
    for segment, members in segments.items():
        end = starts[segment + 1] if segment + 1 < len(starts) else length
        text = item_text[starts[segment]:end].decode()
        pieces = []
        for i in members:
            glyph_id = ids[i]
            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                pieces.append(None)  # WeasyPrint substitutes an id of its own: ActualText only
                continue
            if glyph_id not in font.to_unicode:
                natural = None if cluster_sizes[clusters[i]] == 1 else _reverse_cmap(font).get(glyph_id)
                if natural is None:
                    # WeasyPrint's rule: a cluster's last glyph carries the cluster's text.
                    last = i + 1 == count or clusters[i + 1] != clusters[i]
                    natural = item_text[clusters[i]:cluster_ends[i]].decode() if last else ""
                # Set before WeasyPrint's loop reaches the glyph, which then keeps it.
                font.to_unicode[glyph_id] = natural
            pieces.append(font.to_unicode[glyph_id])
        if None not in pieces and "".join(pieces) != text:
            for i, piece, wanted in zip(members, pieces, _split_text(pieces, text), strict=True):
                if wanted != piece and (code := _alias_code(font, ids[i], wanted)) is not None:
                    codes[index_drawn[i]] = code
        # Every multi-glyph cluster, even one whose glyphs spell it right: poppler orders
        # zero-width marks by position, and a shifted tone mark lands after the next letter.
        if len(members) > 1 or pieces != [text]:
            spans[index_drawn[members[0]]] = (index_drawn[members[-1]], text)
    return drawn


def _cluster_ends(clusters, length):
    """Byte offset where each glyph's HarfBuzz cluster ends (left-to-right runs)."""
    starts = sorted(set(clusters))
    following = dict(zip(starts, [*starts[1:], length], strict=True))
    return [following[cluster] for cluster in clusters]


def _segment_starts(item_text, clusters):
    """Starts of the byte ranges that are whole grapheme clusters and whole HarfBuzz clusters."""
    grapheme_starts = set()
    position = 0
    category = unicodedata.category
    for char in item_text.decode():
        # SARA AM is a letter to Unicode's categories but ends the cluster it is in (UAX #29
        # SpacingMark), and HarfBuzz spreads it over the cluster's marks.
        if category(char)[0] != "M" and char != "\u0e33":
            grapheme_starts.add(position)
        position += 1 if char < "\x80" else 2 if char < "\u0800" else 3 if char < "\U00010000" else 4
    return sorted((grapheme_starts & set(clusters)) | {0})


def _split_text(pieces, text):
    """Share ``text`` out over the glyphs in order, changing as few of their ``pieces`` as can be.

    น้ำ drawn as น ํ ้ า gives น, "", ้, ำ: two glyphs need aliases, the others keep their text.
    """

    @cache
    def best(glyph, start):
        if glyph == len(pieces):
            return (0, ()) if start == len(text) else (inf, ())
        options = []
        for stop in range(start, len(text) + 1):
            cost, rest = best(glyph + 1, stop)
            options.append((cost + (text[start:stop] != pieces[glyph]), (text[start:stop], *rest)))
        return min(options, key=lambda option: option[0])

    return list(best(0, 0)[1])


# Fonts: alias character codes, each sent back to its glyph by the font's CIDToGIDMap.

_aliases = weakref.WeakKeyDictionary()  # font -> {(glyph id, text): character code}
_ALIAS_CEILING = 0xFFFE  # WeasyPrint's own overflow code for missing glyphs is 0xFFFF


def _alias_code(font, glyph_id, text):
    aliases = _aliases.setdefault(font, {})
    if (glyph_id, text) not in aliases:
        code = _ALIAS_CEILING - len(aliases)
        # WeasyPrint numbers missing glyphs upwards from the font's end; aliases come down.
        if code <= font.glyph_count + len(font.missing):
            return None  # code space used up: the ActualText span still carries the text
        aliases[glyph_id, text] = code
        # WeasyPrint writes ToUnicode from this map; its subsetter skips ids past the font's
        # end, as it already does for the ids it gives missing glyphs.
        font.to_unicode[code] = text
    return aliases[glyph_id, text]


def _build_vector_font_dictionary(font_dictionary, pdf, font, widths, compress, reference, pdf_version):
    aliases = _aliases.get(font)
    if not aliases:
        return _originals["font"](font_dictionary, pdf, font, widths, compress, reference, pdf_version)
    # With Identity-H, a character code is a CID; W gives each CID its advance.
    for (glyph_id, _), code in aliases.items():
        widths[code] = widths.get(glyph_id, 0)
    recorder = _ObjectRecorder(pdf)
    _originals["font"](font_dictionary, recorder, font, widths, compress, reference, pdf_version)
    cid_font = next(obj for obj in recorder.added if isinstance(obj, dict) and "CIDToGIDMap" in obj)
    cid_font["CIDToGIDMap"] = _cid_to_gid_map(pdf, font, aliases, compress).reference


class _ObjectRecorder:
    """The PDF, noting the objects added to it (to find the CIDFont dictionary just built)."""

    def __init__(self, pdf):
        self._pdf = pdf
        self.added = []

    def __getattr__(self, name):
        return getattr(self._pdf, name)

    def add_object(self, object_):
        self.added.append(object_)
        return self._pdf.add_object(object_)


def _cid_to_gid_map(pdf, font, aliases, compress):
    """Identity up to the font's last glyph, aliases to their glyph, anything else to .notdef."""
    size = max(aliases.values()) + 1
    glyphs = array("H", range(min(font.glyph_count, size)))
    glyphs.extend(array("H", [0]) * (size - len(glyphs)))
    for (glyph_id, _), code in aliases.items():
        glyphs[code] = glyph_id
    if sys.byteorder == "little":
        glyphs.byteswap()  # the stream is big-endian
    stream = pydyf.Stream([glyphs.tobytes()], compress=compress)
    pdf.add_object(stream)
    return stream


_reverse_cmaps = weakref.WeakKeyDictionary()


def _reverse_cmap(font):
    if font not in _reverse_cmaps:
        _reverse_cmaps[font] = _read_reverse_cmap(font.file_content, font.index)
    return _reverse_cmaps[font]


@lru_cache(maxsize=8)
def _read_reverse_cmap(file_content, index):
    """Glyph id -> the character the font draws it for (lowest code point, not private use)."""
    ttfont = TTFont(io.BytesIO(file_content), fontNumber=index, lazy=True)
    reverse = {}
    for code_point, name in sorted(ttfont.getBestCmap().items()):
        if 0xE000 <= code_point <= 0xF8FF or code_point >= 0xF0000:
            continue
        reverse.setdefault(ttfont.getGlyphID(name), chr(code_point))
    return reverse
