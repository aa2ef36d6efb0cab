"""Importing the real Tai Mueang source: everything in it is placed, and its oddities are flagged."""

from decimal import Decimal

import pytest
from reversion.models import Revision

from plans.models import Block, Edition, ImportFlag, Section
from strategies.models import Framework, FrameworkPoint, Indicator

pytestmark = pytest.mark.django_db

Kind = ImportFlag.Kind


def section(number):
    return Section.objects.get(number=number)


def blocks(number):
    return list(section(number).blocks.order_by("order"))


def framework(kind):
    return Framework.objects.get(kind=kind)


def flags(kind):
    return list(ImportFlag.objects.filter(kind=kind).order_by("line"))


def test_it_creates_a_draft_edition_for_the_organization_and_period(tai_mueang):
    edition = Edition.objects.get()
    assert edition.organization.name == "องค์การบริหารส่วนตำบลท้ายเหมือง"
    assert edition.organization.short_name == "อบต.ท้ายเหมือง"
    assert (edition.start_year, edition.end_year) == (2563, 2565)
    assert edition.status == Edition.Status.DRAFT
    assert edition.title == "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan)"
    assert edition.source_name == "tai_mueang_2563-2565.txt"
    assert len(edition.source_sha256) == 64


def test_it_saves_everything_in_one_revision_named_after_the_file(tai_mueang):
    assert Revision.objects.filter(comment="นำเข้าจากไฟล์ tai_mueang_2563-2565.txt").count() == 1


def test_it_keeps_the_foreword_and_who_signs_it(tai_mueang):
    edition = Edition.objects.get()
    assert edition.foreword_signatory == "คณะทำงานระบบเทคโนโลยีสารสนเทศ\nองค์การบริหารส่วนตำบลท้ายเหมือง"
    foreword = Section.objects.get(title="คำนำ")
    assert not foreword.in_toc
    (paragraph,) = foreword.blocks.all()
    assert paragraph.text.startswith("ด้วยปัจจุบันการสื่อสารไร้พรมแดน")
    assert "คณะทำงาน" not in paragraph.text


def test_it_keeps_the_six_chapters_of_the_table_of_contents_with_their_sections_and_pages(tai_mueang):
    chapters = Section.objects.filter(level=Section.Level.CHAPTER, in_toc=True).order_by("order")
    assert [c.number for c in chapters] == ["บทที่ ๑", "บทที่ ๒", "บทที่ ๓", "บทที่ ๔", "บทที่ ๕", "บทที่ ๖"]
    assert chapters[0].toc_pages == "๑-๒"
    assert chapters[3].title == "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕"
    toc = {s.number: s.toc_pages for s in Section.objects.filter(level=Section.Level.SECTION, in_toc=True)}
    assert [n for n in toc if n.startswith("๓.")] == [f"๓.{n}" for n in "๑ ๒ ๓ ๔ ๕ ๖ ๗ ๘ ๙ ๑๐".split()]
    assert {n: toc[n] for n in ("๒.๑", "๒.๒", "๒.๓", "๓.๑", "๓.๓", "๓.๑๐", "๔.๓", "๕.๒", "๖.๓")} == {
        "๒.๑": "๓-๔",
        "๒.๒": "๕-๑๐",
        "๒.๓": "๑๐-๑๔",
        "๓.๑": "๑๕-๑๖",
        "๓.๓": "๑๗",
        "๓.๑๐": "๒๔-๓๐",
        "๔.๓": "๓๒-๓๔",
        "๕.๒": "๓๖-๕๑",
        "๖.๓": "๕๔",
    }
    for chapter, count in (("บทที่ ๓", 10), ("บทที่ ๔", 3), ("บทที่ ๕", 3), ("บทที่ ๖", 3)):
        assert section(chapter).children.count() == count


def test_body_headings_missing_from_the_toc_become_subsections_outside_the_toc(tai_mueang):
    subsections = Section.objects.filter(level=Section.Level.SUBSECTION).order_by("order")
    assert [s.number for s in subsections] == [
        "๒.๒.๑", "๒.๒.๒", "๒.๒.๓", "๒.๒.๔", "๒.๓.๑", "๒.๓.๒", "๒.๓.๕", "๒.๓.๖",
    ]  # fmt: skip
    assert not any(s.in_toc for s in subsections)
    assert section("๒.๒.๔").parent == section("๒.๒")


def test_chapter_one_has_its_five_objectives_and_the_paragraphs_around_them(tai_mueang):
    content = blocks("บทที่ ๑")
    objectives = [b for b in content if b.kind == Block.Kind.LIST_ITEM and b.marker.endswith(".")]
    assert [b.marker for b in objectives] == ["๑.", "๒.", "๓.", "๔.", "๕."]
    assert objectives[0].text.startswith("เพื่อให้องค์การบริหารส่วนตำบลท้ายเหมือง มีกรอบและทิศทาง")
    # Objective ๓ was cut by a page break; its second half is joined back on.
    assert "ปัจจัยต่าง ๆ ซึ่งนำไปสู่การจัดการความเปลี่ยนแปลงให้ดียิ่งขึ้น" in objectives[2].text
    paragraphs = [b for b in content if b.kind == Block.Kind.PARAGRAPH]
    assert len(paragraphs) == 3
    assert paragraphs[-1].text.endswith("โดยมีวัตถุประสงค์ดังนี้")
    assert [b.marker for b in content if b.marker.startswith("-")] == ["- (๑)", "- (๒)", "- (๓)"]


def test_it_recognises_the_chapter_cover_pages_and_leaves_no_line_unplaced(tai_mueang):
    assert tai_mueang.plan.cover_pages == [(44, 46), (75, 79)]
    assert flags(Kind.UNPLACED) == []
    assert "หน้าปก/หน้าคั่นบทที่รู้จัก: ๒ หน้า" in tai_mueang.report()


def test_gov40_has_three_principles_and_three_success_factors_with_their_text(tai_mueang):
    gov40 = framework(Framework.Kind.GOV40)
    # Its principles and success factors are printed in ๒.๑, where the source describes Gov 4.0.
    assert set(section("๒.๑").blocks.filter(framework_slug=gov40.slug).values_list("embed", flat=True)) == {
        "principles",
        "success_factors",
    }
    principles = list(gov40.points.filter(kind=FrameworkPoint.Kind.PRINCIPLE).order_by("order"))
    assert [p.title for p in principles] == [
        "เปิดกว้างและเชื่อมโยงกัน (Open & Connected Government)",
        "ยึดประชาชนเป็นศูนย์กลาง (Citizen-Centric Government)",
        "มีขีดสมรรถนะสูงและทันสมัย (Smart & High Performance Government)",
    ]
    assert principles[0].text.startswith("คือ ต้องมีความเปิดเผย โปร่งใสในการปฏิบัติราชการ")
    assert principles[2].text.count("\n- ในฐานะ") == 3
    factors = list(gov40.points.filter(kind=FrameworkPoint.Kind.SUCCESS_FACTOR).order_by("order"))
    assert [f.number for f in factors] == ["๑.", "๒.", "๓."]
    assert factors[1].title == "การสร้างนวัตกรรม (Innovation)"
    assert all(f.text.startswith("อันเป็น") for f in factors)
    assert [(b.kind, b.embed) for b in blocks("๒.๑")] == [
        (Block.Kind.PARAGRAPH, ""),
        (Block.Kind.EMBED, Block.Embed.PRINCIPLES),
        (Block.Kind.PARAGRAPH, ""),
        (Block.Kind.EMBED, Block.Embed.SUCCESS_FACTORS),
        (Block.Kind.PARAGRAPH, ""),
    ]


def test_dla_plan_has_its_vision_missions_values_and_strategies_with_goals_and_tactics(tai_mueang):
    dla = framework(Framework.Kind.DLA)
    assert (dla.start_year, dla.end_year) == (2560, 2569)
    assert (
        dla.vision == "มุ่งสร้างท้องถิ่นไทยให้เข้มแข็ง โปร่งใส ก้าวสู่ประเทศไทย ๔.๐ อย่างมั่นคง\nตามแนวทางปรัชญาเศรษฐกิจพอเพียง"
    )
    assert dla.values == "มีอาชีพ คิดสร้างสรรค์ ยึดมั่นธรรมาภิบาล"
    missions = dla.points.filter(kind=FrameworkPoint.Kind.MISSION).order_by("order")
    assert [m.number for m in missions] == ["(๑)", "(๒)", "(๓)", "(๔)", "(๕)"]
    strategies = list(dla.strategies.order_by("order"))
    assert [s.number for s in strategies] == [1, 2, 3, 3, 4, 5, 6]
    shape = [(s.number, s.goals.count(), s.tactics.count()) for s in strategies]
    assert shape == [(1, 2, 5), (2, 3, 6), (3, 3, 6), (3, 0, 0), (4, 3, 5), (5, 3, 8), (6, 4, 7)]
    goal = strategies[1].goals.get(number="(๒)")
    assert "หนุนเสริมการพัฒนาเศรษฐกิจฐานรากในท้องถิ่นเติบโต อย่างต่อเนื่อง" in goal.text
    assert [b.embed for b in blocks("๒.๒.๔")] == [Block.Embed.STRATEGY_LIST, Block.Embed.STRATEGY_DETAILS]


def test_detail_headings_that_differ_from_the_list_are_kept_beside_it(tai_mueang):
    dla = framework(Framework.Kind.DLA)
    differing = {s.number: s.heading_in_detail for s in dla.strategies.exclude(heading_in_detail="")}
    assert set(differing) == {3, 5}
    assert differing[3].startswith("การพัฒนาการบริหารจัดการภาครัฐและธรรมาภิบาลในการปกครองท้องถิ่นของประเทศไทย")
    assert differing[5].startswith("การบริหารและพัฒนาทรัพยากรบุคคลของกรมส่งเสริมการปกครองส่วนท้องถิ่นและ")


def test_local_development_plan_has_its_vision_strategies_indicators_tactics_and_positioning(tai_mueang):
    local = framework(Framework.Kind.LOCAL_DEV)
    assert (local.start_year, local.end_year) == (2561, 2565)
    assert local.name == "แผนพัฒนาท้องถิ่น องค์การบริหารส่วนตำบลท้ายเหมือง"
    assert local.vision.startswith("ก้าวไกลทางการศึกษา ชาวประชาร่วมรักถิ่น")
    assert local.strategies.count() == 7
    indicators = list(local.indicators.order_by("order"))
    assert len(indicators) == 15
    assert (indicators[0].number, indicators[-1].number) == ("๑๒)", "๒๖)")
    first = indicators[0]
    assert [(t.year, t.text) for t in first.targets.order_by("year")] == [
        (2561, "-"), (2562, "๑ แห่ง"), (2563, "-"), (2564, "๑ แห่ง"), (2565, "๑ แห่ง"),
    ]  # fmt: skip
    assert (first.unit, first.total_text, first.total_value) == ("แห่ง", "๓ แห่ง", Decimal(3))
    assert all(i.targets.count() == 5 for i in indicators)
    tactics = list(local.tactics.order_by("order"))
    assert len(tactics) == 18
    assert [t.number for t in tactics[14:]] == ["๑๕.", "- ๑๖", "- ๑๗", "- ๑๘"]
    strengths = local.points.filter(kind=FrameworkPoint.Kind.POSITIONING).order_by("order")
    assert [p.number for p in strengths] == ["๒.๑", "๒.๒", "๒.๓", "๒.๔"]
    assert "น้ำตกละอองดาว" in strengths[2].text
    positioning = blocks("๒.๓.๖")
    assert [b.kind for b in positioning] == [
        Block.Kind.PARAGRAPH, Block.Kind.EMBED, Block.Kind.PARAGRAPH, Block.Kind.QUOTE,
    ]  # fmt: skip
    assert positioning[-1].text.startswith("ก้าวไกลทางการศึกษา ชาวประชาร่วมรักษถิ่น")


def test_percentages_total_as_the_last_year_and_counts_as_the_sum(tai_mueang):
    local = framework(Framework.Kind.LOCAL_DEV)
    rules = {i.number: i.total_rule for i in local.indicators.all()}
    assert rules["๒๕)"] == rules["๒๖)"] == Indicator.TotalRule.LAST
    assert {n for n, rule in rules.items() if rule == Indicator.TotalRule.SUM} == {
        f"{n})" for n in "๑๒ ๑๓ ๑๔ ๑๕ ๑๖ ๑๗ ๑๘ ๑๙ ๒๐ ๒๑ ๒๒ ๒๓ ๒๔".split()
    }
    wrong = {i.number for i in local.indicators.all() if i.total_matches() is False}
    assert wrong == {"๑๗)", "๒๓)"}


def test_the_duplicate_strategy_number_is_flagged_with_both_lines(tai_mueang):
    (flag,) = flags(Kind.DUPLICATE_NUMBER)
    assert flag.line == 140
    assert "138" in flag.message.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def test_numbering_that_starts_late_or_skips_is_flagged(tai_mueang):
    gaps = {f.line: f for f in flags(Kind.NUMBERING_GAP)}
    assert set(gaps) == {320, 336, 362}
    assert "เริ่มที่ข้อ ๑๒)" in gaps[320].message and "ไม่มีแถวหัวตาราง" in gaps[320].message
    assert "๒.๓.๓, ๒.๓.๔" in gaps[336].message
    assert gaps[362].severity == ImportFlag.Severity.INFO  # ๒.๑-๒.๔ read as positioning points


def test_another_organizations_name_is_flagged(tai_mueang):
    (flag,) = flags(Kind.FOREIGN_NAME)
    assert flag.line == 370
    assert "องค์การบริหารส่วนตำบลบ้านนา" in flag.message


def test_totals_that_are_not_the_sum_of_their_years_are_flagged(tai_mueang):
    assert [f.line for f in flags(Kind.TOTAL_MISMATCH)] == [325, 331]


def test_title_differences_and_page_break_continuations_are_noted_for_information(tai_mueang):
    titles = flags(Kind.TITLE_MISMATCH)
    assert [f.line for f in titles] == [48, 194, 240]
    continuations = flags(Kind.CONTINUATION)
    assert [f.line for f in continuations] == [67, 176]
    assert {f.severity for f in titles + continuations} == {ImportFlag.Severity.INFO}


def test_chapters_without_text_are_flagged_as_missing(tai_mueang):
    missing = flags(Kind.MISSING)
    assert [f.line for f in missing] == [18, 29, 33, 37]
    assert "บทที่ ๓" in missing[0].message and "๑๐ หัวข้อ" in missing[0].message


def test_the_report_lists_counts_and_every_flag(tai_mueang):
    report = tai_mueang.report()
    assert "รายการในสารบัญ: ๒๘" in report
    assert "เป้าประสงค์: ๑๘" in report
    assert "ตัวชี้วัด: ๑๕" in report
    assert "ไม่มีบรรทัดที่จัดไม่ได้" in report
    assert report.count("\n  [") == ImportFlag.objects.count()
