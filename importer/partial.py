"""An outline for a plan that has no table of contents and no "บทที่" headings.

Real plans taken from web pages are often just their text: the title, then "วิสัยทัศน์",
"พันธกิจ", "ยุทธศาสตร์การพัฒนา", a list of projects… Rather than refusing them, headings
are recognised by what they name (a short line naming a topic a plan has), every other
line stays as text under the heading before it, and the import is flagged as partial so
an editor arranges the chapters.
"""

from __future__ import annotations

import re

from plans.models import ImportFlag
from thaimuang_plan.lib.thai import to_thai_digits

from .framework_base import LABEL_RE, STRATEGY_RE
from .lines import Line, split_marker, squash
from .structure import ParsedPlan, PSection

# Topics a plan's headings name, in the words plans use for them.
TOPIC_WORDS = (
    "วิสัยทัศน์",
    "พันธกิจ",
    "ค่านิยม",
    "ยุทธศาสตร์",
    "กลยุทธ์",
    "ตัวชี้วัด",
    "โครงการ",
    "คณะกรรมการ",
    "ติดตามและประเมินผล",
    "ระยะเวลา",
    "จุดยืน",
    "swot",
    "สภาพแวดล้อม",
    "วัตถุประสงค์",
    "ข้อมูลทั่วไป",
)
MAX_TOPIC_HEADING = 70
PROJECT_RE = re.compile(r"^โครงการที่\s*[0-9๐-๙]")


def is_topic_heading(text: str, *, styled: bool = False) -> bool:
    """A short line naming a plan's topic; or, in a Word file, a line styled as a heading."""
    if "\t" in text or len(text) > MAX_TOPIC_HEADING * (2 if styled else 1):
        return False
    if STRATEGY_RE.match(text) or LABEL_RE.match(text) or PROJECT_RE.match(text):
        return False  # items and labels inside a topic, read by the topic's reader
    if styled:
        return True
    if text.endswith((":", "：", "ดังนี้", ".", "ฯ")):
        return False
    marker, rest = split_marker(text)
    if marker is not None and not marker.numbered:
        return False
    title = rest if marker is not None else text
    key = squash(title)
    return any(word in key for word in TOPIC_WORDS) and len(title) <= MAX_TOPIC_HEADING


def outline(plan: ParsedPlan, lines: list[Line]) -> None:
    """Sections from topic headings; the lines before the first one form a section of their own."""
    current = PSection(number="", title="ส่วนต้นของเอกสาร (ก่อนหัวข้อแรก)", level=1)
    plan.sections.append(current)
    for line in lines:
        if not line.blank and is_topic_heading(line.text, styled=line.heading):
            marker, rest = split_marker(line.text)
            number = marker.printed.rstrip(".") if marker is not None and marker.numbered else ""
            title = rest if marker is not None else line.text
            current = PSection(number=number, title=title, level=1, body_line=line.no, body_title=title)
            plan.sections.append(current)
            plan.recognised["heading"] += 1
            continue
        current.units.append(line)
    if not any(not line.blank for line in plan.sections[0].units):
        plan.sections.pop(0)
    headings = sum(1 for s in plan.sections if s.body_line is not None)
    plan.partial = True
    plan.flag(
        ImportFlag.Kind.MISSING,
        f"ไม่พบสารบัญหรือหัวข้อ “บทที่ …” จึงนำเข้าบางส่วน: อ่านหัวข้อจากชื่อหัวข้อได้ {to_thai_digits(headings)} หัวข้อ "
        "ส่วนอื่นเก็บเป็นข้อความตามลำดับในเอกสาร ให้บรรณาธิการจัดบทและหัวข้อ",
    )
