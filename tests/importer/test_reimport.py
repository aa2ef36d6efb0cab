"""Running the import again updates the same edition; a published one needs an explicit choice."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from importer.services import plan_import
from monitoring.models import IndicatorResult
from plans.models import Block, Edition, ImportFlag, Section
from strategies.models import Framework, Indicator, Strategy

from .conftest import SAMPLE, SOURCE

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Edition, Section, Block, Framework, Strategy, Indicator, ImportFlag)
    }


def run(*args) -> str:
    out = StringIO()
    call_command("import_plan", str(SOURCE), *args, stdout=out)
    return out.getvalue()


def test_importing_the_same_file_again_updates_the_edition_instead_of_duplicating(imported_source):
    before = counts()
    again = plan_import(data=SOURCE.read_bytes(), name=SOURCE.name)
    assert again.edition.pk == imported_source.edition.pk
    assert not again.written.created
    assert again.written.removed > 0
    assert counts() == before
    assert "ปรับปรุงฉบับเดิม" in again.report()


def test_a_reimport_keeps_the_edition_row_its_status_and_its_title(imported_source):
    edition = imported_source.edition
    edition.title = "แผนแม่บทฯ (ชื่อที่บรรณาธิการแก้)"
    edition.save()
    run()
    edition.refresh_from_db()
    assert edition.title == "แผนแม่บทฯ (ชื่อที่บรรณาธิการแก้)"
    assert edition.status == Edition.Status.DRAFT


def test_the_command_shows_progress_and_ends_with_the_report(db):
    output = run()
    for step in ("อ่านบรรทัด", "จัดกรอบยุทธศาสตร์", "บันทึก"):
        assert step in output
    assert "สิ่งที่อ่านได้จากไฟล์:" in output
    assert "ข้อสังเกตจากต้นฉบับ (๑๘)" in output
    assert "บรรทัด ๓๗๐" in output


def test_publish_option_publishes_after_importing(db):
    run()
    call_command("import_plan", str(SAMPLE), "--sample", "--publish", stdout=StringIO())
    assert Edition.objects.get().status == Edition.Status.PUBLISHED


def test_publish_option_refuses_a_plan_without_strategies_or_projects_and_imports_nothing(db):
    """The source alone stops at ๒.๓.๖: published, its front page would say "๐ ยุทธศาสตร์ ๐ โครงการ"."""
    with pytest.raises(CommandError, match="ยังเผยแพร่ไม่ได้") as refused:
        run("--publish")
    assert "ไม่มียุทธศาสตร์ของแผน" in str(refused.value) and "--publish" in str(refused.value)
    assert not Edition.objects.exists()


def edition_publish(*, edition):
    """Publish outright, as a test shortcut: these tests are about re-importing, not the checks."""
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.PUBLISHED)


def test_a_published_edition_is_not_replaced_without_saying_so(imported_source):
    edition_publish(edition=imported_source.edition)
    chapter = Section.objects.get(number="บทที่ ๑")
    chapter.title = "แก้ไขโดยบรรณาธิการ"
    chapter.save()
    with pytest.raises(CommandError, match="--replace-published"):
        run()
    chapter.refresh_from_db()
    assert chapter.title == "แก้ไขโดยบรรณาธิการ"


def test_replace_published_replaces_the_content_and_keeps_it_published(imported_source):
    edition_publish(edition=imported_source.edition)
    Section.objects.filter(number="บทที่ ๑").update(title="แก้ไขโดยบรรณาธิการ")
    run("--replace-published")
    assert Section.objects.get(number="บทที่ ๑").title.startswith("วัตถุประสงค์การจัดทำ")
    assert Edition.objects.get().status == Edition.Status.PUBLISHED


def test_it_refuses_to_replace_content_that_monitoring_results_depend_on(imported_source):
    indicator = Indicator.objects.get(number="๑๒)")
    IndicatorResult.objects.create(indicator=indicator, fiscal_year=2563, actual_text="๑ แห่ง")
    before = counts()
    with pytest.raises(CommandError, match="ผลตามตัวชี้วัด"):
        run()
    assert counts() == before
    assert IndicatorResult.objects.filter(indicator=indicator).exists()
