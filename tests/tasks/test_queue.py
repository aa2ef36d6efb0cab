"""Background work goes through Django's Tasks API and runs in a worker, on either backend."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus

from printing import queue
from tests.tasks import jobs

pytestmark = pytest.mark.django_db


def test_the_backend_is_the_one_the_environment_chooses():
    expected = queue.RQ_BACKEND if os.environ.get("TASKS_BACKEND") == "redis" else queue.DB_BACKEND
    assert queue.backend_path() == expected


def test_an_enqueued_task_waits_for_a_worker_and_its_result_is_kept():
    result = jobs.add.enqueue(2, 3)
    assert result.status == TaskResultStatus.READY
    assert queue.run_due_tasks() == 1
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5


def test_a_task_enqueued_for_later_is_not_run_before_its_time():
    later = jobs.add.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(1, 1)
    due = jobs.add.using(run_after=timezone.now() - timedelta(seconds=1)).enqueue(2, 2)
    assert queue.run_due_tasks() == 1
    later.refresh()
    due.refresh()
    assert due.status == TaskResultStatus.SUCCESSFUL
    assert later.status == TaskResultStatus.READY


def test_a_failing_task_is_recorded_as_failed_with_its_error():
    result = jobs.fail.enqueue("แผนใหญ่เกินกว่าจะสร้าง PDF ได้")
    queue.run_due_tasks()
    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[-1].exception_class_path == "tests.tasks.jobs.PlanTooLarge"
    assert "แผนใหญ่เกินกว่าจะสร้าง PDF ได้" in result.errors[-1].traceback


def test_the_worker_command_matches_the_backend():
    command = queue.worker_command()
    if queue.uses_redis():
        assert command[:2] == ["rqworker", "default"] and "--with-scheduler" in command
    else:
        assert command[0] == "db_worker"
