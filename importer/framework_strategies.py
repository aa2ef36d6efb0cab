"""Reading strategies: the list of a framework's strategies, and each strategy's details
(goals, tactics, indicators, the strategies of other frameworks it aligns with)."""

from __future__ import annotations

import re

from plans.models import Block, ImportFlag
from thaimuang_plan.lib.thai import strategy_label, to_thai_digits

from .framework_base import LABEL_RE, MODES, REFERENCE_RE, STRATEGY_RE, embed, framework_kind, loose, years
from .lines import same_words, to_int
from .structure import PIndicator, PItem, PStrategy
from .tables import indicator_table
from .units import Unit

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
    loose(plan, section, prelude, framework)
    for unit, match, body in occurrences:
        number, title = to_int(match.group(1)), match.group(2).strip()
        plan.recognised["strategy_heading"] += 1
        if any(LABEL_RE.match(u.text) for u in body if not u.table):
            embed(section, Block.Embed.STRATEGY_DETAILS, framework, unit.line)
            strategy = _detail_target(plan, framework, number, title, unit)
            _detail_body(plan, section, body, framework, strategy)
        else:
            embed(section, Block.Embed.STRATEGY_LIST, framework, unit.line)
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
                f"รายละเอียดของ{strategy_label(number)} ปรากฏมากกว่าหนึ่งครั้ง (บรรทัด "
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
            f"ชื่อ{strategy_label(number)} ในส่วนรายละเอียด (บรรทัด {to_thai_digits(unit.line)}) ต่างจากในรายการ "
            f"(บรรทัด {to_thai_digits(target.line)}): ใช้ชื่อตามรายการ และเก็บชื่อในส่วนรายละเอียดไว้ด้วย",
            line=unit.line,
            text=unit.text,
            severity=ImportFlag.Severity.INFO,
        )
    target.detail_line = unit.line
    return target


def _list_body(plan, section, body, framework, strategy) -> None:
    """What follows a list entry: its description, or a table of the framework's indicators."""
    texts = [u for u in body if not u.table]
    if texts and all(u.plain for u in texts) and not any(u.table for u in body):
        strategy.description = "\n".join(u.text for u in texts)
        plan.recognised["strategy_description"] += len(texts)
        for unit in texts:
            plan.absorb(unit.lines, strategy.line)
        return
    loose(plan, section, body, framework)


def _detail_body(plan, section, body, framework, strategy) -> None:
    mode = None
    rows: list[Unit] = []
    for unit in [*body, None]:
        if unit is not None and unit.table:
            rows.append(unit)
            continue
        if rows:
            strategy.indicators += indicator_table(
                plan, rows, years(plan, framework), strategy_label(strategy.number)
            )
            rows = []
        if unit is None:
            break
        label = LABEL_RE.match(unit.text)
        if label:
            word, inline = label.group(1), (label.group(2) or "").strip()
            if inline:
                plan.recognised["label"] += 1
            else:
                plan.mark("label", unit.line)
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
                plan.absorb(unit.lines, strategy.detail_line or strategy.line)
            else:
                plan.unplaced(
                    unit.line, unit.text, f"ข้อความใน{strategy_label(strategy.number)} ก่อนหัวข้อเป้าประสงค์/กลยุทธ์"
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
