"""Checks across the whole parsed plan: things that look wrong in the source.

Each finding becomes a flag; the content is still imported as the document has it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from plans.models import ImportFlag
from thaimuang_plan.lib.thai import (
    foreign_organization_mentions,
    format_baht,
    project_label,
    strategy_label,
    to_thai_digits,
)

from .lines import Line
from .structure import ParsedPlan, PSection

_END_WORDS = ("ดังนี้", "ได้แก่", "ดังต่อไปนี้", ":")


def run(plan: ParsedPlan, lines: list[Line]) -> None:
    foreign_names(plan, lines)
    missing_content(plan, lines)
    years_in_period(plan)
    summary_matches_projects(plan)


def foreign_names(plan: ParsedPlan, lines: list[Line]) -> None:
    """Another local government's name inside the plan: usually a leftover of a copied document."""
    for line in lines:
        for name in foreign_organization_mentions(line.text, plan.organization_name or ""):
            plan.flag(
                ImportFlag.Kind.FOREIGN_NAME,
                f"พบชื่อ “{name}” ซึ่งไม่ใช่หน่วยงานเจ้าของแผน ({plan.organization_name}) "
                f"อาจคัดลอกมาจากแผนของหน่วยงานอื่น",
                line=line.no,
                text=line.text,
            )


def _has_content(section: PSection, sections: list[PSection]) -> bool:
    if section.body_line is not None or any(not line.blank for line in section.units):
        return True
    return any(_has_content(child, sections) for child in sections if child.parent is section)


def missing_content(plan: ParsedPlan, lines: list[Line]) -> None:
    """Headings the table of contents promises but the text never reaches."""
    sections = plan.sections
    for section in sections:
        if not section.in_toc or _has_content(section, sections):
            continue
        if section.parent is not None and not _has_content(section.parent, sections):
            continue  # reported once, with its chapter
        children = [s for s in sections if s.parent is section]
        pages = f" (สารบัญระบุหน้า {section.toc_pages})" if section.toc_pages else ""
        inside = f" และหัวข้อย่อยทั้ง {to_thai_digits(len(children))} หัวข้อ" if children else ""
        plan.flag(
            ImportFlag.Kind.MISSING,
            f"สารบัญมี “{section.label}”{pages}{inside} แต่ไม่พบเนื้อหาในไฟล์ "
            f"เก็บไว้เป็นโครงร่างตามสารบัญ ให้บรรณาธิการเพิ่มเนื้อหา",
            line=section.toc_line,
            text=section.label,
        )
    last = next((line for line in reversed(lines) if not line.blank), None)
    if last is not None and last.text.rstrip().endswith(_END_WORDS):
        plan.flag(
            ImportFlag.Kind.MISSING,
            "ไฟล์จบลงกลางหัวข้อ หลังข้อความที่บอกว่าจะมีรายการตามมา แต่ไม่มี",
            line=last.no,
            text=last.text,
        )


def years_in_period(plan: ParsedPlan) -> None:
    """Budgets outside the plan's years cannot be stored; they are flagged and left out."""
    for project in plan.projects:
        kept = []
        for budget in project.budgets:
            if plan.start_year <= budget.year <= plan.end_year:
                kept.append(budget)
                continue
            plan.unplaced(
                budget.line,
                f"{project_label(project.number)} งบประมาณ {to_thai_digits(budget.year)}: {format_baht(budget.amount)} บาท",
                f"ปีงบประมาณ {to_thai_digits(budget.year)} อยู่นอกช่วงปีของแผน "
                f"({to_thai_digits(plan.start_year)}-{to_thai_digits(plan.end_year)})",
            )
        project.budgets = kept
    for framework in plan.frameworks.values():
        if framework.start_year is None:
            continue
        indicators = framework.indicators + [i for s in framework.strategies for i in s.indicators]
        for indicator in indicators:
            outside = [y for y in indicator.targets if not framework.start_year <= y <= framework.end_year]
            for year in outside:
                text, _ = indicator.targets.pop(year)
                plan.unplaced(
                    indicator.line,
                    f"{indicator.number} {indicator.name}: ปี {year} {text}",
                    f"ค่าเป้าหมายปี {to_thai_digits(year)} อยู่นอกช่วงปีของ{framework.short_name}",
                )


def summary_matches_projects(plan: ParsedPlan) -> None:
    """The summary table (ผ.01) against the budgets of the project details."""
    if not plan.summary or not plan.projects:
        return
    actual: dict = defaultdict(lambda: [0, Decimal(0)])
    for project in plan.projects:
        for budget in project.budgets:
            for key in (project.strategy_number, None):
                actual[(key, budget.year)][0] += 1
                actual[(key, budget.year)][1] += budget.amount
    for row in plan.summary:
        for year, (count, amount) in row.cells.items():
            real_count, real_amount = actual[(row.strategy_number, year)]
            if (count is not None and count != real_count) or (amount is not None and amount != real_amount):
                where = (
                    strategy_label(row.strategy_number) if row.strategy_number else "แถวรวม"
                )
                plan.flag(
                    ImportFlag.Kind.TOTAL_MISMATCH,
                    f"บัญชีสรุปโครงการ {where} ปี {to_thai_digits(year)} พิมพ์ว่า {to_thai_digits(count)} โครงการ "
                    f"{format_baht(amount or 0)} บาท แต่รายละเอียดโครงการรวมได้ {to_thai_digits(real_count)} โครงการ "
                    f"{format_baht(real_amount)} บาท",
                    line=row.line,
                )
