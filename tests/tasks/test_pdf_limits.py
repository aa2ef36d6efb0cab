"""A render that is too big fails in the task, with a message in the admin; never a worker timeout."""

import time

import pytest
from django.urls import reverse
from django_tasks import TaskResultStatus

from portal.pdf import documents as plan_documents
from printing import limits, queue
from printing.models import RenderedDocument
from tests.factories import build_plan
from tests.pdf.conftest import PERIOD

pytestmark = pytest.mark.django_db
URL = reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD})


def test_a_render_past_its_time_limit_is_stopped():
    started = time.monotonic()
    with pytest.raises(limits.LimitExceeded, match="ใช้เวลาเกินขีดจำกัด 0.5 วินาที"):
        limits.run_limited(lambda: time.sleep(30) or b"", seconds=0.5, memory_bytes=2**30)
    assert time.monotonic() - started < 10


def test_a_render_past_its_memory_limit_is_stopped():
    def hungry():
        blocks = []
        for _ in range(400):
            blocks.append(bytearray(2**20))  # 1 MiB at a time, touched
            time.sleep(0.005)
        return b"never"

    with pytest.raises(limits.LimitExceeded, match="หน่วยความจำเกินขีดจำกัด 64 MiB"):
        limits.run_limited(hungry, seconds=60, memory_bytes=64 * 2**20)


def test_a_render_within_its_limits_returns_its_bytes_and_costs():
    result = limits.run_limited(lambda: b"%PDF-1.7 test", seconds=30, memory_bytes=2**30)
    assert result.value == b"%PDF-1.7 test"
    assert result.peak_memory > 0 and result.seconds >= 0


def test_a_render_reports_the_processor_time_it_used():
    def busy():
        total = 0
        for n in range(3_000_000):
            total += n
        return b"%PDF-1.7 " + str(total).encode()

    result = limits.run_limited(busy, seconds=60, memory_bytes=2**30)

    assert result.cpu_seconds > 0.01
    assert result.cpu_seconds <= result.seconds + 0.05


def test_a_plan_too_large_for_the_limits_fails_with_a_message_for_the_admin(
    settings, django_capture_on_commit_callbacks, client, admin_client
):
    settings.PDF_RENDER_DELAY = 0
    settings.PDF_RENDER_MEMORY_MB = 40  # far below what WeasyPrint needs for any plan
    with django_capture_on_commit_callbacks(execute=True):
        edition = build_plan(small=True)
    queue.run_due_tasks()
    row = RenderedDocument.objects.get(key=plan_documents.plan_key(edition))
    assert "ใช้หน่วยความจำเกินขีดจำกัด 40 MiB" in row.error
    assert not row.file_name
    # The task itself is recorded as failed, with the same reason.
    if not queue.uses_redis():
        from django_tasks_db.models import DBTaskResult

        plan_task = next(t for t in DBTaskResult.objects.all() if t.task_result.args[0] == row.key)
        assert plan_task.status == TaskResultStatus.FAILED
        assert "ใช้หน่วยความจำเกินขีดจำกัด" in plan_task.task_result.errors[-1].traceback
    # Staff see why in the admin; residents get a page that says so instead of waiting forever.
    listing = admin_client.get(reverse("admin:printing_rendereddocument_changelist"))
    assert "ใช้หน่วยความจำเกินขีดจำกัด 40 MiB" in listing.content.decode()
    client.run_worker = False
    response = client.get(URL)
    assert response.status_code == 503
    html = response.content.decode()
    assert "ยังสร้างเอกสาร PDF ไม่ได้" in html
    assert 'http-equiv="refresh"' not in html
    assert "เกินขีดจำกัด" not in html  # the technical reason is for staff
    # Asking again does not start the same doomed render again.
    assert queue.run_due_tasks() == 0
