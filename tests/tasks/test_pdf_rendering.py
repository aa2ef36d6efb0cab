"""PDFs are rendered in the background before anyone asks, once per content version."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from editions.services import edition_publish_as_told
from plans.models import Block, Edition
from portal.pdf import documents as plan_documents
from printing import assemble, documents, queue, store
from printing.models import RenderedDocument
from projects.models import Project
from tests.factories import build_plan
from tests.pdf.conftest import PERIOD, Pdf, squash

pytestmark = pytest.mark.django_db
URL = reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD})


@pytest.fixture
def no_delay(settings):
    settings.PDF_RENDER_DELAY = 0


@pytest.fixture
def plan(django_capture_on_commit_callbacks):
    """build_plan(...), committed: its after-commit work has run, as after a real import."""

    def build(**kwargs):
        kwargs.setdefault("small", True)
        with django_capture_on_commit_callbacks(execute=True):
            edition = build_plan(**kwargs)
        return Edition.objects.get(pk=edition.pk)

    return build


def edit(edition, text, capture):
    """One save by an editor, committed (its on-commit work runs)."""
    block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).first()
    with capture(execute=True):
        block.text = f"<p>{text}</p>"
        block.save()


def row_for(edition) -> RenderedDocument:
    return RenderedDocument.objects.get(key=plan_documents.plan_key(Edition.objects.get(pk=edition.pk)))


def test_publishing_an_edition_renders_its_pdf_before_anyone_asks(plan, no_delay, django_capture_on_commit_callbacks):
    edition = plan(status=Edition.Status.DRAFT, small=False)  # one the publishing checks accept
    with django_capture_on_commit_callbacks(execute=True):
        edition_publish_as_told(edition=edition)
    assert queue.run_due_tasks() >= 1
    edition.refresh_from_db()
    row = row_for(edition)
    assert row.state(documents.token(edition.content_version)) == RenderedDocument.State.READY
    assert row.size > 1000 and len(row.sha256) == 64


def test_saving_a_draft_schedules_nothing(plan, no_delay, django_capture_on_commit_callbacks):
    edition = plan(status=Edition.Status.DRAFT)
    edit(edition, "ร่างที่ยังไม่เผยแพร่", django_capture_on_commit_callbacks)
    assert queue.run_due_tasks() == 0
    assert not RenderedDocument.objects.exclude(file_name="").exists()  # nothing rendered for a draft


def test_a_save_to_a_published_plan_is_waited_for_briefly_then_rendered(plan, settings, django_capture_on_commit_callbacks):
    settings.PDF_RENDER_DELAY = 3600
    edition = plan()
    edit(edition, "แก้ไขครั้งเดียว", django_capture_on_commit_callbacks)
    # The task waits for the burst of saves to end: nothing is due yet.
    assert queue.run_due_tasks() == 0
    row = row_for(edition)
    assert row.scheduled_at is not None and not row.file_name


@pytest.fixture
def outcomes(monkeypatch):
    """What each render task did ("rendered", "superseded", ...)."""
    seen = []
    real = documents.render_now

    def recording(key, version):
        outcome = real(key, version)
        if key.startswith(plan_documents.PLAN + ":"):  # the plan's PDF (the summary's tasks run too)
            seen.append(outcome["outcome"])
        return outcome

    monkeypatch.setattr(documents, "render_now", recording)
    return seen


def test_a_burst_of_saves_ends_in_one_render_of_the_last(
    plan, no_delay, django_capture_on_commit_callbacks, client, outcomes
):
    edition = plan()
    queue.run_due_tasks()
    outcomes.clear()
    for number in range(4):
        edit(edition, f"แก้ไขครั้งที่ {number}", django_capture_on_commit_callbacks)
    queue.run_due_tasks()
    # One task per save, of which only the last renders.
    assert sorted(outcomes) == ["rendered", "superseded", "superseded", "superseded"]
    row = row_for(edition)
    edition.refresh_from_db()
    assert row.ready_version == edition.content_version
    assert row.render_seconds is not None
    response = client.get(URL)
    assert response.status_code == 200
    assert not getattr(client, "renders", None)
    pdf = Pdf(response.content)
    try:
        assert squash("แก้ไขครั้งที่ 3") in squash(pdf.text())
    finally:
        pdf.remove()


def test_one_render_per_version_however_many_ask(plan):
    edition = plan()
    key, version = plan_documents.plan_key(edition), edition.content_version
    # Publishing scheduled the render; asking again, from any number of requests, enqueues nothing more.
    assert RenderedDocument.objects.get(key=key).scheduled_token == documents.token(version)
    assert not documents.schedule(key, version, delay=0)
    assert not documents.schedule(key, version, delay=0)
    assert documents.claim(key, version)  # a worker holds the lock ...
    assert not documents.claim(key, version)  # ... so a second worker cannot take it
    assert documents.render_now(key, version)["outcome"] == "already rendered or rendering"
    assert not RenderedDocument.objects.get(key=key).file_name


def test_a_lock_left_by_a_worker_that_died_expires(plan, settings):
    edition = plan()
    key, version = plan_documents.plan_key(edition), edition.content_version
    assert documents.claim(key, version)
    RenderedDocument.objects.filter(key=key).update(
        claimed_at=timezone.now() - timedelta(seconds=settings.PDF_RENDER_SECONDS + 120)
    )
    assert documents.render_now(key, version)["outcome"] == "rendered"
    assert documents.render_now(key, version)["outcome"] == "already rendered or rendering"


def test_the_first_request_gets_a_thai_page_that_refreshes_itself(plan, client):
    plan()
    client.run_worker = False
    response = client.get(URL)
    assert response.status_code == 202
    html = response.content.decode()
    assert "กำลังจัดเตรียมเอกสาร PDF" in html
    assert '<meta http-equiv="refresh" content="5">' in html
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    # The request rendered nothing; it scheduled one render, and a second request adds none.
    row = RenderedDocument.objects.get(key__startswith=plan_documents.PLAN + ":")
    assert not row.file_name
    client.get(URL)
    assert not documents.schedule(row.key, row.wanted_version, delay=0)


def test_while_a_new_version_is_prepared_the_previous_file_is_offered_with_its_date(plan, 
    client, django_capture_on_commit_callbacks
):
    edition = plan()
    first = client.get(URL)
    assert first.status_code == 200
    edit(edition, "ฉบับแก้ไขใหม่", django_capture_on_commit_callbacks)
    client.run_worker = False
    waiting = client.get(URL)
    assert waiting.status_code == 202
    html = waiting.content.decode()
    assert "ดาวน์โหลดฉบับก่อนการแก้ไขล่าสุด (สร้างเมื่อ" in html
    assert f'href="{URL}?previous=1"' in html
    previous = client.get(URL + "?previous=1")
    assert previous.status_code == 200
    assert previous.content == first.content
    assert "ฉบับก่อนแก้ไข" in unquote(previous["Content-Disposition"])


def test_publishing_a_round_renders_the_years_public_report(plan, no_delay, django_capture_on_commit_callbacks, client):
    import datetime as dt

    from monitoring import printed_report
    from projects.models import Project
    from tests.factories import make_round, record

    edition = plan()
    with django_capture_on_commit_callbacks(execute=True):
        round_ = make_round(edition, name="รอบ ๑๒ เดือน", months=12, report=dt.date(2021, 10, 31))
        for project in Project.objects.filter(edition=edition):
            record(round_, project, percent=60, spent=10_000)
    with django_capture_on_commit_callbacks(execute=True):
        round_.published_at = dt.datetime(2021, 11, 1, tzinfo=dt.UTC)
        round_.save()
    queue.run_due_tasks()
    edition.refresh_from_db()
    key = printed_report.report_key(edition, 2564, published=True)
    row = RenderedDocument.objects.get(key=key)
    assert row.state(documents.token(edition.content_version)) == RenderedDocument.State.READY
    client.run_worker = False
    response = client.get(reverse("monitoring:report_pdf", kwargs={"org": "taimueang", "period": PERIOD, "fiscal_year": 2564}))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def stored_parts(edition) -> set[str]:
    folder = assemble._folder(plan_documents.plan_key(Edition.objects.get(pk=edition.pk)))
    try:
        return set(store.storage().listdir(folder)[1])
    except FileNotFoundError:
        return set()


def test_the_plan_is_rendered_in_parts_and_an_edit_replaces_only_its_own(plan, no_delay, django_capture_on_commit_callbacks):
    edition = plan()
    edit(edition, "ก่อนแก้ไข", django_capture_on_commit_callbacks)
    assert queue.run_due_tasks() >= 1
    before = stored_parts(edition)
    assert len(before) >= 10  # each part (and the headers) as a PDF and its facts
    edit(edition, "หลังแก้ไขหนึ่งย่อหน้า", django_capture_on_commit_callbacks)
    assert queue.run_due_tasks() >= 1
    after = stored_parts(edition)
    # The edited chapter's part is new; the other parts are the files stored before.
    assert len(after - before) == 2 and len(before - after) == 2
    row = row_for(edition)
    edition.refresh_from_db()
    assert row.state(documents.token(edition.content_version)) == RenderedDocument.State.READY
    with store.storage().open(row.file_name, "rb") as handle:
        pdf = Pdf(handle.read())
    try:
        assert "หลังแก้ไขหนึ่งย่อหน้า" in squash(pdf.text())
    finally:
        pdf.remove()


def test_the_parts_of_a_plan_that_is_gone_are_deleted(plan, no_delay, django_capture_on_commit_callbacks):
    edition = plan()
    edit(edition, "แก้ไข", django_capture_on_commit_callbacks)
    assert queue.run_due_tasks() >= 1
    assert stored_parts(edition)
    key = plan_documents.plan_key(Edition.objects.get(pk=edition.pk))
    folder = assemble._folder(key)
    row = RenderedDocument.objects.get(key=key)
    Project.objects.filter(edition=edition).delete()
    Edition.objects.filter(pk=edition.pk).delete()
    RenderedDocument.objects.filter(pk=row.pk).update(wanted_version=row.wanted_version + 1)
    assert documents.render_now(key, row.wanted_version + 1)["outcome"] == "document no longer exists"
    assert store.storage().listdir(folder)[1] == []
