"""Numbers Word draws itself (list and heading numbering) are read as if they were typed."""

import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from importer.parser import parse


def _numbering(document, abstract_id: str, levels: list[tuple[str, str]]) -> str:
    """A numbering definition with (format, text) per level; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for ilvl, (fmt, text) in enumerate(levels):
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            level.append(child)
        abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), abstract_id)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    numbering.append(num)
    return abstract_id


def _number(paragraph, num_id: str, ilvl: int) -> None:
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().append(num_pr)


def test_headings_numbered_by_word_are_chapters_and_sections():
    document = docx.Document()
    document.add_paragraph("คำนำ")
    document.add_paragraph("แผนนี้จัดทำเพื่อทดสอบเลขหัวข้ออัตโนมัติ")
    document.add_paragraph("")
    document.add_paragraph("คณะทำงาน")
    document.add_paragraph("เทศบาลตำบลเลขอัตโนมัติ")
    headings = _numbering(document, "70", [("thaiNumbers", "บทที่ %1"), ("thaiNumbers", "%1.%2")])
    items = _numbering(document, "71", [("thaiNumbers", "(%1)")])
    chapter = document.add_heading("แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๖ - ๒๕๖๘", level=1)
    _number(chapter, headings, 0)
    section = document.add_heading("แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น พ.ศ. ๒๕๖๖ - ๒๕๖๘", level=2)
    _number(section, headings, 1)
    document.add_paragraph("ยุทธศาสตร์ที่ ๑ พัฒนาบริการ")
    document.add_paragraph("กลยุทธ์ :")
    for text in ("พัฒนาบริการออนไลน์", "พัฒนาบุคลากร"):
        _number(document.add_paragraph(text), items, 0)
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse(buffer.getvalue(), name="numbered.docx")
    assert [(s.number, s.level) for s in plan.sections if s.number] == [("บทที่ ๑", 1), ("๑.๑", 2)]
    (framework,) = plan.frameworks.values()
    assert [(t.number, t.text) for t in framework.strategies[0].tactics] == [
        ("(๑)", "พัฒนาบริการออนไลน์"),
        ("(๒)", "พัฒนาบุคลากร"),
    ]
    assert plan.lost == []
