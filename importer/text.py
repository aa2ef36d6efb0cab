"""Undoing what exports do to a plan's text before it is read: invisible characters, columns
aligned with spaces, and paragraphs hard-wrapped into short lines.

The rules are general (no pattern of one document): a character a reader cannot see is
removed or becomes a space; a run of two or more spaces between short cells is a column
gap; a line is a wrapped continuation when the next line's first word would not have fit
on it at the file's wrap width and the next line does not start an item of its own.
Pure Python, no Django.
"""

from __future__ import annotations

import re

# Removed: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, direction marks.
# A space: no-break, narrow no-break, the typographic spaces, ideographic space.
_INVISIBLE = {c: None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e"}
_INVISIBLE.update(
    {c: " " for c in "\u00a0\u202f\u2007\u2008\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000\u205f"}
)
_INVISIBLE["\u2028"] = "\n"
_INVISIBLE["\u2029"] = "\n"
_TRANSLATE = str.maketrans(_INVISIBLE)

PAGES_RE = re.compile(r"^[0-9๐-๙]{1,3}(?:\s*[-–]\s*[0-9๐-๙]{1,3})?$")
MAX_CELL = 60  # longer than this after a column gap is a sentence with a double space, not a cell


def normalise(text: str) -> str:
    """The text with invisible characters removed or made plain spaces."""
    return text.translate(_TRANSLATE)


def columns(line: str) -> str:
    """A line whose cells are separated by runs of spaces, with tabs between the cells instead.

    Rows of three or more cells whose cells after the first are short become tab-separated;
    so does "title   page" (a table-of-contents entry). Anything else keeps single spaces.
    """
    if "\t" in line or "  " not in line.strip():
        return line
    parts = re.split(r" {2,}", line.strip())
    if len(parts) >= 3 and all(len(p) <= MAX_CELL for p in parts[1:]):
        return "\t".join(parts)
    if len(parts) == 2 and PAGES_RE.match(parts[1]):
        return "\t".join(parts)
    return line


# A line that starts an item of its own is never the continuation of the line above.
_NUMBERED = re.compile(
    r"^(?:[-–•▪●◦○■□➢➤✓✔*]\s|\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)](?:\s|$)|[0-9๐-๙]+(?:\.[0-9๐-๙]+)+(?:\s|$)|\([0-9๐-๙]+\))"
)
_HEADINGS = re.compile(r"^(?:บทที่|ส่วนที่|ภาคที่|ยุทธศาสตร์ที่|โครงการที่|กลยุทธ์ที่|เป้าประสงค์ที่)\s*[0-9๐-๙]")
_LABEL = re.compile(r"^[\u0E00-\u0E7F][^\s:：]{1,30}(?:\s[^\s:：]{1,20})?\s*[:：]")  # "ชื่อโครงการ:"
_WORDS = re.compile(
    r"^(?:คำนำ|สารบัญ|วิสัยทัศน์|พันธกิจ|ค่านิยม(?:ร่วม)?|เป้าประสงค์|กลยุทธ์|ตัวชี้วัด\S*|"
    r"จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค|หน้า)\s*(?:\(.*\))?\s*$"
)


# "๔.๐ ..." is a number in a sentence (Thailand 4.0), not item 4.0.
_DECIMAL = re.compile(r"^[0-9๐-๙]+\.[0๐](?:\s|$)")


_BARE_HEADING = re.compile(rf"{_HEADINGS.pattern}+\s*[;,.)]*$")


def _cut_reference(text: str, last_piece: str, width: int) -> bool:
    """ "ยุทธศาสตร์ที่ ๗" alone after a line filled to the width: a reference the wrap cut, not a heading."""
    return bool(_BARE_HEADING.match(text)) and len(last_piece) >= width - 15


def starts_item(text: str) -> bool:
    return bool(
        (_NUMBERED.match(text) and not _DECIMAL.match(text))
        or _HEADINGS.match(text)
        or _LABEL.match(text)
        or _WORDS.match(text)
        or text[:1] in '“"«'
    )


def wrap_width(texts: list[str]) -> int | None:
    """The width a file was hard-wrapped at, or None when its lines were not wrapped.

    A candidate width has almost no line above it (an unbreakable run may be), and the
    evidence of wrapping: lines that end although the next line's first word would not
    have fitted on them, the next line starting no item of its own. A file typed with a
    line per paragraph has (next to) none of those.
    """
    stripped = [t.strip() for t in texts]
    lengths = sorted((len(t) for t in stripped if t), reverse=True)
    if len(lengths) < 10:
        return None
    allowed_above = 0.02 * len(lengths)
    for width in dict.fromkeys(lengths):
        above = sum(1 for n in lengths if n > width)
        if above > allowed_above or width > 200:
            if above > allowed_above:
                return None
            continue
        # Lines that end although the next line's first word would have fitted are no evidence.
        evidence = sum(
            1
            for a, b in zip(stripped, stripped[1:], strict=False)
            if a and b and len(a) + 1 + len(_first_word(b)) > width - 2 and not starts_item(b)
        )
        if evidence >= 2:
            return width
    return None


def _first_word(text: str) -> str:
    # Up to the first space: exports that keep tabs do not break lines at them.
    return text.split(" ", 1)[0]


def reflow(texts: list[str]) -> list[tuple[str, list[int]]]:
    """Join hard-wrapped lines. Returns (text, 0-based indices of the physical lines) per line kept.

    A blank line stays a line of its own so that paragraph breaks survive.
    """
    width = wrap_width(texts)
    out: list[tuple[str, list[int]]] = []
    last_piece = ""
    for index, text in enumerate(texts):
        stripped = text.strip()
        if (
            width is not None
            and stripped
            and out
            and out[-1][0].strip()
            and len(last_piece) + 1 + len(_first_word(stripped)) > width - 2
            and (not starts_item(stripped) or _cut_reference(stripped, last_piece, width))
        ):
            joined, indices = out[-1]
            # A wrapper cuts inside a word only when the word fills the whole line; else it broke at a space.
            glue = "" if len(last_piece) >= width and " " not in last_piece else " "
            out[-1] = (joined.rstrip() + glue + stripped, [*indices, index])
            last_piece = stripped
            continue
        out.append((text, [index]))
        last_piece = stripped
    return out
