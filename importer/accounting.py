"""Where every line of the file went: no line is recognised and then stored nowhere.

After parsing, each non-blank line must be held by something the writer saves (a
section, a block, a strategy, a budget row, ...), be layout the plan's structure
already expresses (a table header, a "เป้าประสงค์ :" label, a cover page), or be
reported as unplaced with its text. ``account`` checks this over the whole parse; a
line that falls through is reported as unplaced too (so nothing is lost silently) and
listed in ``plan.lost``, which the tests require to be empty: it is a defect of the parser.
"""

from __future__ import annotations

from plans.models import ImportFlag
from thaimuang_plan.lib.thai import to_thai_digits

from .lines import Line
from .messages import LOST_LINE
from .structure import ParsedPlan


def stored_lines(plan: ParsedPlan) -> set[int]:
    """The source lines of everything the writer saves."""
    held: set[int] = set()

    def add(*lines):
        held.update(n for n in lines if n)

    for section in plan.sections:
        add(section.toc_line, section.body_line)
        for block in section.blocks:
            add(block.line)
    for framework in plan.frameworks.values():
        for point in framework.points:
            add(point.line)
        for item in framework.tactics:
            add(item.line)
        for indicator in framework.indicators:
            add(indicator.line)
        for strategy in framework.strategies:
            add(strategy.line, strategy.detail_line)
            for item in (*strategy.goals, *strategy.tactics, *strategy.indicators):
                add(item.line)
            add(*(line for _kind, _number, line in strategy.aligns_with))
    for item in plan.swot:
        add(item.line)
    for project in plan.projects:
        add(project.line, *(b.line for b in project.budgets))
    if plan.committee is not None and plan.committee.members:
        add(plan.committee.line, *(m.line for m in plan.committee.members))
    for item in (*plan.methods, *plan.schedule):
        add(item.line)
    return held


def structure_counts(plan: ParsedPlan) -> dict[str, int]:
    """How much of each kind of structure the parse holds (the preview and the corpus bench show these)."""
    frameworks = list(plan.frameworks.values())
    strategies = [s for f in frameworks for s in f.strategies]
    indicators = [i for f in frameworks for i in f.indicators] + [i for s in strategies for i in s.indicators]
    return {
        "frameworks": len(frameworks),
        "strategies": len(strategies),
        "goals": sum(len(s.goals) for s in strategies),
        "tactics": sum(len(s.tactics) for s in strategies) + sum(len(f.tactics) for f in frameworks),
        "indicators": len(indicators),
        "targets": sum(len(i.targets) for i in indicators),
        "projects": len(plan.projects),
        "budget_rows": sum(len(p.budgets) for p in plan.projects),
        "committee": len(plan.committee.members) if plan.committee else 0,
        "schedule": len(plan.schedule),
    }


COUNT_LABELS = {
    "frameworks": "กรอบยุทธศาสตร์",
    "strategies": "ยุทธศาสตร์",
    "goals": "เป้าประสงค์",
    "tactics": "กลยุทธ์",
    "indicators": "ตัวชี้วัด",
    "targets": "ค่าเป้าหมายรายปี",
    "projects": "โครงการ",
    "budget_rows": "งบประมาณรายปีของโครงการ",
    "committee": "กรรมการติดตามและประเมินผล",
    "schedule": "รอบการติดตาม",
}


def account(plan: ParsedPlan, lines: list[Line]) -> None:
    """Report every non-blank line that nothing holds, and list it in ``plan.lost``."""
    held = stored_lines(plan) | set(plan.markup) | {f.line for f in plan.unplaced_flags if f.line}

    def covered(number: int, seen=()) -> bool:
        if number in held:
            return True
        host = plan.absorbed.get(number)
        return host is not None and host not in seen and covered(host, (*seen, number))

    for line in lines:
        if line.blank or covered(line.no):
            continue
        plan.lost.append(line.no)
        plan.unplaced(line.no, line.text, LOST_LINE.format(line=to_thai_digits(line.no)))


def promises(plan: ParsedPlan) -> list[tuple[str, int, int]]:
    """What the document says it contains against what was found: (what, promised, found)."""
    out = []
    toc = [s for s in plan.sections if s.in_toc]
    if toc:
        out.append(("หัวข้อในสารบัญ", len(toc), sum(1 for s in toc if s.body_line is not None)))
    total = next((row for row in plan.summary if row.strategy_number is None), None)
    if total is not None:
        promised = sum(count or 0 for count, _amount in total.cells.values())
        found = sum(len(p.budgets) for p in plan.projects)
        out.append(("โครงการรายปีในบัญชีสรุปโครงการ (แถวรวม)", promised, found))
    listed = {row.strategy_number for row in plan.summary if row.strategy_number is not None}
    if listed:
        have = {p.strategy_number for p in plan.projects}
        out.append(("ยุทธศาสตร์ที่มีโครงการตามบัญชีสรุป", len(listed), len(listed & have)))
    return out


def problems(plan: ParsedPlan) -> list:
    """The flags an editor must look at before trusting the import (warnings, not notes)."""
    return [f for f in plan.flags if f.severity == ImportFlag.Severity.WARNING]
