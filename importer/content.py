"""Reading what is under one heading.

Which reader applies is decided by context: the framework the section belongs
to (Gov 4.0, the DLA plan, the local development plan, the IT plan) and the
topic its heading names (วิสัยทัศน์, พันธกิจ, ยุทธศาสตร์, ...). Narrative that
no structured reader claims becomes paragraphs and list items, in order.
"""

from __future__ import annotations

import re

from plans.models import Block, SwotItem
from strategies.models import Framework

from . import chapters, followup, framework_base, frameworks
from .lines import find_period, squash, strip_period
from .structure import ParsedPlan, PBlock, PFramework, PSection, PSwot
from .units import Unit, count_block, make_units, merge_continuations, text_block

FRAMEWORK_TOPICS = [
    ("positioning", ("จุดยืน",)),
    ("vision", ("วิสัยทัศน์",)),
    ("missions", ("พันธกิจ",)),
    ("values", ("ค่านิยม",)),
    ("strategies", ("ยุทธศาสตร์",)),
    ("indicators", ("ตัวชี้วัด", "ค่าเป้าหมาย")),
    ("tactics", ("กลยุทธ์",)),
]
OTHER_TOPICS = [
    ("project_summary", ("บัญชีสรุปโครงการ", "สรุปโครงการ")),
    ("project_details", ("รายละเอียดโครงการ",)),
    ("committee", ("คณะกรรมการ",)),
    ("methods", ("วิธีการติดตาม", "วิธีการประเมิน", "วิธีติดตาม")),
    ("schedule", ("ระยะเวลา", "กำหนดเวลา", "รอบการติดตาม")),
]
FRAMEWORK_META = {
    Framework.Kind.GOV40: ("ระบบราชการ ๔.๐", "gov40", 1),
    Framework.Kind.DLA: ("แผนยุทธศาสตร์ กสถ.", "dla", 2),
    Framework.Kind.LOCAL_DEV: ("แผนพัฒนาท้องถิ่น", "local-dev", 3),
    Framework.Kind.IT_PLAN: ("แผนแม่บทไอที", "it-plan", 4),
}

SWOT_RE = re.compile(r"^(จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค|ภัยคุกคาม)\s*(?:\(\s*[A-Za-z ]+\s*\))?\s*(?:[:：]\s*)?$")
SWOT_KINDS = {
    "จุดแข็ง": SwotItem.Kind.STRENGTH,
    "จุดอ่อน": SwotItem.Kind.WEAKNESS,
    "โอกาส": SwotItem.Kind.OPPORTUNITY,
    "อุปสรรค": SwotItem.Kind.THREAT,
    "ภัยคุกคาม": SwotItem.Kind.THREAT,
}


def read_section(plan: ParsedPlan, section: PSection) -> None:
    units = merge_continuations(make_units(section.units, plan), plan)
    if not units:
        return
    framework, defining = _framework(plan, section)
    if framework is None and plan.partial:
        framework = _own_framework(plan, section, units)
    if framework is not None:
        topic = "framework" if defining else _topic(section, FRAMEWORK_TOPICS) or "framework"
        frameworks.HANDLERS[topic](plan, section, units, framework)
    else:
        topic = _topic(section, OTHER_TOPICS)
        if topic is None:
            narrative(plan, section, units)
        else:
            (chapters.HANDLERS | followup.HANDLERS)[topic](plan, section, units)


def _topic(section: PSection, table) -> str | None:
    heading = squash(section.heading) + "|" + squash(section.title)
    for topic, words in table:
        if any(word in heading for word in words):
            return topic
    return None


def _framework(plan: ParsedPlan, section: PSection) -> tuple[PFramework | None, bool]:
    """The framework a section belongs to, created when its defining section is met."""
    node = section
    while node is not None:
        kind = framework_base.framework_kind(node.heading) or framework_base.framework_kind(node.title)
        if kind is not None:
            framework = plan.frameworks.get(kind)
            if framework is None:
                framework = _new_framework(plan, kind, node)
            return framework, node is section
        node = node.parent
    return None, False


def _own_framework(plan: ParsedPlan, section: PSection, units: list[Unit]) -> PFramework | None:
    """In a plan without chapters, vision, missions and strategies are the plan's own (its IT plan)."""
    if _topic(section, OTHER_TOPICS) is not None:
        return None
    if _topic(section, FRAMEWORK_TOPICS) is None and not any(
        framework_base.STRATEGY_RE.match(u.text) for u in units if not u.table
    ):
        return None
    return plan.frameworks.get(Framework.Kind.IT_PLAN) or _new_framework(
        plan, Framework.Kind.IT_PLAN, section
    )


def _new_framework(plan: ParsedPlan, kind: str, section: PSection) -> PFramework:
    short_name, slug, order = FRAMEWORK_META[kind]
    name = strip_period(section.heading) if kind != Framework.Kind.GOV40 else section.heading
    if plan.partial and kind == Framework.Kind.IT_PLAN:
        name = plan.title
    period = find_period(section.heading) or find_period(section.title)
    if period is None and kind == Framework.Kind.IT_PLAN:
        period = (plan.start_year, plan.end_year)
    framework = PFramework(
        kind=kind,
        name=name[:300],
        short_name=short_name,
        slug=slug,
        order=order,
        section=section,
        start_year=period[0] if period else None,
        end_year=period[1] if period else None,
    )
    plan.frameworks[kind] = framework
    plan.recognised["framework"] += 1
    return framework


# --- narrative --------------------------------------------------------------------------------


def narrative(plan: ParsedPlan, section: PSection, units: list[Unit]) -> None:
    """Paragraphs, list items and quotations in order; SWOT lists and projects where they appear."""
    swot_kind = None
    for index, unit in enumerate(units):
        label = SWOT_RE.match(unit.text) if not unit.table else None
        if label:
            swot_kind = SWOT_KINDS[label.group(1)]
            if not any(b.embed == Block.Embed.SWOT for s in plan.sections for b in s.blocks):
                section.blocks.append(PBlock.embed_of(Block.Embed.SWOT, "", unit.line))
            plan.mark("swot_label", unit.line)
            continue
        if swot_kind and unit.marker is not None:
            plan.swot.append(PSwot(kind=swot_kind, text=unit.rest, line=unit.line))
            plan.recognised["swot_item"] += 1
            continue
        swot_kind = None
        if chapters.PROJECT_RE.match(unit.text):
            chapters.project_details(plan, section, units[index:])
            return
        if unit.table:
            plan.unplaced(unit.line, unit.text, f"ตารางในหัวข้อ {section.label} ที่ไม่รู้ว่าเป็นข้อมูลอะไร")
            continue
        section.blocks.append(text_block(unit))
        count_block(plan, unit)
