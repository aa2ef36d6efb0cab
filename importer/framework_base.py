"""What the framework readers share: recognising a framework by its title, its years,
placing an embed, narrative, and loose tables read as the framework's indicators."""

from __future__ import annotations

import re

from plans.models import Block
from strategies.models import Framework

from .lines import NUM, squash
from .structure import ParsedPlan, PBlock, PFramework, PSection
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


def years(plan: ParsedPlan, framework: PFramework) -> list[int]:
    if framework.start_year:
        return list(range(framework.start_year, framework.end_year + 1))
    return list(range(plan.start_year, plan.end_year + 1))


def embed(section: PSection, embed: str, framework: PFramework, line: int) -> None:
    """Mark where the structured list is printed, once per section."""
    if not any(b.embed == embed and b.framework == framework.kind for b in section.blocks):
        section.blocks.append(PBlock.embed_of(embed, framework.kind, line))


def narrative(plan: ParsedPlan, section: PSection, unit: Unit) -> None:
    section.blocks.append(text_block(unit))
    count_block(plan, unit)


def loose(plan: ParsedPlan, section: PSection, units: list[Unit], framework: PFramework) -> None:
    """Narrative, with any table read as the framework's indicators."""
    rows: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit.table:
            rows.append(unit)
            continue
        if rows:
            embed(section, Block.Embed.INDICATORS, framework, rows[0].line)
            framework.indicators += indicator_table(
                plan, rows, years(plan, framework), f"หัวข้อ {section.label}"
            )
            rows = []
        if unit is not None:
            narrative(plan, section, unit)
