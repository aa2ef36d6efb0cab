"""Chapters ๓-๖ written by hand in other common ways (parser only, no database)."""

from decimal import Decimal

from importer.parser import parse
from monitoring.models import CommitteeMember
from plans.models import ImportFlag, SwotItem
from strategies.models import Framework

from .conftest import SMALL_PLAN

CHAPTERS = """
บทที่ ๓ การวิเคราะห์สภาพแวดล้อมขององค์กร

๓.๑ การวิเคราะห์สภาพแวดล้อมองค์กร

จุดแข็ง :
- ผู้บริหารสนับสนุน
- มีงบประมาณ
จุดอ่อน
๑) ขาดบุคลากร
โอกาส (Opportunities)
(๑) นโยบายรัฐบาลดิจิทัล
อุปสรรค
๑. ภัยไซเบอร์

บทที่ ๔ แผนแม่บทระบบเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๔ - ๒๕๖๖

๔.๑ วิสัยทัศน์

“บริการดิจิทัลเพื่อประชาชน”

๔.๒ ยุทธศาสตร์

ยุทธศาสตร์ที่ ๑ บริการออนไลน์
สอดคล้องกับ: แผนยุทธศาสตร์ กสถ. ยุทธศาสตร์ที่ ๑
เป้าประสงค์:
(๑) ประชาชนใช้บริการออนไลน์
กลยุทธ์:
(๑) พัฒนาเว็บไซต์

บทที่ ๕ บัญชีโครงการพัฒนา

๕.๑ บัญชีสรุปโครงการพัฒนา

ยุทธศาสตร์ที่ ๑ บริการออนไลน์\t๑\t๕๐,๐๐๐\t๑\t๑๐,๐๐๐\t๐\t-
รวม\t๑\t๕๐,๐๐๐\t๑\t๑๐,๐๐๐\t๐\t-

๕.๒ รายละเอียดโครงการพัฒนา

โครงการที่ ๑ โครงการเว็บไซต์
ยุทธศาสตร์ที่ ๑
๑. หลักการและเหตุผล : เว็บไซต์เดิมล้าสมัย
งบประมาณ:
ปี ๒๕๖๔ ๕๐,๐๐๐ บาท
ปี ๒๕๖๕ ๒๐,๐๐๐ บาท (เงินอุดหนุน)
หน่วยงานรับผิดชอบ: สำนักปลัด
บรรทัดที่ไม่รู้ว่าเป็นของส่วนใด

บทที่ ๖ การติดตามและประเมินผล

๖.๑ คณะกรรมการติดตามและประเมินผล

๑. นายหนึ่ง ทดสอบ\tนายก อบต.\tประธานกรรมการ
๒. นางสอง ทดสอบ\tปลัด อบต.\tกรรมการและเลขานุการ
๓. นายสาม ทดสอบ\tนักวิชาการคอมพิวเตอร์\tกรรมการและผู้ช่วยเลขานุการ

๖.๒ ระยะเวลาในการติดตามและประเมินผล

๑. รอบ ๖ เดือน (ตุลาคม - มีนาคม) รายงานภายในเดือนเมษายน
๒. รอบ ๑๒ เดือน สรุปผลปลายปี
"""


def parsed():
    return parse((SMALL_PLAN + CHAPTERS).encode(), name="full.txt")


def test_swot_lists_under_their_four_labels_in_any_numbering():
    swot = [(item.kind, item.text) for item in parsed().swot]
    assert swot == [
        (SwotItem.Kind.STRENGTH, "ผู้บริหารสนับสนุน"),
        (SwotItem.Kind.STRENGTH, "มีงบประมาณ"),
        (SwotItem.Kind.WEAKNESS, "ขาดบุคลากร"),
        (SwotItem.Kind.OPPORTUNITY, "นโยบายรัฐบาลดิจิทัล"),
        (SwotItem.Kind.THREAT, "ภัยไซเบอร์"),
    ]


def test_the_it_plan_has_its_vision_and_strategies_aligned_with_higher_frameworks():
    it_plan = parsed().frameworks[Framework.Kind.IT_PLAN]
    assert it_plan.vision == "บริการดิจิทัลเพื่อประชาชน"
    (strategy,) = it_plan.strategies
    assert strategy.aligns_with == [(Framework.Kind.DLA, 1, strategy.aligns_with[0][2])]
    assert [g.text for g in strategy.goals] == ["ประชาชนใช้บริการออนไลน์"]


def test_project_fields_may_be_numbered_and_budgets_listed_under_one_label():
    plan = parsed()
    (project,) = plan.projects
    assert (project.name, project.strategy_number, project.rationale) == (
        "โครงการเว็บไซต์",
        1,
        "เว็บไซต์เดิมล้าสมัย",
    )
    assert [(b.year, b.amount, b.source) for b in project.budgets] == [
        (2564, Decimal(50000), ""),
        (2565, Decimal(20000), "เงินอุดหนุน"),
    ]
    assert project.unit_name == "สำนักปลัด"


def test_a_line_that_fits_no_field_of_a_project_is_kept_as_an_unplaced_flag():
    unplaced = parsed().unplaced_flags
    assert [f.text for f in unplaced] == ["บรรทัดที่ไม่รู้ว่าเป็นของส่วนใด", "๒. รอบ ๑๒ เดือน สรุปผลปลายปี"]
    assert all(f.line for f in unplaced)


def test_a_summary_table_without_a_header_is_checked_against_the_project_budgets():
    plan = parsed()
    mismatches = [f for f in plan.flags if f.kind == ImportFlag.Kind.TOTAL_MISMATCH]
    # The table prints ๑๐,๐๐๐ baht for ๒๕๖๕; the project details budget ๒๐,๐๐๐ (strategy row and total row).
    rows = [row.line for row in plan.summary]
    assert [f.line for f in mismatches] == rows
    assert all("ปี ๒๕๖๕" in f.message and "๒๐,๐๐๐ บาท" in f.message for f in mismatches)


def test_committee_members_as_tab_separated_cells_with_their_roles():
    members = parsed().committee.members
    assert [(m.name, m.position, m.role) for m in members] == [
        ("นายหนึ่ง ทดสอบ", "นายก อบต.", CommitteeMember.Role.CHAIR),
        ("นางสอง ทดสอบ", "ปลัด อบต.", CommitteeMember.Role.SECRETARY),
        ("นายสาม ทดสอบ", "นักวิชาการคอมพิวเตอร์", CommitteeMember.Role.ASSISTANT_SECRETARY),
    ]


def test_a_schedule_round_needs_the_month_it_is_reported_in():
    (round_,) = parsed().schedule
    assert (round_.name, round_.covers_months, round_.report_month) == ("รอบ ๖ เดือน", 6, 4)


def test_a_full_hand_written_plan_is_saved_as_real_content_with_unplaced_lines_as_flags(db):
    from importer.services import plan_import
    from plans.models import ImportFlag as Flag
    from projects.models import Project

    result = plan_import(data=(SMALL_PLAN + CHAPTERS).encode(), name="full.txt")
    project = Project.objects.get()
    assert not project.is_sample
    assert project.strategy.framework.kind == Framework.Kind.IT_PLAN
    assert project.unit.organization == result.edition.organization
    unplaced = Flag.objects.filter(kind=Flag.Kind.UNPLACED).order_by("line")
    assert [f.source_text for f in unplaced] == ["บรรทัดที่ไม่รู้ว่าเป็นของส่วนใด", "๒. รอบ ๑๒ เดือน สรุปผลปลายปี"]
    assert all(f.line for f in unplaced)
    assert "บรรทัดที่จัดเข้าที่ไม่ได้ (๒)" in result.report()
