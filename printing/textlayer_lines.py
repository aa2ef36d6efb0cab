"""The text layer of one drawn line: which glyphs get an ActualText span, which an alias code.

Part of printing/textlayer.py (read its docstring first): ``LineStream`` stands in for
WeasyPrint's stream while ``draw_first_line`` draws a line, plans the line when WeasyPrint sets
its text matrix, and splits the TJ strings it emits around the planned spans.
"""

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import cache
from math import inf

import pydyf
from weasyprint.logger import LOGGER
from weasyprint.text.ffi import ffi, pango

from printing.textlayer_fonts import alias_code, reverse_cmap


class LineStream:
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
                natural = None if cluster_sizes[clusters[i]] == 1 else reverse_cmap(font).get(glyph_id)
                if natural is None:
                    # WeasyPrint's rule: a cluster's last glyph carries the cluster's text.
                    last = i + 1 == count or clusters[i + 1] != clusters[i]
                    natural = item_text[clusters[i]:cluster_ends[i]].decode() if last else ""
                # Set before WeasyPrint's loop reaches the glyph, which then keeps it.
                font.to_unicode[glyph_id] = natural
            pieces.append(font.to_unicode[glyph_id])
        if None not in pieces and "".join(pieces) != text:
            for i, piece, wanted in zip(members, pieces, _split_text(pieces, text), strict=True):
                if wanted != piece and (code := alias_code(font, ids[i], wanted)) is not None:
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
