"""Readers for chapter ๖: the monitoring committee, evaluation methods and the schedule of rounds."""

from __future__ import annotations

import re

from monitoring.models import CommitteeMember
from plans.models import Block
from thaimuang_plan.lib.thai import THAI_MONTHS

from .chapters import embed, narrative
from .lines import NUM, cells, split_marker, to_int
from .structure import ParsedPlan, PCommittee, PMember, PMethod, PRound, PSection
from .units import Unit


def _role(text: str) -> str:
    if "ผู้ช่วยเลขานุการ" in text:
        return CommitteeMember.Role.ASSISTANT_SECRETARY
    if "เลขานุการ" in text:
        return CommitteeMember.Role.SECRETARY
    if "ประธาน" in text:
        return CommitteeMember.Role.CHAIR
    return CommitteeMember.Role.MEMBER


# The role closes a member's line when it has no cell of its own: "… ปลัด อบต. กรรมการและเลขานุการ".
ROLE_AT_END_RE = re.compile(
    r"\s(ประธาน(?:กรรมการ)?|รองประธาน(?:กรรมการ)?|กรรมการและผู้ช่วยเลขานุการ|กรรมการและเลขานุการ|"
    r"ผู้ช่วยเลขานุการ|เลขานุการ|กรรมการ)\s*$"
)
# A person's name: an optional title, then a first and a last name.
NAME_RE = re.compile(
    r"^((?:นางสาว|นาย|นาง|น\.ส\.|ว่าที่\s?ร\.?ต\.?|ดร\.|จ\.ส\.อ\.|ส\.อ\.|พ\.ต\.อ\.)?\s?\S+\s+\S+)\s+(.+)$"
)


def _member_parts(text: str) -> list[str]:
    """[name, position, role] of a member written on one line without separators."""
    role = ROLE_AT_END_RE.search(text)
    if role is None:
        return [text]
    rest = text[: role.start()].strip()
    named = NAME_RE.match(rest)
    name, position = (named.group(1), named.group(2)) if named else (rest, "")
    return [name.strip(), position.strip(), role.group(1)]


def _header_row(row: list[str]) -> bool:
    """ "ลำดับ | ชื่อ-สกุล | ตำแหน่ง | หน้าที่": the column names of a committee table."""
    return any("ชื่อ" in c for c in row) and any(w in c for c in row for w in ("ตำแหน่ง", "หน้าที่", "บทบาท"))


def committee(plan: ParsedPlan, section: PSection, units: list[Unit]) -> None:
    """Members as numbered lines "name / position / role" (or tab-separated cells)."""
    plan.committee = plan.committee or PCommittee(line=units[0].line)
    for unit in units:
        appointed = re.match(r"^(?:แต่งตั้งโดย|ตามคำสั่ง)\s*[:：]?\s*(.+)$", unit.text)
        if appointed:
            plan.committee.appointed_by = appointed.group(1).strip()
            plan.recognised["committee_field"] += 1
            plan.absorb(unit.lines, plan.committee.line)
            continue
        parts = cells(unit.text) if unit.table else None
        if parts is None and unit.numbered:
            parts = [p.strip() for p in re.split(r"\s*/\s*", unit.rest)]
            if len(parts) == 1:
                parts = _member_parts(unit.rest)
        elif parts is not None:
            if _header_row(parts):
                plan.mark("table_header", unit.line)
                continue
            if re.fullmatch(rf"\(?{NUM}[.)]?", parts[0]):  # a column of numbers: ลำดับ
                parts = parts[1:]
            marker, first = split_marker(parts[0])
            parts = [first, *parts[1:]] if marker is not None else parts
        if not parts or (not unit.table and not unit.numbered):
            narrative(plan, section, unit)
            continue
        embed(section, Block.Embed.COMMITTEE, unit.line)
        name = parts[0]
        position = parts[1] if len(parts) > 1 else ""
        role_text = parts[2] if len(parts) > 2 else position
        plan.committee.members.append(
            PMember(name=name, position=position, role=_role(role_text), line=unit.line)
        )
        plan.recognised["committee_member"] += 1


def methods(plan: ParsedPlan, section: PSection, units: list[Unit]) -> None:
    for unit in units:
        if unit.numbered:
            embed(section, Block.Embed.METHODS, unit.line)
            title, text = _title_and_text(unit.rest)
            plan.methods.append(PMethod(number=unit.marker.printed, title=title, text=text, line=unit.line))
            plan.recognised["method"] += 1
        elif plan.methods and unit.plain and any(b.embed == Block.Embed.METHODS for b in section.blocks):
            method = plan.methods[-1]
            method.text = f"{method.text}\n{unit.text}".strip()
            plan.recognised["method"] += 1
            plan.absorb(unit.lines, method.line)
        else:
            narrative(plan, section, unit)


def _title_and_text(text: str) -> tuple[str, str]:
    for separator in (":", " คือ ", " – ", " - "):
        if separator in text:
            title, rest = text.split(separator, 1)
            if 0 < len(title.strip()) <= 200:
                # A word of the sentence ("คือ") stays with the text; punctuation does not.
                kept = separator.strip() + " " if separator == " คือ " else ""
                return title.strip(), kept + rest.strip()
    return (text, "") if len(text) <= 300 else (text[:120].rsplit(" ", 1)[0], text)


_MONTHS = "|".join(THAI_MONTHS)


def _span(period: str) -> int | None:
    """Months from the first to the last month named: "ตุลาคม - มีนาคม" is 6 (the fiscal year starts in ตุลาคม)."""
    named = re.findall(_MONTHS, period)
    if len(named) < 2:
        return None
    first, last = THAI_MONTHS.index(named[0]), THAI_MONTHS.index(named[-1])
    return (last - first) % 12 + 1


def schedule(plan: ParsedPlan, section: PSection, units: list[Unit]) -> None:
    """Rounds as lines or paragraphs: "๑. รอบ ๖ เดือน (ตุลาคม - มีนาคม) รายงานภายในเดือนเมษายน",
    "ครั้งที่ ๑ ติดตามผลระยะ ๖ เดือน … และรายงานต่อนายกฯ ในเดือนเมษายน"."""
    for unit in units:
        text = unit.rest if unit.marker is not None else unit.text
        named = (
            None if unit.table else re.search(rf"(?:รอบ|ระยะ|ครั้งที่\s*{NUM}\D{{0,40}}?)\s*({NUM})\s*เดือน", text)
        )
        report = re.search(rf"(?:รายงาน|เสนอ)\D*?(?:เดือน)?\s*({_MONTHS})", text)
        period = re.search(rf"\(([^)]*(?:{_MONTHS})[^)]*)\)", text)
        if named is None and report and period and _span(period.group(1)) and not unit.table:
            named = re.search(rf"(ครั้งที่\s*({NUM}))", text)
        if named and report:
            embed(section, Block.Embed.SCHEDULE, unit.line)
            months = to_int(named.group(1)) if "เดือน" in named.group(0) else (_span(period.group(1)) or 12)
            plan.schedule.append(
                PRound(
                    number=unit.marker.printed if unit.marker is not None else "",
                    name=re.sub(r"\s+", " ", named.group(0))[:100],
                    period_text=period.group(1).strip() if period else "",
                    covers_months=min(max(months, 1), 12),
                    report_month=THAI_MONTHS.index(report.group(1)) + 1,
                    description=text,
                    line=unit.line,
                )
            )
            plan.recognised["schedule_round"] += 1
        elif named:
            plan.unplaced(unit.line, unit.text, "รอบการติดตามที่ไม่ระบุเดือนที่รายงาน (เช่น “รายงานภายในเดือนเมษายน”)")
        else:
            narrative(plan, section, unit)


HANDLERS = {
    "committee": committee,
    "methods": methods,
    "schedule": schedule,
}
