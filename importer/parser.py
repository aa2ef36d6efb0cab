"""Recognising the outline of a plan file: foreword, table of contents, headings, cover pages.

The content under each heading is then read by ``content.read_section``. The
result is a ``ParsedPlan`` (plain dataclasses); nothing here touches the database.
"""

from __future__ import annotations

import re

from plans.models import ImportFlag
from thaimuang_plan.lib.thai import to_thai_digits

from . import accounting, checks, content, owner, partial, word
from .lines import NUM, Line, decode, similar, split_lines, split_marker, squash, to_int
from .messages import NO_ORGANIZATION, NO_PERIOD, NO_PLAN, ImportRejected
from .structure import ParsedPlan, PSection

CHAPTER_RE = re.compile(rf"^บทที่\s*({NUM})\s*[:.]?\s*(.*)$")
PAGES_RE = re.compile(rf"^{NUM}(?:\s*[-–]\s*{NUM})?$")
TOC_TAIL_RE = re.compile(rf"^(.*?)(?:\s*\.{{3,}}\s*|\s+)({NUM}(?:\s*[-–]\s*{NUM})?)$")

MAX_HEADING = 160  # a "heading" longer than this is a numbered paragraph
COVER_LINE = 70  # cover pages print a title in short lines


def parse(
    data: bytes, *, name: str, period: tuple[int, int] | None = None, organization: str = ""
) -> ParsedPlan:
    """Read a plan file (.txt or .docx) into a ParsedPlan, or raise ImportRejected (nothing to save).

    ``period`` and ``organization`` come from the person importing: they are used when the
    file does not say them, and ``organization`` wins over the file (an editor imports into
    their own organization); a file that names another owner says so in a flag, never by
    changing the organization.
    """
    if word.is_docx(data):
        text, headings = word.read_docx(data, name=name)
        lines, kind = split_lines(text, rewrap=False), "docx"
        for line in lines:
            line.heading = line.no in headings
    else:
        lines, kind = split_lines(decode(data, name=name)), "txt"
    count = sum(1 + len(line.joined) for line in lines)
    plan = ParsedPlan(source_name=name, line_count=count, source_kind=kind)
    _Outline(plan, lines).read()
    if not any(s.in_toc or s.body_line for s in plan.sections if s.level == 1 and s.number):
        # No table of contents, no chapters: read what can be recognised, keep the rest as text.
        plan = ParsedPlan(source_name=name, line_count=count, source_kind=kind)
        partial.outline(plan, lines)
    owner.find_period_and_title(plan, lines)
    if plan.start_year is None and period is not None:
        plan.start_year, plan.end_year = period
    if plan.start_year is None:
        raise ImportRejected((NO_PLAN if plan.partial else NO_PERIOD).format(name=name))
    owner.find_organization(plan, lines)
    if organization:
        owner.choose_organization(plan, organization)
    if not plan.organization_name and not plan.is_sample_file:
        raise ImportRejected(NO_ORGANIZATION.format(name=name))
    for section in plan.sections:
        content.read_section(plan, section)
    checks.run(plan, lines)
    accounting.account(plan, lines)
    return plan


class _Outline:
    def __init__(self, plan: ParsedPlan, lines: list[Line]):
        self.plan = plan
        self.lines = lines
        self.toc_keys: set[tuple] = set()
        self.cursor = -1  # index in plan.sections of the heading last seen in the body
        self.current: PSection | None = None
        self.limbo: list[Line] = []  # lines after the front matter, before the first chapter

    # --- front matter -------------------------------------------------------------------------

    def read(self) -> None:
        index = self._read_front()
        # Body headings go after the foreword and before the outline the TOC laid out.
        self.cursor = sum(1 for s in self.plan.sections if not s.in_toc) - 1
        for line in self.lines[index:]:
            self._read_body_line(line)
        self._close_limbo()

    def _read_front(self) -> int:
        """Sample label, title page, foreword and table of contents; returns where the body starts."""
        plan, lines = self.plan, self.lines
        i = _skip_blank(lines, 0)
        if i < len(lines) and lines[i].text.startswith("ข้อมูลตัวอย่าง"):
            plan.is_sample_file = True
            while i < len(lines) and not lines[i].blank:
                plan.mark("sample_label", lines[i].no)
                i += 1
        front: list[Line] = []
        while i < len(lines):
            line = lines[i]
            key = squash(line.text)
            if key == "คำนำ":
                i = self._read_foreword(i + 1)
            elif key == "สารบัญ":
                plan.mark("toc_header", line.no)
                i = self._read_toc(i + 1)
                break
            elif CHAPTER_RE.match(line.text):
                break
            else:
                if not line.blank:
                    front.append(line)
                i += 1
        if front:
            if all(len(line.text) <= COVER_LINE * 2 for line in front):
                plan.cover_pages.append((front[0].no, front[-1].no))
                plan.mark("cover_page", *(line.no for line in front))
            else:
                for line in front:
                    plan.unplaced(line.no, line.text, "ข้อความก่อนคำนำและสารบัญ ไม่อยู่ในหัวข้อใด")
        return i

    def _read_foreword(self, i: int) -> int:
        plan, lines = self.plan, self.lines
        section = PSection(number="", title="คำนำ", level=1, body_line=lines[i - 1].no, body_title="คำนำ")
        plan.sections.append(section)
        plan.recognised["heading"] += 1
        start = i
        while i < len(lines) and squash(lines[i].text) != "สารบัญ" and not CHAPTER_RE.match(lines[i].text):
            i += 1
        body = lines[start:i]
        # The signatory: the last group of short lines, after the text of the foreword.
        end = len(body)
        while end and body[end - 1].blank:
            end -= 1
        first = end
        while first and not body[first - 1].blank and len(body[first - 1].text) <= COVER_LINE:
            first -= 1
        if 0 < first < end and end - first <= 4 and any(not b.blank for b in body[:first]):
            plan.foreword_signatory = "\n".join(b.text for b in body[first:end])
            plan.mark("signatory", *(b.no for b in body[first:end]))
            body = body[:first]
        section.units = body
        return i

    def _read_toc(self, i: int) -> int:
        plan, lines = self.plan, self.lines
        parents: dict[int, PSection] = {}
        while i < len(lines):
            line = lines[i]
            if line.blank:
                i += 1
                continue
            if squash(line.text) in {"หน้า", "บทที่หน้า", "เรื่องหน้า", "สารบัญหน้า", "หัวข้อหน้า"}:
                plan.mark("toc_header", line.no)
                i += 1
                continue
            entry = _toc_entry(line.text)
            if entry is None or entry[0] in self.toc_keys:
                break  # the body starts (its first heading repeats a TOC entry)
            parts, number, title, pages = entry
            parent = parents.get(len(parts) - 1)
            if len(parts) > 1 and (parent is None or parent.parts != parts[:-1]):
                break
            section = PSection(
                number=number,
                title=title,
                level=min(len(parts), 3),
                parts=parts,
                toc_pages=pages,
                in_toc=True,
                toc_line=line.no,
                parent=parent if len(parts) > 1 else None,
            )
            plan.sections.append(section)
            parents[len(parts)] = section
            self.toc_keys.add(parts)
            plan.recognised["toc_entry"] += 1
            i += 1
        return i

    # --- body ---------------------------------------------------------------------------------

    def _read_body_line(self, line: Line) -> None:
        container = self.current.units if self.current is not None else self.limbo
        heading = None if line.blank else self._heading(line)
        if heading is None:
            container.append(line)
            return
        self.current = heading
        self.plan.recognised["heading"] += 1
        if heading.level == 1:
            self._take_cover_page(heading, container)
        self._close_limbo()

    def _heading(self, line: Line) -> PSection | None:
        text = line.text
        if "\t" in text:
            return None
        match = CHAPTER_RE.match(text)
        if match:
            return self._enter(
                (to_int(match.group(1)),), f"บทที่ {match.group(1)}", match.group(2), line, strict=False
            )
        marker, rest = split_marker(text)
        if marker is None or not rest or len(rest) > MAX_HEADING:
            return None
        if marker.style == "dot":
            # Chapter ๑ of the source is headed "๑. วัตถุประสงค์…" rather than "บทที่ ๑".
            toc = self._toc_section((marker.value,))
            if toc is not None and self._ahead(toc) and similar(rest, toc.title) >= 0.8:
                return self._enter((marker.value,), toc.number, rest, line, strict=True)
            return None
        if marker.style == "multi" and len(marker.parts) <= 3:
            return self._enter(marker.parts, marker.printed.rstrip("."), rest, line, strict=True)
        return None

    def _enter(self, parts, number, title, line, *, strict) -> PSection | None:
        """Move to the section a heading names, or create it; None when it is not a heading here."""
        plan = self.plan
        toc = self._toc_section(parts)
        if toc is not None:
            if not self._ahead(toc):
                return None  # numbers that went backwards (e.g. ๒.๑ under ๒.๓.๖) are list items
            if strict and len(parts) > 1 and similar(title, toc.title) < 0.6:
                return None
            if toc.body_line is None:
                toc.body_line, toc.body_title = line.no, title
                if squash(title) and not (
                    squash(title).startswith(squash(toc.title)) or squash(toc.title).startswith(squash(title))
                ):
                    plan.flag(
                        ImportFlag.Kind.TITLE_MISMATCH,
                        f"หัวข้อ {toc.number} ในเนื้อหาพิมพ์ว่า “{title}” แต่สารบัญ (บรรทัด {_thai(str(toc.toc_line))}) "
                        f"พิมพ์ว่า “{toc.title}” ใช้ชื่อตามสารบัญ",
                        line=line.no,
                        text=line.text,
                        severity=ImportFlag.Severity.INFO,
                    )
            self.cursor = plan.sections.index(toc)
            return toc
        parent = None
        if len(parts) == 1 and any(s.parts == tuple(parts) for s in plan.sections):
            return None
        if len(parts) > 1:
            parent = self._open_section(parts[:-1])
            if parent is None:
                return None
            siblings = [s for s in plan.sections if s.parent is parent]
            if any(s.in_toc for s in siblings):
                return None  # the table of contents lists this level: it is not a heading
            if self._continues_list(parts):
                return None
            last = siblings[-1].parts[-1] if siblings else 0
            if parts[-1] <= last:
                return None
            if parts[-1] > last + 1:
                missing = [".".join(str(p) for p in (*parts[:-1], n)) for n in range(last + 1, parts[-1])]
                plan.flag(
                    ImportFlag.Kind.NUMBERING_GAP,
                    f"เลขหัวข้อข้ามจาก {_thai(siblings[-1].number) if siblings else _thai(parent.number)} "
                    f"ไป {_thai(number)}: ไม่พบหัวข้อ {', '.join(_thai(m) for m in missing)}",
                    line=line.no,
                    text=line.text,
                )
        section = PSection(
            number=number,
            title=title,
            level=min(len(parts), 3),
            parts=tuple(parts),
            in_toc=False,
            body_line=line.no,
            body_title=title,
            parent=parent,
        )
        plan.sections.insert(self.cursor + 1, section)
        self.cursor += 1
        return section

    def _continues_list(self, parts) -> bool:
        """ "๒.๔" right after an item "๒.๓" is the next item of a list, not a heading."""
        container = self.current.units if self.current is not None else self.limbo
        previous = next((line for line in reversed(container) if not line.blank), None)
        if previous is None:
            return False
        marker, _ = split_marker(previous.text)
        return marker is not None and marker.style == "multi" and marker.parts == (*parts[:-1], parts[-1] - 1)

    def _toc_section(self, parts) -> PSection | None:
        return next((s for s in self.plan.sections if s.parts == tuple(parts) and s.in_toc), None)

    def _open_section(self, parts) -> PSection | None:
        """The section we are inside whose number is ``parts`` (the parent of a new heading)."""
        section = self.current
        while section is not None and section.parts != tuple(parts):
            section = section.parent
        return section

    def _ahead(self, section: PSection) -> bool:
        return self.plan.sections.index(section) > self.cursor

    def _take_cover_page(self, chapter: PSection, container: list[Line]) -> None:
        """Lines just before a chapter heading that spell its title are its cover page."""
        titles = [squash(chapter.title), squash(chapter.body_title)]
        title = max(titles, key=len)
        taken: list[Line] = []
        index = len(container)
        while index:
            line = container[index - 1]
            if line.blank:
                index -= 1
                continue
            candidate = squash(line.text) + "".join(squash(t.text) for t in taken)
            if (
                len(line.text) > COVER_LINE
                or split_marker(line.text)[0] is not None
                or not any(candidate in t for t in titles)
            ):
                break
            taken.insert(0, line)
            index -= 1
        if taken and len("".join(squash(t.text) for t in taken)) >= max(10, len(title) * 0.3):
            del container[index:]
            self.plan.cover_pages.append((taken[0].no, taken[-1].no))
            self.plan.mark("cover_page", *(t.no for t in taken))

    def _close_limbo(self) -> None:
        for line in self.limbo:
            if not line.blank:
                self.plan.unplaced(line.no, line.text, "ข้อความก่อนบทแรก ไม่อยู่ในหัวข้อใด")
        self.limbo = []


def _toc_entry(text: str):
    """(parts, number, title, pages) of a table-of-contents line, or None."""
    pages = ""
    text = re.sub(r" {2,}", " ", text)
    if "\t" in text:
        parts = [c for c in text.split("\t")]
        if _pages(parts[-1].strip()) or not parts[-1].strip():
            pages = parts[-1].strip()
            parts = parts[:-1]
        text = " ".join(p.strip() for p in parts if p.strip())
    else:
        match = TOC_TAIL_RE.match(text)
        if match and match.group(1).strip() and _pages(match.group(2)):
            text, pages = match.group(1).strip(), match.group(2)
    text = text.rstrip(". ")
    match = CHAPTER_RE.match(text)
    if match:
        if not match.group(2):
            return None
        return (to_int(match.group(1)),), f"บทที่ {match.group(1)}", match.group(2).strip(), pages
    marker, rest = split_marker(text)
    if marker is not None and marker.style == "multi" and rest and len(marker.parts) <= 3:
        return marker.parts, marker.printed.rstrip("."), rest, pages
    return None


def _pages(text: str) -> bool:
    """A page or page range; never a BE year range like ๒๕๖๓ - ๒๕๖๕ that ends a title."""
    return bool(PAGES_RE.match(text)) and all(len(n) <= 3 for n in re.findall(NUM, text))


def _skip_blank(lines: list[Line], i: int) -> int:
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def _thai(number: str) -> str:
    return to_thai_digits(number)
