"""A section's lines as units of content: one per paragraph, list item, quote or table row.

The source prints each paragraph on one line, so a unit is a line, except a
quotation (“…”) printed over several lines, which is one unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plans.models import Block, ImportFlag
from thaimuang_plan.lib.thai import to_thai_digits

from .lines import Line, Marker, ends_mid_sentence, is_table_row, join_broken, split_marker
from .structure import PBlock

OPEN_QUOTES = '“"«'
CLOSE_QUOTES = '”"»'


@dataclass
class Unit:
    line: int
    text: str
    marker: Marker | None = None
    rest: str = ""
    quote: bool = False
    table: bool = False
    lines: list[int] = field(default_factory=list)  # every source line of the unit, its own first

    def __post_init__(self):
        if not self.lines:
            self.lines = [self.line]

    @property
    def numbered(self) -> bool:
        return self.marker is not None and self.marker.numbered

    @property
    def plain(self) -> bool:
        return self.marker is None and not self.quote and not self.table

    def unquoted(self) -> str:
        text = self.text.strip()
        if text[:1] in OPEN_QUOTES:
            text = text[1:]
        if text[-1:] in CLOSE_QUOTES:
            text = text[:-1]
        return text.strip()


def make_units(lines: list[Line], plan=None) -> list[Unit]:
    units: list[Unit] = []
    open_quote: Unit | None = None
    for line in lines:
        if line.blank:
            continue
        text = line.text
        if open_quote is not None:
            open_quote.text += "\n" + text
            open_quote.lines.append(line.no)
            if plan is not None:
                plan.absorb([line.no], open_quote.line)
            if text[-1:] in CLOSE_QUOTES:
                open_quote = None
            continue
        if text[:1] in OPEN_QUOTES:
            unit = Unit(line=line.no, text=text, quote=True)
            units.append(unit)
            if text[-1:] not in CLOSE_QUOTES or len(text) == 1:
                open_quote = unit
            continue
        if is_table_row(text):
            units.append(Unit(line=line.no, text=text, table=True))
            continue
        marker, rest = split_marker(text)
        units.append(Unit(line=line.no, text=text, marker=marker, rest=rest))
    return units


def merge_continuations(units: list[Unit], plan) -> list[Unit]:
    """Join text that a page break cut off from the list item before it.

    An unnumbered paragraph is a continuation when it sits between item n and
    item n+1 of the same list, or when the item before it stops on a word a
    Thai sentence cannot end on ("ซึ่ง", "และ", ...). Each join is flagged.
    """
    merged: list[Unit] = []
    for index, unit in enumerate(units):
        previous = merged[-1] if merged else None
        if unit.plain and previous is not None and previous.marker is not None and not previous.table:
            following = next((u for u in units[index + 1 :]), None)
            between = (
                previous.numbered
                and following is not None
                and following.numbered
                and following.marker.value == previous.marker.value + 1
            )
            if between or ends_mid_sentence(previous.rest):
                previous.rest = join_broken(previous.rest, unit.text)
                previous.text = join_broken(previous.text, unit.text)
                why = (
                    f"อยู่ระหว่างข้อ {previous.marker.printed} กับข้อ {following.marker.printed}"
                    if between
                    else f"ข้อ {previous.marker.printed} จบด้วยคำที่ยังไม่จบประโยค"
                )
                plan.flag(
                    ImportFlag.Kind.CONTINUATION,
                    f"บรรทัด {to_thai_digits(unit.line)} ไม่มีเลขข้อ แต่{why} (น่าจะถูกตัดด้วยการขึ้นหน้าใหม่) "
                    f"จึงต่อท้ายข้อ {previous.marker.printed} ของบรรทัด {to_thai_digits(previous.line)}",
                    line=unit.line,
                    text=unit.text,
                    severity=ImportFlag.Severity.INFO,
                )
                plan.recognised["continuation"] += 1
                plan.absorb(unit.lines, previous.line)
                previous.lines += unit.lines
                continue
        merged.append(unit)
    return merged


def text_block(unit: Unit) -> PBlock:
    """A unit of narrative as the block that prints it."""
    if unit.quote:
        return PBlock(kind=Block.Kind.QUOTE, text=unit.unquoted(), line=unit.line)
    if unit.marker is not None:
        return PBlock(kind=Block.Kind.LIST_ITEM, text=unit.rest, marker=unit.marker.printed, line=unit.line)
    return PBlock(kind=Block.Kind.PARAGRAPH, text=unit.text, line=unit.line)


def count_block(plan, unit: Unit) -> None:
    plan.recognised["quote" if unit.quote else "list_item" if unit.marker else "paragraph"] += 1
