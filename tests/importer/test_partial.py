"""A plan without a table of contents or chapter headings is imported as far as it can be read."""

from pathlib import Path

import pytest

from importer.messages import NO_ORGANIZATION, ImportRejected
from importer.parser import parse
from importer.services import plan_import
from plans.models import Block, Edition, ImportFlag, Section
from projects.models import ProjectBudget
from strategies.models import Framework, Goal, Strategy

WEB_PAGE = Path(__file__).parent / "data" / "web_page.txt"


def test_a_plan_copied_from_a_web_page_yields_what_it_names():
    plan = parse(WEB_PAGE.read_bytes(), name=WEB_PAGE.name)
    assert plan.partial
    assert plan.organization_name == "เทศบาลตำบลหนองทดลอง" and (plan.start_year, plan.end_year) == (
        2566,
        2570,
    )
    (framework,) = plan.frameworks.values()
    assert framework.kind == Framework.Kind.IT_PLAN
    assert framework.vision == "บริการดี มีเทคโนโลยี ประชาชนเข้าถึงทุกที่"
    assert [p.text for p in framework.points] == ["พัฒนาระบบเครือข่ายให้พร้อมใช้", "พัฒนาบุคลากรด้านดิจิทัล"]
    assert [(s.number, len(s.goals), len(s.tactics), len(s.indicators)) for s in framework.strategies] == [
        (1, 1, 2, 1),
        (2, 1, 1, 0),
    ]
    assert [(b.year, int(b.amount)) for b in plan.projects[0].budgets] == [(2566, 100000), (2567, 50000)]
    assert [s.title for s in plan.sections] == [
        "ส่วนต้นของเอกสาร (ก่อนหัวข้อแรก)",
        "วิสัยทัศน์",
        "พันธกิจ",
        "ยุทธศาสตร์การพัฒนา",
        "บัญชีโครงการ",
    ]
    (partial,) = [f for f in plan.flags if "นำเข้าบางส่วน" in f.message]
    assert partial.severity == ImportFlag.Severity.WARNING
    assert plan.lost == []


def test_a_partial_import_becomes_a_draft_with_its_text_kept(db):
    result = plan_import(data=WEB_PAGE.read_bytes(), name=WEB_PAGE.name)
    edition = result.edition
    assert edition.status == Edition.Status.DRAFT
    assert Strategy.objects.filter(framework__edition=edition).count() == 2
    assert Goal.objects.filter(strategy__framework__edition=edition).count() == 2
    assert ProjectBudget.objects.filter(project__edition=edition).count() == 2
    lead = Section.objects.get(edition=edition, title="ส่วนต้นของเอกสาร (ก่อนหัวข้อแรก)")
    texts = list(Block.objects.filter(section=lead).values_list("text", flat=True))
    assert any("ได้จัดทำแผนแม่บทเทคโนโลยีสารสนเทศ" in t for t in texts)
    # The contact line after the budgets is kept, with its text, as an unplaced line.
    assert ImportFlag.objects.filter(
        edition=edition, kind=ImportFlag.Kind.UNPLACED, source_text__contains="ติดต่อสอบถาม"
    ).exists()


def test_the_period_and_organization_can_come_from_the_person_importing():
    text = "วิสัยทัศน์\n“บริการดี”\nยุทธศาสตร์การพัฒนา\nยุทธศาสตร์ที่ ๑ พัฒนาบริการ\nกลยุทธ์ : อบรม\n"
    with pytest.raises(ImportRejected):
        parse(text.encode(), name="x.txt")  # neither a period nor an organization in the file
    with pytest.raises(ImportRejected, match=NO_ORGANIZATION.split("{name}")[0]):
        parse(text.encode(), name="x.txt", period=(2567, 2569))
    plan = parse(text.encode(), name="x.txt", period=(2567, 2569), organization="องค์การบริหารส่วนตำบลกรอก")
    assert plan.organization_name == "องค์การบริหารส่วนตำบลกรอก" and plan.end_year == 2569
    assert [s.number for s in plan.frameworks[Framework.Kind.IT_PLAN].strategies] == [1]
