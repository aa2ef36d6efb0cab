"""Word files, written in the tests with python-docx, read by the same parser as text."""

import io

import docx
import pytest
from docx.enum.text import WD_BREAK

from bench import import_variants as variants
from importer import accounting
from importer.messages import NOT_DOCX, OLD_DOC, ImportRejected
from importer.parser import parse
from importer.services import plan_import
from projects.models import Project, ProjectBudget
from strategies.models import Indicator, Strategy

from .conftest import SAMPLE, SOURCE


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("path", [SOURCE, SAMPLE], ids=["source", "sample"])
def test_a_word_file_of_the_plan_yields_the_structure_of_its_text(path):
    text = path.read_text(encoding="utf-8")
    from_text = parse(text.encode("utf-8"), name=path.name)
    from_word = parse(variants.as_docx(text), name=path.stem + ".docx")
    assert from_word.source_kind == "docx"
    assert accounting.structure_counts(from_word) == accounting.structure_counts(from_text)
    assert [s.label for s in from_word.sections] == [s.label for s in from_text.sections]
    assert from_word.lost == [] and len(from_word.unplaced_flags) == len(from_text.unplaced_flags)


def test_word_numbering_becomes_the_printed_numbers():
    """The generated file numbers "(๑)" items with Word's own Thai-digit list numbering."""
    data = variants.as_docx(SAMPLE.read_text(encoding="utf-8"))
    assert (
        "(๑)" not in docx.Document(io.BytesIO(data)).paragraphs[100].text
    )  # Word draws it, the text lacks it
    plan = parse(data, name="sample.docx")
    strategy = next(f for f in plan.frameworks.values()).strategies[0]
    assert [t.number for t in strategy.tactics] == ["(๑)", "(๒)", "(๓)"]  # each list restarts at ๑


def _small_word_plan():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "หัวกระดาษที่ไม่ใช่เนื้อหา"
    document.sections[0].footer.paragraphs[0].text = "ท้ายกระดาษ หน้า ๑"
    document.add_paragraph("แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๖ - ๒๕๖๘ เทศบาลตำบลเวิร์ด")
    document.add_heading("วิสัยทัศน์", level=1)
    document.add_paragraph("“เมืองดิจิทัลที่ทุกคนเข้าถึง”")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("ยุทธศาสตร์การพัฒนา", level=1)
    document.add_paragraph("ยุทธศาสตร์ที่ ๑ พัฒนาบริการออนไลน์")
    document.add_paragraph("เป้าประสงค์ :")
    document.add_paragraph("ประชาชนยื่นคำร้องทางออนไลน์ได้", style="List Bullet")
    document.add_paragraph("ตัวชี้วัด :")
    table = document.add_table(rows=2, cols=5)
    for c, value in enumerate(["ตัวชี้วัด", "หน่วยนับ", "๒๕๖๖", "๒๕๖๗", "๒๕๖๘"]):
        table.cell(0, c).text = value
    for c, value in enumerate(["(๑) จำนวนบริการออนไลน์", "บริการ", "๑", "๒", "๓"]):
        table.cell(1, c).text = value
    document.add_heading("บัญชีโครงการ", level=1)
    document.add_paragraph("โครงการที่ ๑ ระบบคำร้องออนไลน์")
    budget = document.add_table(rows=2, cols=3)
    for c, value in enumerate(["ปี", "๒๕๖๖", "๒๕๖๗"]):
        budget.cell(0, c).text = value
    for c, value in enumerate(["งบประมาณ", "๕๐,๐๐๐", "๒๐,๐๐๐"]):
        budget.cell(1, c).text = value
    return _bytes(document)


def test_a_word_plan_without_chapters_imports_tables_and_ignores_headers_and_page_breaks():
    plan = parse(_small_word_plan(), name="word.docx")
    assert plan.partial and (plan.start_year, plan.end_year) == (2566, 2568)
    (framework,) = plan.frameworks.values()
    assert framework.vision == "เมืองดิจิทัลที่ทุกคนเข้าถึง"
    (strategy,) = framework.strategies
    assert [g.text for g in strategy.goals] == ["ประชาชนยื่นคำร้องทางออนไลน์ได้"]
    (indicator,) = strategy.indicators
    assert indicator.unit == "บริการ" and {y: t for y, (t, _v) in indicator.targets.items()} == {
        2566: "๑",
        2567: "๒",
        2568: "๓",
    }
    assert [(b.year, int(b.amount)) for b in plan.projects[0].budgets] == [(2566, 50000), (2567, 20000)]
    texts = [b.text for s in plan.sections for b in s.blocks]
    assert not any("หัวกระดาษ" in t or "ท้ายกระดาษ" in t for t in texts)
    assert plan.lost == []


def test_headings_styled_in_word_become_sections_whatever_they_say():
    document = docx.Document()
    document.add_paragraph("แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๖ - ๒๕๖๘ เทศบาลตำบลเวิร์ด")
    document.add_heading("สภาพทั่วไปของตำบล", level=1)  # names no topic the words would find
    document.add_paragraph("ตำบลมีเก้าหมู่บ้าน")
    document.add_heading("วิสัยทัศน์", level=1)
    document.add_paragraph("“เมืองดิจิทัล”")
    plan = parse(_bytes(document), name="styled.docx")
    assert [s.title for s in plan.sections][-2:] == ["สภาพทั่วไปของตำบล", "วิสัยทัศน์"]
    assert plan.frameworks["it_plan"].vision == "เมืองดิจิทัล"


def test_a_committee_table_in_word_keeps_names_positions_and_roles():
    document = docx.Document()
    document.add_paragraph("แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๖ - ๒๕๖๘ เทศบาลตำบลเวิร์ด")
    document.add_heading("คณะกรรมการติดตามและประเมินผล", level=1)
    rows = [
        ("ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่"),
        ("๑", "นายหนึ่ง ทดสอบ", "นายกเทศมนตรี", "ประธานกรรมการ"),
        ("๒", "นางสอง ทดสอบ", "ปลัดเทศบาล", "กรรมการ"),
        ("๓", "นายสาม ทดสอบ", "หัวหน้าสำนักปลัด", "กรรมการและเลขานุการ"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    plan = parse(_bytes(document), name="committee.docx")
    assert [(m.name, m.position, m.role) for m in plan.committee.members] == [
        ("นายหนึ่ง ทดสอบ", "นายกเทศมนตรี", "chair"),
        ("นางสอง ทดสอบ", "ปลัดเทศบาล", "member"),
        ("นายสาม ทดสอบ", "หัวหน้าสำนักปลัด", "secretary"),
    ]
    assert plan.lost == []


def test_the_table_of_contents_field_code_is_not_read_as_text():
    data = variants.as_docx(SOURCE.read_text(encoding="utf-8"))
    from importer.word import docx_text

    text = docx_text(data, name="x.docx")
    assert "TOC" not in text and "หัวกระดาษ" not in text and "ท้ายกระดาษ" not in text
    assert sum(1 for s in parse(data, name="x.docx").sections if s.in_toc) == 28


def test_a_word_file_is_saved_like_a_text_file(db):
    result = plan_import(data=_small_word_plan(), name="word.docx")
    edition = result.edition
    assert edition.organization.name == "เทศบาลตำบลเวิร์ด"
    assert Strategy.objects.filter(framework__edition=edition).count() == 1
    assert Indicator.objects.filter(framework__edition=edition).count() == 1
    project = Project.objects.get(edition=edition)
    assert sorted(ProjectBudget.objects.filter(project=project).values_list("fiscal_year", flat=True)) == [
        2566,
        2567,
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x00\x00word/document.xml", NOT_DOCX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, OLD_DOC),
    ],
    ids=["broken-docx", "old-doc"],
)
def test_files_that_are_not_readable_documents_are_refused(data, message):
    with pytest.raises(ImportRejected) as refused:
        parse(data, name="x.docx")
    assert str(refused.value) == message.format(name="x.docx")
