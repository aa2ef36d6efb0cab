"""The labelled sample for chapters ๓-๖: added as sample, never mixed with the real content."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from importer.services import plan_import
from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, ImportFlag, Section, SwotItem
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, Strategy, Tactic

from .conftest import SAMPLE

pytestmark = pytest.mark.django_db

MODELS = (
    Edition, Section, Block, SwotItem, Framework, FrameworkPoint, Strategy, Goal, Tactic, Indicator,
    Project, ProjectBudget, Unit, Committee, CommitteeMember, EvaluationMethod, ScheduleRound, ImportFlag,
)  # fmt: skip


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def with_sample(imported_source):
    real = counts()
    result = plan_import(data=SAMPLE.read_bytes(), name=SAMPLE.name, sample=True)
    return real, result


def test_the_sample_file_says_it_is_sample_in_its_first_line():
    first = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("ข้อมูลตัวอย่าง")
    assert "ไม่ใช่เนื้อหาจากเอกสาร" in first


def test_every_row_the_sample_creates_is_marked_as_sample(with_sample):
    real, result = with_sample
    assert result.edition.pk == Edition.objects.get().pk
    assert Block.objects.filter(is_sample=False).count() == real["Block"]
    assert Block.objects.filter(is_sample=True).count() == Block.objects.count() - real["Block"] > 0
    for model in (SwotItem, Project, Unit, Committee, EvaluationMethod, ScheduleRound):
        assert model.objects.exists()
        assert not model.objects.filter(is_sample=False).exists(), model
    it_plan = Framework.objects.get(kind=Framework.Kind.IT_PLAN)
    assert it_plan.is_sample
    assert not Framework.objects.exclude(kind=Framework.Kind.IT_PLAN).filter(is_sample=True).exists()


def test_the_table_of_contents_stays_real_and_receives_the_sample_text(with_sample):
    real, _ = with_sample
    assert Section.objects.count() == real["Section"]
    physical = Section.objects.get(number="๓.๑")
    (paragraph,) = physical.blocks.all()
    assert paragraph.is_sample and paragraph.text.startswith("ข้อมูลตัวอย่าง")
    assert Section.objects.get(number="๓.๑๐").blocks.filter(embed=Block.Embed.SWOT).exists()
    # The sample's IT plan is printed where the real table of contents puts it: chapter ๔.
    it_plan = Framework.objects.get(kind=Framework.Kind.IT_PLAN)
    chapter4 = Section.objects.get(number="บทที่ ๔")
    embeds = Block.objects.filter(embed__gt="", framework_slug=it_plan.slug).select_related("section")
    assert embeds and all(block.section.parent_id == chapter4.pk for block in embeds)


def test_the_sample_fills_chapters_three_to_six_in_the_documents_conventions(with_sample):
    assert {k: SwotItem.objects.filter(kind=k).count() for k in SwotItem.Kind} == {
        SwotItem.Kind.STRENGTH: 5, SwotItem.Kind.WEAKNESS: 4, SwotItem.Kind.OPPORTUNITY: 4, SwotItem.Kind.THREAT: 4,
    }  # fmt: skip
    it_plan = Framework.objects.get(kind=Framework.Kind.IT_PLAN)
    assert it_plan.vision.startswith("ข้อมูลตัวอย่าง")
    assert it_plan.points.filter(kind=FrameworkPoint.Kind.MISSION).count() == 5
    strategies = list(it_plan.strategies.order_by("order"))
    assert [s.number for s in strategies] == [1, 2, 3, 4]
    assert all(s.goals.exists() and s.tactics.exists() and s.indicators.exists() for s in strategies)
    assert sorted({t.year for s in strategies for i in s.indicators.all() for t in i.targets.all()}) == [
        2563,
        2564,
        2565,
    ]
    # "สอดคล้องกับ: แผนยุทธศาสตร์ กสถ. ยุทธศาสตร์ที่ ๓" links to the first of the two listed ๓s.
    dla_three = strategies[2].aligns_with.get(framework__kind=Framework.Kind.DLA)
    assert (
        dla_three
        == Framework.objects.get(kind=Framework.Kind.DLA)
        .strategies.filter(number=3)
        .order_by("order")
        .first()
    )
    assert strategies[0].aligns_with.get(framework__kind=Framework.Kind.LOCAL_DEV).number == 7


def test_projects_have_budgets_per_year_units_and_their_strategy(with_sample):
    projects = list(Project.objects.order_by("number"))
    assert len(projects) == 8
    assert {p.unit.name for p in projects} == {"สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม"}
    first = projects[0]
    assert (first.strategy.number, first.tactic.number) == (1, "(๑)")
    assert [(b.fiscal_year, int(b.amount), b.source) for b in first.budgets.order_by("fiscal_year")] == [
        (2563, 150000, "งบประมาณ อบต."), (2564, 50000, "งบประมาณ อบต."), (2565, 50000, "งบประมาณ อบต."),
    ]  # fmt: skip
    assert first.objectives.splitlines() == [
        "๑. เพื่อให้ทุกส่วนราชการใช้เครือข่ายที่เสถียรและปลอดภัย",
        "๒. เพื่อรองรับระบบบริการออนไลน์ของ อบต.",
    ]
    assert Section.objects.get(number="๕.๑").blocks.filter(embed=Block.Embed.PROJECT_SUMMARY).exists()


def test_the_summary_table_agrees_with_the_project_details(with_sample):
    _, result = with_sample
    assert result.plan.recognised["summary_row"] == 5
    assert not ImportFlag.objects.filter(
        kind=ImportFlag.Kind.TOTAL_MISMATCH, message__startswith="ข้อมูลตัวอย่าง"
    ).exists()


def test_committee_methods_and_schedule(with_sample):
    committee = Committee.objects.get()
    roles = [m.role for m in committee.members.order_by("order")]
    assert len(roles) == 7
    assert roles[0] == CommitteeMember.Role.CHAIR and roles[-1] == CommitteeMember.Role.SECRETARY
    assert roles.count(CommitteeMember.Role.MEMBER) == 5
    assert "(ตัวอย่าง)" in committee.appointed_by
    assert [m.title for m in EvaluationMethod.objects.order_by("order")] == [
        "การติดตามรายโครงการ", "การประเมินผลตามตัวชี้วัด", "การสำรวจความพึงพอใจ",
    ]  # fmt: skip
    rounds = [
        (r.name, r.period_text, r.covers_months, r.report_month)
        for r in ScheduleRound.objects.order_by("order")
    ]
    assert rounds == [("รอบ ๖ เดือน", "ตุลาคม - มีนาคม", 6, 4), ("รอบ ๑๒ เดือน", "ตุลาคม - กันยายน", 12, 10)]


def test_importing_the_sample_again_replaces_it_without_duplicates(with_sample):
    after_first = counts()
    plan_import(data=SAMPLE.read_bytes(), name=SAMPLE.name, sample=True)
    assert counts() == after_first


def test_remove_sample_removes_exactly_the_sample(with_sample):
    real, _ = with_sample
    out = StringIO()
    call_command("remove_sample", stdout=out)
    assert counts() == real
    assert "โครงการ: ลบ ๘ รายการ" in out.getvalue()


def test_a_sample_file_is_refused_as_real_content(imported_source):
    with pytest.raises(CommandError, match="--sample"):
        call_command("import_plan", str(SAMPLE))


def test_sample_needs_a_real_edition_of_the_same_period(db):
    with pytest.raises(CommandError, match="ให้นำเข้าแผนจริงก่อน"):
        call_command("import_plan", str(SAMPLE), "--sample")


def test_load_demo_loads_publishes_and_a_second_run_changes_nothing(db):
    call_command("load_demo", stdout=StringIO())
    # The plan as imported, replaced by the demo's sample revision (ฉบับแก้ไข ครั้งที่ ๑).
    edition = Edition.objects.get(revision_number=0)
    assert edition.status == Edition.Status.ARCHIVED
    assert Edition.objects.get(revision_number=1).status == Edition.Status.PUBLISHED
    assert Project.objects.filter(edition=edition, is_sample=True).count() == 8
    first = counts()
    updated = edition.updated_at
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == first
    edition.refresh_from_db()
    assert edition.updated_at == updated
    assert "ข้าม" in out.getvalue()
