"""The task queue behind Django's Tasks API, whichever backend settings.TASKS names.

Two backends (settings.py, TASKS_BACKEND): the database one (django-tasks-db),
embedded, and Redis through RQ (django-tasks-rq). Code enqueues through the Tasks
API only; this module knows the two only to start a worker for them.
"""

from __future__ import annotations

import os
import socket

from django_tasks import task_backends

RQ_BACKEND = "django_tasks_rq.backend.RQBackend"
DB_BACKEND = "django_tasks_db.backend.DatabaseBackend"


def backend_path() -> str:
    cls = type(task_backends["default"])
    return f"{cls.__module__}.{cls.__qualname__}"


def uses_redis() -> bool:
    return backend_path() == RQ_BACKEND


def worker_command(*, burst: bool = False) -> list[str]:
    """The manage.py arguments that start a worker for the configured backend."""
    from django.conf import settings

    queues = list(settings.TASKS["default"].get("QUEUES") or ["default"])
    if uses_redis():
        # --with-scheduler: tasks enqueued with run_after (the short delay that
        # coalesces a burst of saves) wait in RQ's scheduled registry until due.
        args = ["rqworker", *queues, "--job-class", "django_tasks_rq.Job", "--with-scheduler"]
        return [*args, "--burst"] if burst else args
    # No autoreloader (db_worker's default under DEBUG): `make run` stops the worker
    # by its process id, and a reloader's child would outlive it.
    args = ["db_worker", "--queue-name", ",".join(queues), "--no-reload"]
    return [*args, "--batch"] if burst else args


def run_due_tasks() -> int:
    """Run, in this process, every task that is due; returns how many ran.

    For tests and one-off commands: the same code paths as a worker process,
    without a fork, so the tasks share this process's database connection.
    """
    if uses_redis():
        import django_rq
        from django_tasks_rq import Job
        from rq import SimpleWorker
        from rq.registry import ScheduledJobRegistry

        queues = [django_rq.get_queue(name, job_class=Job) for name in _queue_names()]
        for queue in queues:
            # Move the scheduled jobs that are due onto the queue, as --with-scheduler does.
            registry = ScheduledJobRegistry(queue=queue)
            for job_id in registry.get_jobs_to_schedule():
                queue.enqueue_job(Job.fetch(job_id, connection=queue.connection))
                registry.remove(job_id)
        due = sum(queue.count for queue in queues)
        SimpleWorker(queues, connection=queues[0].connection, job_class=Job).work(burst=True)
        return due
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    worker = Worker(
        queue_names=_queue_names(),
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"{socket.gethostname()}-{os.getpid()}-inline"[:64],
        excluded_queue_names=[],
    )
    # Worker.run() would also close "old" database connections between tasks,
    # which inside a caller's transaction (a test) closes the caller's own.
    ran = 0
    while True:
        tasks = DBTaskResult.objects.ready().filter(backend_name="default", queue_name__in=_queue_names())
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(worker.worker_id)
        if task_result is None:
            return ran
        worker.run_task(task_result)
        ran += 1


def _queue_names() -> list[str]:
    from django.conf import settings

    return list(settings.TASKS["default"].get("QUEUES") or ["default"])
