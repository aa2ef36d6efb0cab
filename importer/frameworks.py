"""Readers for the sections of a strategic framework: vision, missions, values,
principles, strategies with goals/tactics/indicators, tactic lists, positioning."""

from __future__ import annotations

import re

from plans.models import Block, ImportFlag
from strategies.models import Framework, FrameworkPoint
from thaimuang_plan.lib.thai import to_thai_digits

from .lines import NUM, same_words, similar, squash, to_int
from .structure import ParsedPlan, PBlock, PFramework, PIndicator, PItem, PPoint, PSection, PStrategy
from .tables import indicator_table
from .units import Unit, count_block, text_block

STRATEGY_RE = re.compile(rf"^ยุทธศาสตร์ที่\s*({NUM})\s*[:.]?\s*(.*)$")
LABEL_RE = re.compile(r"^(เป้าประสงค์|กลยุทธ์|ตัวชี้วัด(?:และค่าเป้าหมาย)?|สอดคล้องกับ)\s*(?:[:：]\s*(.*)|$)")
MODES = {"เป้าประสงค์": "goals", "กลยุทธ์": "tactics", "ตัวชี้วัด": "indicators", "ตัวชี้วัดและค่าเป้าหมาย": "indicators"}
REFERENCE_RE = re.compile(rf"ยุทธศาสตร์ที่\s*({NUM})")


def framework_kind(title: str) -> str | None:
    key = squash(title)
    if "ระบบราชการ" in key and "4.0" in key:
        return Framework.Kind.GOV40
    if "กรมส่งเสริมการปกครองท้องถิ่น" in key or "กสถ" in key:
        return Framework.Kind.DLA
    if "แผนพัฒนาท้องถิ่น" in key:
        return Framework.Kind.LOCAL_DEV
    if key.startswith("แผนแม่บท"):
        return Framework.Kind.IT_PLAN
    return None


def _years(plan: ParsedPlan, framework: PFramework) -> list[int]:
    if framework.start_year:
        return list(range(framework.start_year, framework.end_year + 1))
    return list(range(plan.start_year, plan.end_year + 1))


def _embed(section: PSection, embed: str, framework: PFramework, line: int) -> None:
    """Mark where the structured list is printed, once per section."""
    if not any(b.embed == embed and b.framework == framework.kind for b in section.blocks):
        section.blocks.append(PBlock.embed_of(embed, framework.kind, line))


def _narrative(plan: ParsedPlan, section: PSection, unit: Unit) -> None:
    section.blocks.append(text_block(unit))
    count_block(plan, unit)


def _loose(plan: ParsedPlan, section: PSection, units: list[Unit], framework: PFramework) -> None:
    """Narrative, with any table read as the framework's indicators."""
    rows: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit.table:
            rows.append(unit)
            continue
        if rows:
            _embed(section, Block.Embed.INDICATORS, framework, rows[0].line)
            framework.indicators += indicator_table(
                plan, rows, _years(plan, framework), f"หัวข้อ {section.label}"
            )
            rows = []
        if unit is not None:
            _narrative(plan, section, unit)


# --- whole-section readers ----------------------------------------------------------------------


def framework_section(plan, section, units, framework) -> None:
    if framework.kind == Framework.Kind.GOV40:
        points(plan, section, units, framework)
    elif any(STRATEGY_RE.match(u.text) for u in units if not u.table):
        strategies(plan, section, units, framework)
    else:
        _loose(plan, section, units, framework)


def _split_point(text: str) -> tuple[str, str]:
    """Title and text of a principle ("X คือ …") or success factor ("X อันเป็น…")."""
    if " คือ " in text:
        # "คือ" is part of the sentence as printed, so it stays with the text.
        title, rest = text.split(" คือ ", 1)
        return title.strip(), "คือ " + rest.strip()
    match = re.search(r"\s(อันเป็น)", text)
    if match:
        return text[: match.start()].strip(), text[match.start(1) :].strip()
    match = re.match(r"^(.{1,150}?\([^)]*[A-Za-z][^)]*\))\s+(.+)$", text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    return (text, "") if len(text) <= 150 else ("", text)


def points(plan, section, units, framework) -> None:
    """Numbered principles and success factors (Gov 4.0); bullets belong to the point above."""
    current: PPoint | None = None
    last_paragraph = ""
    for unit in units:
        marker = unit.marker
        if unit.numbered and marker.style != "multi":
            if current is None:
                kind = (
                    FrameworkPoint.Kind.SUCCESS_FACTOR
                    if "ปัจจัย" in last_paragraph
                    else FrameworkPoint.Kind.PRINCIPLE
                )
                embed = (
                    Block.Embed.SUCCESS_FACTORS
                    if kind == FrameworkPoint.Kind.SUCCESS_FACTOR
                    else Block.Embed.PRINCIPLES
                )
                _embed(section, embed, framework, unit.line)
            else:
                kind = current.kind
            title, text = _split_point(unit.rest)
            current = PPoint(kind=kind, number=marker.printed, title=title, text=text, line=unit.line)
            framework.points.append(current)
            plan.recognised[kind] += 1
        elif marker is not None and not marker.numbered and current is not None:
            current.text = f"{current.text}\n{marker.printed} {unit.rest}".strip()
            plan.recognised["point_bullet"] += 1
        else:
            current = None
            last_paragraph = unit.text
            _narrative(plan, section, unit)


def vision(plan, section, units, framework) -> None:
    for unit in units:
        if not framework.vision and (unit.quote or (unit.plain and len(units) == 1)):
            framework.vision = unit.unquoted() if unit.quote else unit.text
            _embed(section, Block.Embed.VISION, framework, unit.line)
            plan.recognised["vision"] += 1
        else:
            _narrative(plan, section, unit)


def missions(plan, section, units, framework) -> None:
    for unit in units:
        if unit.marker is not None:
            _embed(section, Block.Embed.MISSIONS, framework, unit.line)
            framework.points.append(
                PPoint(FrameworkPoint.Kind.MISSION, unit.marker.printed, "", unit.rest, unit.line)
            )
            plan.recognised["mission"] += 1
        elif unit.plain and len(units) == 1:
            framework.points.append(PPoint(FrameworkPoint.Kind.MISSION, "", "", unit.text, unit.line))
            _embed(section, Block.Embed.MISSIONS, framework, unit.line)
            plan.recognised["mission"] += 1
        else:
            _narrative(plan, section, unit)


def values(plan, section, units, framework) -> None:
    lines = []
    for unit in units:
        if unit.table:
            plan.unplaced(unit.line, unit.text, "ตารางในหัวข้อค่านิยม")
            continue
        _embed(section, Block.Embed.VALUES, framework, unit.line)
        lines.append(unit.unquoted() if unit.quote else unit.text)
        plan.recognised["values"] += 1
    framework.values = "\n".join(lines)


def tactics(plan, section, units, framework) -> None:
    """A plan-wide list of tactics, numbered "๑." … "- ๑๖" as people type them."""
    previous: Unit | None = None
    for unit in units:
        if unit.marker is None or unit.table:
            if unit.table:
                _loose(plan, section, [unit], framework)
            else:
                _narrative(plan, section, unit)
            continue
        _embed(section, Block.Embed.TACTICS, framework, unit.line)
        framework.tactics.append(PItem(number=unit.marker.printed, text=unit.rest, line=unit.line))
        plan.recognised["tactic"] += 1
        if previous is not None and previous.numbered and unit.numbered:
            if unit.marker.value != previous.marker.value + 1:
                plan.flag(
                    ImportFlag.Kind.NUMBERING_GAP,
                    f"เลขกลยุทธ์ข้ามจาก {previous.marker.printed} ไป {unit.marker.printed}",
                    line=unit.line,
                    text=unit.text,
                )
            elif unit.marker.style != previous.marker.style:
                plan.flag(
                    ImportFlag.Kind.OTHER,
                    f"รูปแบบเลขข้อเปลี่ยนจาก “{previous.marker.printed}” เป็น “{unit.marker.printed}” "
                    f"กลางรายการกลยุทธ์ อ่านเป็นข้อถัดไปของรายการเดียวกัน",
                    line=unit.line,
                    text=unit.text,
                    severity=ImportFlag.Severity.INFO,
                )
        previous = unit


def indicators(plan, section, units, framework) -> None:
    rest = []
    for unit in units:
        if unit.marker is not None and not unit.table and not any(u.table for u in units):
            _embed(section, Block.Embed.INDICATORS, framework, unit.line)
            framework.indicators.append(
                PIndicator(number=unit.marker.printed, name=unit.rest, line=unit.line)
            )
            plan.recognised["indicator_row"] += 1
        else:
            rest.append(unit)
    _loose(plan, section, rest, framework)


def positioning(plan, section, units, framework) -> None:
    odd_numbering = None
    for unit in units:
        if unit.marker is not None and not unit.table:
            _embed(section, Block.Embed.POSITIONING, framework, unit.line)
            framework.points.append(
                PPoint(FrameworkPoint.Kind.POSITIONING, unit.marker.printed, "", unit.rest, unit.line)
            )
            plan.recognised["positioning"] += 1
            if unit.marker.style == "multi" and odd_numbering is None:
                odd_numbering = unit
            continue
        if unit.quote and framework.vision:
            statement = unit.unquoted()
            if statement != framework.vision and similar(statement, framework.vision) >= 0.85:
                plan.flag(
                    ImportFlag.Kind.OTHER,
                    "ข้อความจุดยืนทางยุทธศาสตร์ซ้ำกับวิสัยทัศน์ของกรอบเดียวกันแต่สะกดต่างกัน: "
                    f"“{statement}” กับ “{framework.vision}”",
                    line=unit.line,
                    text=unit.text,
                    severity=ImportFlag.Severity.INFO,
                )
        _narrative(plan, section, unit)
    if odd_numbering is not None:
        printed = [p.number for p in framework.points if p.kind == FrameworkPoint.Kind.POSITIONING]
        plan.flag(
            ImportFlag.Kind.NUMBERING_GAP,
            f"จุดเด่นและจุดแข็งในหัวข้อ {section.label} ใช้เลข {printed[0]}–{printed[-1]} ซึ่งซ้ำกับเลขหัวข้อ "
            f"{printed[0]} ของเอกสาร อ่านตามบริบทเป็นข้อของจุดยืนทางยุทธศาสตร์ ไม่ใช่หัวข้อใหม่",
            line=odd_numbering.line,
            text=odd_numbering.text,
            severity=ImportFlag.Severity.INFO,
        )


# --- strategies ---------------------------------------------------------------------------------


def strategies(plan, section, units, framework) -> None:
    """A list of strategies, their details (goals, tactics, indicators), or both.

    A "ยุทธศาสตร์ที่ N" followed by a label (เป้าประสงค์ / กลยุทธ์ / ตัวชี้วัด)
    is a detail; without one it is an entry of the list. Details attach to the
    first list entry with the same number that has none yet.
    """
    prelude: list[Unit] = []
    occurrences: list[tuple[Unit, re.Match, list[Unit]]] = []
    for unit in units:
        match = STRATEGY_RE.match(unit.text) if not unit.table else None
        if match:
            occurrences.append((unit, match, []))
        elif occurrences:
            occurrences[-1][2].append(unit)
        else:
            prelude.append(unit)
    _loose(plan, section, prelude, framework)
    for unit, match, body in occurrences:
        number, title = to_int(match.group(1)), match.group(2).strip()
        plan.recognised["strategy_heading"] += 1
        if any(LABEL_RE.match(u.text) for u in body if not u.table):
            _embed(section, Block.Embed.STRATEGY_DETAILS, framework, unit.line)
            strategy = _detail_target(plan, framework, number, title, unit)
            _detail_body(plan, section, body, framework, strategy)
        else:
            _embed(section, Block.Embed.STRATEGY_LIST, framework, unit.line)
            same = [s for s in framework.strategies if s.number == number]
            if same:
                lines = ", ".join(str(s.line) for s in same)
                plan.flag(
                    ImportFlag.Kind.DUPLICATE_NUMBER,
                    f"{match.group(0).split()[0]} {match.group(1)} ปรากฏซ้ำในรายการยุทธศาสตร์ "
                    f"(บรรทัด {to_thai_digits(lines)} และ {to_thai_digits(unit.line)}) เก็บไว้ทั้งสองรายการตามเอกสาร "
                    f"รายละเอียดเป้าประสงค์และกลยุทธ์ผูกกับรายการแรก",
                    line=unit.line,
                    text=unit.text,
                )
            strategy = PStrategy(number=number, title=title, line=unit.line, printed=match.group(1))
            framework.strategies.append(strategy)
            _list_body(plan, section, body, framework, strategy)


def _detail_target(plan, framework, number, title, unit) -> PStrategy:
    listed = [s for s in framework.strategies if s.number == number]
    target = next((s for s in listed if s.detail_line is None), None)
    if target is None:
        if listed:
            plan.flag(
                ImportFlag.Kind.DUPLICATE_NUMBER,
                f"รายละเอียดของยุทธศาสตร์ที่ {to_thai_digits(number)} ปรากฏมากกว่าหนึ่งครั้ง (บรรทัด "
                f"{to_thai_digits(', '.join(str(s.detail_line) for s in listed))} และ {to_thai_digits(unit.line)}) เก็บเป็นยุทธศาสตร์แยก",
                line=unit.line,
                text=unit.text,
            )
        target = PStrategy(number=number, title=title, line=unit.line, printed=str(number))
        framework.strategies.append(target)
    elif not same_words(title, target.title):
        target.heading_in_detail = title
        plan.flag(
            ImportFlag.Kind.TITLE_MISMATCH,
            f"ชื่อยุทธศาสตร์ที่ {to_thai_digits(number)} ในส่วนรายละเอียด (บรรทัด {to_thai_digits(unit.line)}) ต่างจากในรายการ "
            f"(บรรทัด {to_thai_digits(target.line)}): ใช้ชื่อตามรายการ และเก็บชื่อในส่วนรายละเอียดไว้ด้วย",
            line=unit.line,
            text=unit.text,
            severity=ImportFlag.Severity.INFO,
        )
    target.detail_line = unit.line
    return target


def _list_body(plan, section, body, framework, strategy) -> None:
    """What follows a list entry: its description, or a table of the framework's indicators."""
    narrative = [u for u in body if not u.table]
    if narrative and all(u.plain for u in narrative) and not any(u.table for u in body):
        strategy.description = "\n".join(u.text for u in narrative)
        plan.recognised["strategy_description"] += len(narrative)
        return
    _loose(plan, section, body, framework)


def _detail_body(plan, section, body, framework, strategy) -> None:
    mode = None
    rows: list[Unit] = []
    for unit in [*body, None]:
        if unit is not None and unit.table:
            rows.append(unit)
            continue
        if rows:
            strategy.indicators += indicator_table(
                plan, rows, _years(plan, framework), f"ยุทธศาสตร์ที่ {strategy.number}"
            )
            rows = []
        if unit is None:
            break
        label = LABEL_RE.match(unit.text)
        if label:
            word, inline = label.group(1), (label.group(2) or "").strip()
            plan.recognised["label"] += 1
            if word == "สอดคล้องกับ":
                _alignment(plan, strategy, inline, unit)
                continue
            mode = MODES[word]
            if inline:
                _add_item(plan, strategy, mode, "", inline, unit.line)
            continue
        if mode is None:
            if unit.plain or unit.quote:
                strategy.description = "\n".join(filter(None, [strategy.description, unit.unquoted()]))
                plan.recognised["strategy_description"] += 1
            else:
                plan.unplaced(
                    unit.line, unit.text, f"ข้อความในยุทธศาสตร์ที่ {strategy.number} ก่อนหัวข้อเป้าประสงค์/กลยุทธ์"
                )
            continue
        number = unit.marker.printed if unit.marker is not None else ""
        _add_item(plan, strategy, mode, number, unit.rest if unit.marker else unit.text, unit.line)


def _add_item(plan, strategy, mode, number, text, line) -> None:
    if mode == "indicators":
        strategy.indicators.append(PIndicator(number=number, name=text, line=line))
        plan.recognised["indicator_row"] += 1
    else:
        getattr(strategy, mode).append(PItem(number=number, text=text, line=line))
        plan.recognised["goal" if mode == "goals" else "tactic"] += 1


def _alignment(plan, strategy, text, unit) -> None:
    """ "สอดคล้องกับ: แผนยุทธศาสตร์ กสถ. ยุทธศาสตร์ที่ ๖; แผนพัฒนาท้องถิ่น ยุทธศาสตร์ที่ ๗" """
    found = False
    for part in re.split(r"[;,]|\sและ\s", text):
        kind = framework_kind(part)
        numbers = [to_int(n) for n in REFERENCE_RE.findall(part)]
        if kind is None or not numbers:
            continue
        for number in numbers:
            strategy.aligns_with.append((kind, number, unit.line))
            found = True
    if not found:
        plan.unplaced(unit.line, unit.text, "อ่านไม่ออกว่าสอดคล้องกับยุทธศาสตร์ใดของกรอบใด")


HANDLERS = {
    "framework": framework_section,
    "vision": vision,
    "missions": missions,
    "values": values,
    "strategies": strategies,
    "indicators": indicators,
    "tactics": tactics,
    "positioning": positioning,
}
