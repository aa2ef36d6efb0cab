"""Reading a plan file into numbered lines, and reading the numbering people type.

Pure Python: no Django here, so the rules can be tested on strings alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thaimuang_plan.lib.thai import to_arabic_digits

from .messages import EMPTY_FILE, NOT_TEXT, NOT_UTF8, ImportRejected
from .text import columns, normalise, reflow

DIGIT = "[0-9๐-๙]"
NUM = f"{DIGIT}+"


@dataclass
class Line:
    no: int  # 1-based, as an editor's text editor shows it
    text: str  # stripped of surrounding whitespace; inner tabs kept (they separate table cells)
    raw: str
    joined: tuple[int, ...] = ()  # further physical lines an export's wrapping cut this line into
    heading: bool = False  # styled as a heading in the Word file it came from

    @property
    def blank(self) -> bool:
        return not self.text


def decode(data: bytes, *, name: str) -> str:
    """The text of a plan file, or ImportRejected with a message the editor can act on."""
    if not data.strip():
        raise ImportRejected(EMPTY_FILE.format(name=name))
    if b"\x00" in data:
        raise ImportRejected(NOT_TEXT.format(name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(NOT_UTF8.format(name=name, position=exc.start)) from None
    if not text.strip():
        raise ImportRejected(EMPTY_FILE.format(name=name))
    return text


def split_lines(text: str, *, rewrap: bool = True) -> list[Line]:
    """The file's lines, cleaned of invisible characters, columns as tabs, wrapped lines rejoined."""
    raws = normalise(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    lines = []
    pieces = [columns(raw) for raw in raws]
    for joined, indices in reflow(pieces) if rewrap else [(piece, [i]) for i, piece in enumerate(pieces)]:
        # Keep tabs between cells; collapse runs of spaces people use for alignment.
        cleaned = "\t".join(re.sub(r" {2,}", " ", cell).strip() for cell in joined.split("\t"))
        numbers = [i + 1 for i in indices]
        lines.append(
            Line(
                no=numbers[0],
                text=cleaned.strip(),
                raw="\n".join(raws[i] for i in indices),
                joined=tuple(numbers[1:]),
            )
        )
    return lines


def to_int(text: str) -> int:
    return int(to_arabic_digits(text))


def squash(text: str) -> str:
    """Text reduced for comparison: no spaces, Arabic digits, lower case."""
    return re.sub(r"\s+", "", to_arabic_digits(text)).lower()


def same_words(a: str, b: str) -> bool:
    """Equal apart from runs of whitespace (a strategy title printed twice must match this)."""
    return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()


def similar(a: str, b: str) -> float:
    """How alike two headings are, 0..1, ignoring spaces and digit style."""
    from difflib import SequenceMatcher

    sa, sb = squash(a), squash(b)
    if not sa or not sb:
        return 0.0
    if sa.startswith(sb) or sb.startswith(sa):
        return 1.0
    return SequenceMatcher(None, sa, sb, autojunk=False).ratio()


# --- numbering -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """The number or bullet in front of a list item, as printed, and what it counts."""

    printed: str  # "(๑)", "๑.", "๑)", "- ๑๖", "-", "๒.๑"
    style: str  # paren | dot | close | dash_num | dash_paren | bullet | multi
    value: int | None = None  # the item's number (None for bullets)
    parts: tuple[int, ...] = ()  # for "multi": (2, 1) for ๒.๑

    @property
    def numbered(self) -> bool:
        return self.value is not None


_MARKERS = [
    ("dash_paren", re.compile(rf"^([-–•]\s*\(({NUM})\))\s*(.*)$")),
    ("paren", re.compile(rf"^(\(({NUM})\))\s*(.*)$")),
    ("multi", re.compile(rf"^(({NUM}(?:\.{NUM})+)\.?)(?:\s+|$)(.*)$")),
    ("close", re.compile(rf"^(({NUM})\))\s*(.*)$")),
    ("dot", re.compile(rf"^(({NUM})\.)(?!{DIGIT})\s*(.*)$")),
    ("dash_num", re.compile(rf"^([-–•]\s*({NUM})[.)]?)\s+(.*)$")),
    ("bullet", re.compile(r"^([-–•*])\s+(.*)$")),
]


def split_marker(text: str) -> tuple[Marker | None, str]:
    """Split "(๑) ข้อความ" into its marker and the text after it."""
    for style, pattern in _MARKERS:
        match = pattern.match(text)
        if not match:
            continue
        if style == "bullet":
            return Marker(printed=match.group(1), style=style), match.group(2).strip()
        number = match.group(2)
        if style == "multi":
            parts = tuple(to_int(p) for p in number.split("."))
            return Marker(printed=match.group(1), style=style, value=parts[-1], parts=parts), match.group(
                3
            ).strip()
        return Marker(printed=match.group(1), style=style, value=to_int(number)), match.group(3).strip()
    return None, text


# --- recurring phrases --------------------------------------------------------------------------

PERIOD_RE = re.compile(rf"พ\.\s*ศ\.\s*({DIGIT}{{4}})\s*[-–]\s*({DIGIT}{{4}})")
YEAR_RE = re.compile(rf"(?<!{DIGIT})(2[45]{DIGIT}{{2}}|๒[๔๕]{DIGIT}{{2}})(?!{DIGIT})")


def find_period(text: str) -> tuple[int, int] | None:
    match = PERIOD_RE.search(text)
    if not match:
        return None
    start, end = to_int(match.group(1)), to_int(match.group(2))
    if 2400 <= start <= end <= 2700:
        return start, end
    return None


def strip_period(title: str) -> str:
    """A framework's name without its "(พ.ศ. ๒๕๖๑ - ๒๕๖๕)"."""
    title = re.sub(rf"\(?\s*{PERIOD_RE.pattern}\s*\)?", " ", title)
    return re.sub(r"\s+", " ", title).strip()


def cells(text: str) -> list[str]:
    return [c.strip() for c in text.split("\t")]


def is_table_row(text: str) -> bool:
    return text.count("\t") >= 2 and sum(1 for c in cells(text) if c) >= 3


# Words a Thai sentence does not end on: a paragraph ending on one was cut by a page break.
CONNECTIVES = ("ซึ่ง", "และ", "หรือ", "โดย", "เพื่อ", "ของ", "กับ", "ที่", "แต่", "จึง", "ให้", "แก่", "ต่อ", "จาก")


def ends_mid_sentence(text: str) -> bool:
    return text.rstrip().endswith(CONNECTIVES)


def join_broken(first: str, second: str) -> str:
    """Join text cut by a page break: Thai words run on without a space, Latin ones need one."""
    if (
        first
        and second
        and re.match(r"[\u0E00-\u0E7F]", first[-1])
        and re.match(r"[\u0E00-\u0E7F]", second[0])
    ):
        return first + second
    return f"{first} {second}".strip()
