"""Readers for the sections of a strategic framework: vision, missions, values,
principles, strategies with goals/tactics/indicators, tactic lists, positioning."""

from __future__ import annotations

import re

from plans.models import Block, ImportFlag
from strategies.models import Framework, FrameworkPoint

from .framework_base import STRATEGY_RE, embed, loose, narrative
from .framework_strategies import strategies
from .lines import similar
from .structure import PIndicator, PItem, PPoint
from .units import Unit

# --- whole-section readers ----------------------------------------------------------------------


def framework_section(plan, section, units, framework) -> None:
    if framework.kind == Framework.Kind.GOV40:
        points(plan, section, units, framework)
    elif any(STRATEGY_RE.match(u.text) for u in units if not u.table):
        strategies(plan, section, units, framework)
    else:
        loose(plan, section, units, framework)


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
                where = (
                    Block.Embed.SUCCESS_FACTORS
                    if kind == FrameworkPoint.Kind.SUCCESS_FACTOR
                    else Block.Embed.PRINCIPLES
                )
                embed(section, where, framework, unit.line)
            else:
                kind = current.kind
            title, text = _split_point(unit.rest)
            current = PPoint(kind=kind, number=marker.printed, title=title, text=text, line=unit.line)
            framework.points.append(current)
            plan.recognised[kind] += 1
        elif marker is not None and not marker.numbered and current is not None:
            current.text = f"{current.text}\n{marker.printed} {unit.rest}".strip()
            plan.recognised["point_bullet"] += 1
            plan.absorb(unit.lines, current.line)
        else:
            current = None
            last_paragraph = unit.text
            narrative(plan, section, unit)


def vision(plan, section, units, framework) -> None:
    for unit in units:
        if not framework.vision and (unit.quote or (unit.plain and len(units) == 1)):
            framework.vision = unit.unquoted() if unit.quote else unit.text
            embed(section, Block.Embed.VISION, framework, unit.line)
            plan.recognised["vision"] += 1
        else:
            narrative(plan, section, unit)


def missions(plan, section, units, framework) -> None:
    for unit in units:
        if unit.marker is not None:
            embed(section, Block.Embed.MISSIONS, framework, unit.line)
            framework.points.append(
                PPoint(FrameworkPoint.Kind.MISSION, unit.marker.printed, "", unit.rest, unit.line)
            )
            plan.recognised["mission"] += 1
        elif unit.plain and len(units) == 1:
            framework.points.append(PPoint(FrameworkPoint.Kind.MISSION, "", "", unit.text, unit.line))
            embed(section, Block.Embed.MISSIONS, framework, unit.line)
            plan.recognised["mission"] += 1
        else:
            narrative(plan, section, unit)


def values(plan, section, units, framework) -> None:
    lines = []
    for unit in units:
        if unit.table:
            plan.unplaced(unit.line, unit.text, "ตารางในหัวข้อค่านิยม")
            continue
        embed(section, Block.Embed.VALUES, framework, unit.line)
        lines.append(unit.unquoted() if unit.quote else unit.text)
        plan.recognised["values"] += 1
        plan.absorb(unit.lines, next(b.line for b in section.blocks if b.embed == Block.Embed.VALUES))
    framework.values = "\n".join(lines)


def tactics(plan, section, units, framework) -> None:
    """A plan-wide list of tactics, numbered "๑." … "- ๑๖" as people type them."""
    previous: Unit | None = None
    for unit in units:
        if unit.marker is None or unit.table:
            if unit.table:
                loose(plan, section, [unit], framework)
            else:
                narrative(plan, section, unit)
            continue
        embed(section, Block.Embed.TACTICS, framework, unit.line)
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
            embed(section, Block.Embed.INDICATORS, framework, unit.line)
            framework.indicators.append(
                PIndicator(number=unit.marker.printed, name=unit.rest, line=unit.line)
            )
            plan.recognised["indicator_row"] += 1
        else:
            rest.append(unit)
    loose(plan, section, rest, framework)


def positioning(plan, section, units, framework) -> None:
    odd_numbering = None
    for unit in units:
        if unit.marker is not None and not unit.table:
            embed(section, Block.Embed.POSITIONING, framework, unit.line)
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
        narrative(plan, section, unit)
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
