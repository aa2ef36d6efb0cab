"""Plans are typed by people: the importer reads the common ways of writing the same thing.

These read small hand-written plans with the parser alone (no database).
"""

from decimal import Decimal

import pytest

from importer.lines import split_marker
from importer.parser import parse
from plans.models import Block, ImportFlag
from strategies.models import Framework

from .conftest import SMALL_PLAN, small_plan, to_arabic


def dla(plan):
    return plan.frameworks[Framework.Kind.DLA]


@pytest.mark.parametrize(
    ("text", "printed", "value", "rest"),
    [
        ("(๑) ข้อความ", "(๑)", 1, "ข้อความ"),
        ("๑. ข้อความ", "๑.", 1, "ข้อความ"),
        ("๑๒) ข้อความ", "๑๒)", 12, "ข้อความ"),
        ("- ๑๖ ข้อความ", "- ๑๖", 16, "ข้อความ"),
        ("- (๒) ข้อความ", "- (๒)", 2, "ข้อความ"),
        ("3) text", "3)", 3, "text"),
        ("๒.๑ มีการเกษตร", "๒.๑", 1, "มีการเกษตร"),
    ],
)
def test_it_reads_the_numbering_people_type(text, printed, value, rest):
    marker, after = split_marker(text)
    assert (marker.printed, marker.value, after) == (printed, value, rest)


def test_a_bullet_has_no_number_and_a_decimal_is_not_a_list_number():
    marker, _ = split_marker("- ในฐานะผู้ปฏิบัติ")
    assert marker.style == "bullet" and marker.value is None
    assert split_marker("๔.๐ คือยุคดิจิทัล")[0].style == "multi"
    assert split_marker("ระบบราชการ ๔.๐")[0] is None


def test_arabic_digits_read_the_same_as_thai_digits():
    thai = parse(small_plan(), name="thai.txt")
    arabic = parse(to_arabic(SMALL_PLAN).encode(), name="arabic.txt")
    assert (arabic.start_year, arabic.end_year) == (thai.start_year, thai.end_year) == (2564, 2566)
    assert [s.parts for s in arabic.sections] == [s.parts for s in thai.sections]
    assert [(s.number, len(s.goals), len(s.tactics)) for s in dla(arabic).strategies] == [(1, 1, 2)]
    assert [t.number for t in dla(arabic).strategies[0].tactics] == ["(1)", "(2)"]


@pytest.mark.parametrize("label", ["เป้าประสงค์ :", "เป้าประสงค์:", "เป้าประสงค์", "เป้าประสงค์ ："])
def test_goal_labels_with_or_without_a_space_before_the_colon(label):
    plan = parse(small_plan(**{"เป้าประสงค์ :": label}), name="x.txt")
    (strategy,) = dla(plan).strategies
    assert [g.text for g in strategy.goals] == ["ประชาชนได้รับบริการที่ดี"]
    assert len(strategy.tactics) == 2


def test_a_goal_written_on_the_label_line_is_read_as_one_goal():
    plan = parse(
        small_plan(**{"เป้าประสงค์ :\n\n(๑) ประชาชนได้รับบริการที่ดี": "เป้าประสงค์: ประชาชนพึงพอใจ"}), name="x"
    )
    assert [g.text for g in dla(plan).strategies[0].goals] == ["ประชาชนพึงพอใจ"]


@pytest.mark.parametrize(
    "items",
    [
        "(๑) ก\n(๒) ข\n(๓) ค",
        "๑. ก\n๒. ข\n๓. ค",
        "๑) ก\n๒) ข\n๓) ค",
        "๑. ก\n๒. ข\n- ๓ ค",
    ],
)
def test_tactic_lists_in_any_numbering_style(items):
    text = small_plan(**{"(๑) พัฒนาบริการออนไลน์\n(๒) พัฒนาบุคลากร": items})
    plan = parse(text, name="x.txt")
    tactics = dla(plan).strategies[0].tactics
    assert [t.text for t in tactics] == ["ก", "ข", "ค"]
    assert [t.number for t in tactics] == items.replace(" ก", "").replace(" ข", "").replace(" ค", "").split(
        "\n"
    )


def test_a_change_of_numbering_style_inside_a_tactic_list_is_noted():
    text = small_plan(**{"๒.๑.๑ ประเด็นยุทธศาสตร์": "๒.๑.๑ กลยุทธ์\n\n๑. ก\n๒. ข\n- ๓ ค\n\n๒.๑.๒ ประเด็นยุทธศาสตร์"})
    plan = parse(text, name="x.txt")
    assert [t.number for t in dla(plan).tactics] == ["๑.", "๒.", "- ๓"]
    (flag,) = [f for f in plan.flags if f.kind == ImportFlag.Kind.OTHER]
    assert flag.severity == ImportFlag.Severity.INFO and "- ๓" in flag.message


INDICATORS = "\n\nตัวชี้วัด :\n{rows}\n"


def _with_indicators(rows: str) -> bytes:
    return small_plan(**{"(๒) พัฒนาบุคลากร\n": "(๒) พัฒนาบุคลากร\n" + INDICATORS.format(rows=rows)})


def test_an_indicator_table_without_a_header_uses_the_framework_years_and_a_total_column():
    plan = parse(_with_indicators("(๑) จัดอบรม\t๑ ครั้ง\t๑ ครั้ง\t-\t๒ ครั้ง"), name="x.txt")
    (indicator,) = dla(plan).strategies[0].indicators
    assert indicator.targets == {2564: ("๑ ครั้ง", Decimal(1)), 2565: ("๑ ครั้ง", Decimal(1)), 2566: ("-", None)}
    assert (indicator.unit, indicator.total_text, indicator.total_value, indicator.total_rule) == (
        "ครั้ง", "๒ ครั้ง", Decimal(2), "sum",
    )  # fmt: skip


def test_an_indicator_table_with_a_header_takes_years_unit_and_total_from_it():
    rows = "ตัวชี้วัด\tหน่วยนับ\tปี ๒๕๖๖\tปี ๒๕๖๕\tรวม\n(๑) ร้อยละความพึงพอใจ\tร้อยละ\t๘๕\t๘๐\t๘๕"
    plan = parse(_with_indicators(rows), name="x.txt")
    (indicator,) = dla(plan).strategies[0].indicators
    assert indicator.targets == {2566: ("๘๕", Decimal(85)), 2565: ("๘๐", Decimal(80))}
    assert (indicator.unit, indicator.total_value, indicator.total_rule) == ("ร้อยละ", Decimal(85), "last")
    assert plan.recognised["table_header"] == 1
    assert not [f for f in plan.flags if f.kind == ImportFlag.Kind.NUMBERING_GAP]


def test_toc_headings_repeated_in_the_body_are_one_section_each():
    plan = parse(small_plan(), name="x.txt")
    numbered = [s.number for s in plan.sections if s.number]
    assert numbered == ["บทที่ ๑", "บทที่ ๒", "๒.๑", "๒.๑.๑"]
    assert [s.in_toc for s in plan.sections if s.number] == [True, True, True, False]


def test_a_plan_without_a_table_of_contents_takes_its_outline_from_the_headings():
    start, end = SMALL_PLAN.index("สารบัญ"), SMALL_PLAN.index("บทที่ ๑ วัตถุประสงค์", SMALL_PLAN.index("๒.๑ แผน"))
    plan = parse(SMALL_PLAN.replace(SMALL_PLAN[start:end], "").encode(), name="x.txt")
    assert [s.number for s in plan.sections if s.number] == ["บทที่ ๑", "บทที่ ๒", "๒.๑", "๒.๑.๑"]
    assert dla(plan).strategies[0].title == "การพัฒนาบริการ"


def test_toc_pages_may_follow_dot_leaders_instead_of_a_tab():
    plan = parse(
        small_plan(
            **{
                "๒.๑ แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น\t๒-๓": "๒.๑ แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น ........ ๒-๓"
            }
        ),
        name="x",
    )
    toc = next(s for s in plan.sections if s.number == "๒.๑")
    assert (toc.title, toc.toc_pages) == ("แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น", "๒-๓")


def test_a_paragraph_that_stops_mid_sentence_is_joined_to_the_item_before_it():
    text = small_plan(**{"๑. เพื่อกำหนดทิศทาง\n": "๑. เพื่อกำหนดทิศทางและ\n\nวางแผนให้ชัดเจน\n"})
    plan = parse(text, name="x.txt")
    chapter = next(s for s in plan.sections if s.number == "บทที่ ๑")
    items = [b for b in chapter.blocks if b.kind == Block.Kind.LIST_ITEM]
    assert items[0].text == "เพื่อกำหนดทิศทางและวางแผนให้ชัดเจน"
    line = text.decode().split("\n").index("วางแผนให้ชัดเจน") + 1
    assert [f.line for f in plan.flags if f.kind == ImportFlag.Kind.CONTINUATION] == [line]
