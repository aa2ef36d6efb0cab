"""The same plan as the exports people actually hand us: wrapped, re-spaced, with invisible characters, as Word.

Used by bench/import_corpus.py and by the importer's tests, so both measure the same variants.
Each function takes the text of a plan (as in fixtures/) and returns the variant.
"""

from __future__ import annotations

import io
import re

ZWSP, ZWJ, BOM, NBSP, SHY = "\u200b", "\u200d", "\ufeff", "\u00a0", "\u00ad"


def wrapped(text: str, width: int = 80) -> str:
    """Every line longer than ``width`` broken at spaces, as a plain-text export with line breaks does.

    Tabs are kept (they are cell separators in the export); a run of text with no space
    longer than the width is cut at the width.
    """
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width + 1)
            if cut <= 0:
                out.append(line[:width])
                line = line[width:]
            else:
                out.append(line[:cut])
                line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


def spaces_for_tabs(text: str) -> str:
    """Every tab as a run of spaces (two to five, varying), as columns aligned by hand."""
    count = 0

    def pad(_match):
        nonlocal count
        count += 1
        return " " * (2 + count % 4)

    return re.sub("\t", pad, text)


def invisible(text: str) -> str:
    """Zero-width spaces and joiners in headings, NBSPs for spaces, a BOM, soft hyphens in long words."""
    out = [BOM]
    for no, line in enumerate(text.split("\n")):
        if re.match(r"^(บทที่|[0-9๐-๙]+\.[0-9๐-๙]|ยุทธศาสตร์ที่|โครงการที่)", line):
            line = line.replace(" ", ZWSP + " ", 1)
            line = ZWJ + line if no % 2 else line + ZWSP
        elif no % 3 == 0:
            line = line.replace(" ", NBSP)
        elif no % 3 == 1 and len(line) > 40:
            line = line[:20] + SHY + line[20:]
        out.append(line)
    return out[0] + "\n".join(out[1:])


PAREN_ITEM_RE = re.compile(r"^\(([0-9๐-๙]+)\)\s+(.*)$")
HEADING_RE = re.compile(r"^(บทที่\s*[0-9๐-๙]+|[0-9๐-๙]+\.[0-9๐-๙]+(?:\.[0-9๐-๙]+)?)\s")
NUMBERED_RE = re.compile(r"^(?:\(?[0-9๐-๙]+[.)]|-\s*\(?[0-9๐-๙]+\)?)\s*")
BULLET_RE = re.compile(r"^[-•]\s+")


def as_docx(text: str) -> bytes:
    """The plan as a Word file written the way Word users write it.

    Headings in Heading styles (their numbers typed in the text), bullets as "List
    Bullet" paragraphs, items numbered "(๑)" as Word's own Thai-digit numbering (the
    typed number removed, each list restarting at ๑), tab-separated rows as real tables,
    a TOC field around the contents, page breaks between chapters, a header and a footer.
    """
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (หัวกระดาษ)"
    section.footer.paragraphs[0].text = "หน้า ๑ (ท้ายกระดาษ)"
    rows: list[list[str]] = []

    def flush_table():
        if not rows:
            return
        columns = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=columns)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
        rows.clear()

    def toc_field(paragraph):
        # A real TOC field: begin, instruction, separate, the cached result, end.
        def char(kind):
            run = paragraph.add_run()
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)

        char("begin")
        run = paragraph.add_run()
        instr = OxmlElement("w:instrText")
        instr.text = 'TOC \\o "1-3" \\h \\z \\u'
        run._r.append(instr)
        char("separate")

    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "thaiNumbers"), ("w:lvlText", "(%1)")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    abstract.append(level)
    numbering.insert(0, abstract)
    lists = {"next": 100, "current": None}

    def numbered_item(body: str, restart: bool):
        if restart or lists["current"] is None:
            num = OxmlElement("w:num")
            num.set(qn("w:numId"), str(lists["next"]))
            ref = OxmlElement("w:abstractNumId")
            ref.set(qn("w:val"), "90")
            num.append(ref)
            numbering.append(num)
            lists["current"] = str(lists["next"])
            lists["next"] += 1
        paragraph = document.add_paragraph(body)
        p_pr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", lists["current"])):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        p_pr.append(num_pr)

    in_toc = False
    for line in text.split("\n"):
        stripped = line.strip()
        if "\t" in stripped and stripped.count("\t") >= 1 and not in_toc:
            rows.append([c.strip() for c in stripped.split("\t")])
            continue
        flush_table()
        if not stripped:
            document.add_paragraph()  # Thai Word documents space their paragraphs with empty ones
            continue
        if stripped == "สารบัญ":
            document.add_paragraph("สารบัญ", style="TOC Heading" if "TOC Heading" in document.styles else None)
            in_toc = True
            paragraph = document.add_paragraph()
            toc_field(paragraph)
            continue
        if in_toc:
            if HEADING_RE.match(stripped) or stripped.replace("\t", "").strip() == "หน้า":
                # TOC entries live inside the field's cached result: Word writes them as "TOC n" paragraphs.
                level = 1 if stripped.startswith("บทที่") else 2
                style = f"toc {level}" if f"toc {level}" in document.styles else None
                document.add_paragraph(stripped, style=style)
                continue
            end = document.add_paragraph()
            run = end.add_run()
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), "end")
            run._r.append(element)
            in_toc = False
        match = HEADING_RE.match(stripped)
        if match and len(stripped) < 200:
            level = 1 if stripped.startswith("บทที่") else min(match.group(1).count(".") + 1, 3)
            if level == 1:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            document.add_heading(stripped, level=level)
        elif (item := PAREN_ITEM_RE.match(stripped)) and "\t" not in stripped:
            numbered_item(item.group(2), restart=item.group(1) in ("1", "๑"))
        elif BULLET_RE.match(stripped) and not NUMBERED_RE.match(stripped):
            document.add_paragraph(BULLET_RE.sub("", stripped), style="List Bullet")
        else:
            document.add_paragraph(stripped)
    flush_table()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
