"""An editor uploads a plan file in the admin, it is read in the background, reviewed, and written only on confirmation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bench import import_variants as variants
from importer import access
from importer.models import PlanImport
from plans.models import Edition, Organization
from printing import queue
from strategies.models import Strategy
from tests.factories import ORG_NAME as TAI_MUEANG
from tests.factories import tai_mueang as organization_at_taimueang

from .conftest import SAMPLE, SOURCE

ADD = reverse("admin:importer_planimport_add")


@pytest.fixture
def tai_mueang(db):
    return organization_at_taimueang()


@pytest.fixture(autouse=True)
def _enqueue_on_commit(monkeypatch):
    """Tests run inside a transaction that never commits: run the upload's on-commit enqueue at once."""
    monkeypatch.setattr("importer.uploads.transaction.on_commit", lambda callback: callback())


def _upload(client, organization, name="plan.docx", data=None, **extra):
    data = data if data is not None else variants.as_docx(SOURCE.read_text(encoding="utf-8"))
    return client.post(
        ADD,
        {"file": SimpleUploadedFile(name, data), "organization": organization.pk, **extra},
    )


def _page(upload):
    return reverse("admin:importer_planimport_change", args=[upload.pk])


def _confirm(upload):
    return reverse("admin:importer_planimport_confirm", args=[upload.pk])


def test_an_upload_is_read_in_the_background_and_nothing_is_written_before_confirmation(
    client, editor, tai_mueang
):
    client.force_login(editor)
    response = _upload(client, tai_mueang)
    upload = PlanImport.objects.get()
    assert response.status_code == 302 and response["Location"] == _page(upload)
    assert upload.status == PlanImport.Status.WAITING
    waiting = client.get(_page(upload))
    assert 'http-equiv="refresh"' in waiting.content.decode()  # the page follows the progress

    assert queue.run_due_tasks() == 1
    upload.refresh_from_db()
    assert upload.status == PlanImport.Status.READY
    assert not Edition.objects.exists() and not Strategy.objects.exists()  # nothing written yet

    page = client.get(_page(upload)).content.decode()
    assert "ยุทธศาสตร์" in page and "๑๔" in page  # counts per kind, in Thai digits
    assert "สารบัญมี “บทที่ ๓ การวิเคราะห์สภาพแวดล้อมขององค์กร”" in page  # the flags
    assert "ยืนยันนำเข้าลงแผน" in page
    assert upload.preview["counts"]["strategies"] == 14 and upload.preview["counts"]["targets"] == 75

    response = client.post(_confirm(upload))
    assert response.status_code == 302
    upload.refresh_from_db()
    assert upload.status == PlanImport.Status.CONFIRMED and upload.confirmed_by == editor
    edition = upload.edition
    assert edition.organization == tai_mueang and edition.status == Edition.Status.DRAFT
    assert Strategy.objects.filter(framework__edition=edition).count() == 14
    # A second click writes nothing more.
    client.post(_confirm(upload))
    assert Edition.objects.count() == 1


def test_the_preview_shows_budgets_per_year_and_unplaced_lines_with_their_position(
    client, editor, tai_mueang
):
    client.force_login(editor)
    text = SAMPLE.read_text(encoding="utf-8").replace("ข้อมูลตัวอย่าง (Sample data)", "แผนทดสอบ", 1)
    text = text.replace("งบประมาณ ๒๕๖๕: ๘๐,๐๐๐ บาท (งบประมาณ อบต.)", "งบประมาณ: ๘๐,๐๐๐ บาท")
    _upload(client, tai_mueang, name="plan.txt", data=text.encode())
    queue.run_due_tasks()
    upload = PlanImport.objects.get()
    assert upload.preview["budget_years"]["2563"] == "500000"
    (unplaced,) = [u for u in upload.preview["unplaced"] if "บาท" in u["text"]]
    assert unplaced["line"] == 197 and "๘๐,๐๐๐" in unplaced["text"]
    page = client.get(_page(upload)).content.decode()
    assert "๕๐๐,๐๐๐" in page and "๑๙๗" in page and "ไม่ระบุปีงบประมาณ" in page


def test_a_published_edition_is_never_replaced_from_the_upload(client, editor, tai_mueang):
    published = Edition.objects.create(
        organization=tai_mueang,
        title="แผนเดิม",
        start_year=2563,
        end_year=2565,
        status=Edition.Status.PUBLISHED,
    )
    client.force_login(editor)
    _upload(client, tai_mueang)
    queue.run_due_tasks()
    upload = PlanImport.objects.get()
    page = client.get(_page(upload)).content.decode()
    assert "เผยแพร่แล้ว" in page and "ยืนยันนำเข้าลงแผน" not in page
    client.post(_confirm(upload))
    upload.refresh_from_db()
    assert upload.status == PlanImport.Status.READY
    assert not Strategy.objects.filter(framework__edition=published).exists()


def test_the_preview_names_the_edition_the_writer_would_replace_not_a_later_revision(
    client, editor, tai_mueang
):
    Edition.objects.create(
        organization=tai_mueang,
        title="แผนเดิม",
        start_year=2563,
        end_year=2565,
        status=Edition.Status.PUBLISHED,
    )
    Edition.objects.create(
        organization=tai_mueang,
        title="แผนเดิม ฉบับแก้ไข",
        start_year=2563,
        end_year=2565,
        revision_number=1,
        revision_kind=Edition.RevisionKind.AMENDMENT,
    )
    client.force_login(editor)
    _upload(client, tai_mueang)
    queue.run_due_tasks()
    upload = PlanImport.objects.get()
    assert upload.preview["target"]["action"] == "refused"  # the first edition of the period is published


def test_a_file_that_cannot_be_read_says_why_on_its_page(client, editor, tai_mueang):
    client.force_login(editor)
    _upload(client, tai_mueang, name="plan.docx", data=b"PK\x03\x04broken")
    queue.run_due_tasks()
    upload = PlanImport.objects.get()
    assert upload.status == PlanImport.Status.REFUSED
    assert "ไม่ใช่ไฟล์ Word (.docx) ที่เปิดได้" in client.get(_page(upload)).content.decode()


def test_the_upload_form_refuses_other_file_types_and_keeps_the_choice(client, editor, tai_mueang):
    client.force_login(editor)
    response = _upload(client, tai_mueang, name="plan.pdf", data=b"%PDF-1.7", start_year="๒๕๖๖")
    assert response.status_code == 200
    assert "รับเฉพาะไฟล์ Word (.docx) หรือไฟล์ข้อความ (.txt)" in response.content.decode()
    assert response.context["form"]["start_year"].value() == "๒๕๖๖"
    assert not PlanImport.objects.exists()


def test_the_period_typed_by_the_editor_is_used_when_the_file_has_none(client, editor, tai_mueang):
    client.force_login(editor)
    text = "วิสัยทัศน์\n“บริการดี”\nยุทธศาสตร์การพัฒนา\nยุทธศาสตร์ที่ ๑ พัฒนาบริการ\nกลยุทธ์ : อบรม\n"
    _upload(client, tai_mueang, name="web.txt", data=text.encode(), start_year="๒๕๖๗", end_year="2569")
    queue.run_due_tasks()
    upload = PlanImport.objects.get()
    assert upload.status == PlanImport.Status.READY
    assert (upload.preview["start_year"], upload.preview["end_year"]) == (2567, 2569)
    assert upload.preview["organization"] == TAI_MUEANG and upload.preview["partial"]


def test_someone_without_the_editor_role_cannot_upload_see_or_confirm(
    client, committee_member, editor, tai_mueang
):
    client.force_login(editor)
    _upload(client, tai_mueang)
    queue.run_due_tasks()
    upload = PlanImport.objects.get()
    client.force_login(committee_member)
    assert client.get(ADD).status_code == 403
    assert client.get(_page(upload)).status_code == 403
    assert client.post(_confirm(upload)).status_code == 403
    upload.refresh_from_db()
    assert upload.status == PlanImport.Status.READY and not Edition.objects.exists()


def test_an_editor_imports_only_into_an_organization_they_may_import_into(
    client, editor, superuser, tai_mueang
):
    other = Organization.objects.create(name="องค์การบริหารส่วนตำบลอื่น")
    client.force_login(superuser)
    _upload(client, other)
    queue.run_due_tasks()
    theirs = PlanImport.objects.get()
    # The editor belongs to Tai Mueang only: the other organization is not theirs to import into.
    client.force_login(editor)
    assert list(access.import_organizations(editor)) == [tai_mueang]
    response = _upload(client, other)
    assert response.status_code == 200 and "organization" in response.context["form"].errors
    assert client.get(_page(theirs)).status_code == 404
    assert client.post(_confirm(theirs)).status_code == 404
    assert not Edition.objects.exists()
    assert theirs not in client.get(reverse("admin:importer_planimport_changelist")).context["cl"].result_list
