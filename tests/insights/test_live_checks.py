"""Live plan checks of issue 19, on plans with known problems and on the Tai Mueang source."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from editions.checks import run_checks
from editions.completeness import public_completeness
from plans.models import Block, Edition, Organization, Section
from projects.models import Project
from strategies.models import Framework, Strategy, Tactic
from tests.insights.test_alignment import gapped  # noqa: F401  (the fixture)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _found(edition, code):
    report = run_checks(edition)
    return [f.message for r in report.results if r.code == code for f in r.findings]


def test_numbering_repeats_and_gaps_of_strategies_and_projects(gapped):  # noqa: F811
    dla = Framework.objects.get(edition=gapped, kind=Framework.Kind.DLA)
    Strategy.objects.create(framework=dla, number=2, title="ซ้ำ", order=3)
    Strategy.objects.create(framework=dla, number=5, title="ข้าม", order=4)
    Project.objects.filter(edition=gapped, number=4).update(number=7)
    assert _found(gapped, "numbering") == [
        "แผนยุทธศาสตร์ กสถ.: ยุทธศาสตร์ที่ ๒ มี ๒ ครั้ง",
        "แผนยุทธศาสตร์ กสถ.: เลขยุทธศาสตร์ข้ามไป ไม่มียุทธศาสตร์ที่ ๓, ๔",
        "เลขโครงการข้ามไป ไม่มีโครงการที่ ๔, ๕, ๖",
    ]


def test_projects_without_indicator_and_tactics_without_project(gapped):  # noqa: F811
    Project.objects.filter(edition=gapped, number__in=[1, 2, 3]).update(kpi="ร้อยละ ๘๐ ของผู้ใช้พึงพอใจ")
    assert _found(gapped, "project_without_indicator") == ["โครงการที่ ๔ โครงการสี่ ยังไม่มีตัวชี้วัด (KPI)"]
    assert _found(gapped, "tactic_without_project") == ["กลยุทธ์ (๑) กลยุทธ์ไอทีบีหนึ่ง ยังไม่มีโครงการ"]


def test_an_alignment_link_into_another_edition_blocks_publishing(gapped):  # noqa: F811
    other = Edition.objects.create(organization=gapped.organization, title="แผนอื่น", start_year=2566, end_year=2568)
    foreign = Strategy.objects.create(
        framework=Framework.objects.create(edition=other, kind=Framework.Kind.DLA, name="กสถ. ของแผนอื่น", slug="dla"),
        number=9,
        title="ของแผนอื่น",
    )
    it = Strategy.objects.get(framework__edition=gapped, framework__kind=Framework.Kind.IT_PLAN, number=2)
    it.aligns_with.add(foreign)
    report = run_checks(gapped)
    assert [r.code for r in report.blocking] == ["alignment_outside_plan"]
    (message,) = _found(gapped, "alignment_outside_plan")
    assert message.startswith("ยุทธศาสตร์ที่ ๒ สอดคล้องกับ ยุทธศาสตร์ที่ ๙ (กสถ. ของแผนอื่น ของแผน พ.ศ. ๒๕๖๖-๒๕๖๘)")


def test_sample_content_and_another_organizations_name(gapped):  # noqa: F811
    section = Section.objects.create(edition=gapped, number="๑.๑", title="ความเป็นมา", order=1)
    Block.objects.create(section=section, text="ตามแผนของเทศบาลตำบลบ้านนา และองค์การบริหารส่วนตำบลทุกแห่ง", is_sample=True)
    Tactic.objects.filter(framework__edition=gapped).update(text="ของ อบต.ท้ายเหมือง")
    assert _found(gapped, "foreign_organization_name") == ["เนื้อหาในหัวข้อ ๑.๑ ความเป็นมา: พบชื่อ “เทศบาลตำบลบ้านนา” ซึ่งไม่ใช่องค์การบริหารส่วนตำบลท้ายเหมือง"]
    assert _found(gapped, "sample_content")[0].startswith("แผนนี้มีข้อมูลตัวอย่าง: เนื้อหา ๑ รายการ")


def test_a_clean_plan_has_none_of_these_findings(gapped):  # noqa: F811
    Project.objects.filter(edition=gapped).update(kpi="มีตัวชี้วัด")
    Project.objects.filter(number=3).update(tactic=Tactic.objects.get(text="กลยุทธ์ไอทีบีหนึ่ง"))
    codes = {r.code for r in run_checks(gapped).results}
    assert codes.isdisjoint(
        {"numbering", "project_without_indicator", "tactic_without_project", "alignment_outside_plan", "sample_content", "foreign_organization_name"}
    )


def test_residents_see_a_short_summary_of_completeness_on_the_plan(gapped):  # noqa: F811
    summary = public_completeness(gapped)
    page = Client(HTTP_HOST="localhost").get(gapped.get_absolute_url()).content.decode()
    assert "ความครบถ้วนของแผน" in page
    for title, _count in summary.found:
        assert title in page
    assert "/admin/" not in page.split('id="completeness"')[1].split("</ul>")[0]


@pytest.mark.django_db
def test_the_source_shows_its_real_quirks():
    call_command("import_plan", str(FIXTURES / "tai_mueang_2563-2565.txt"), verbosity=0)
    edition = Edition.objects.get(start_year=2563, end_year=2565, organization=Organization.objects.get())
    assert _found(edition, "numbering") == ["แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น: ยุทธศาสตร์ที่ ๓ มี ๒ ครั้ง"]
    (name,) = _found(edition, "foreign_organization_name")
    assert "“องค์การบริหารส่วนตำบลบ้านนา”" in name
    assert _found(edition, "sample_content") == []


def test_editors_see_the_new_checks_on_the_publish_confirmation(gapped, editor):  # noqa: F811
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    gapped.status = Edition.Status.DRAFT
    gapped.save()
    url = reverse("editions_admin:publish", args=[gapped.pk])
    page = client.get(url).content.decode()
    assert "กลยุทธ์ด้านไอทีที่ยังไม่มีโครงการ" in page
