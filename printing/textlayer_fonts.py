"""Alias character codes for the PDF text layer, each sent back to its glyph by the font's CIDToGIDMap.

Part of printing/textlayer.py (read its docstring first): where a cluster's glyphs cannot spell
its text from the font's cmap (SARA AM), the glyphs that must read differently are drawn under
alias codes with their own ToUnicode text; ``build_font_dictionary`` adds the CIDToGIDMap and
widths WeasyPrint's own font dictionary lacks for them.
"""

import io
import sys
import weakref
from array import array
from functools import lru_cache

import pydyf
from fontTools.ttLib import TTFont

_aliases = weakref.WeakKeyDictionary()  # font -> {(glyph id, text): character code}
_ALIAS_CEILING = 0xFFFE  # WeasyPrint's own overflow code for missing glyphs is 0xFFFF


def alias_code(font, glyph_id, text):
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


def build_font_dictionary(original, font_dictionary, pdf, font, widths, compress, reference, pdf_version):
    """WeasyPrint's ``_build_vector_font_dictionary`` (``original``), with the font's aliases mapped."""
    aliases = _aliases.get(font)
    if not aliases:
        return original(font_dictionary, pdf, font, widths, compress, reference, pdf_version)
    # With Identity-H, a character code is a CID; W gives each CID its advance.
    for (glyph_id, _), code in aliases.items():
        widths[code] = widths.get(glyph_id, 0)
    recorder = _ObjectRecorder(pdf)
    original(font_dictionary, recorder, font, widths, compress, reference, pdf_version)
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


def reverse_cmap(font):
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
