"""The task tests run on the backend settings.TASKS names: CI runs them twice,
once as they are (database) and once with TASKS_BACKEND=redis (RQ on Redis)."""

import pytest

from printing import queue
from printing.models import RenderedDocument
from tests.pdf.conftest import WorkerClient, cache_table  # noqa: F401 (a fixture)


@pytest.fixture(autouse=True)
def empty_queue(db):
    """Each test starts with no task waiting (a Redis queue outlives the test database)."""
    if queue.uses_redis():
        import django_rq
        from rq.registry import FailedJobRegistry, FinishedJobRegistry, ScheduledJobRegistry

        for name in queue._queue_names():
            rq_queue = django_rq.get_queue(name)
            rq_queue.empty()
            for registry in (ScheduledJobRegistry, FinishedJobRegistry, FailedJobRegistry):
                for job_id in registry(queue=rq_queue).get_job_ids():
                    registry(queue=rq_queue).remove(job_id, delete_job=True)
    else:
        from django_tasks_db.models import DBTaskResult

        # Tasks that module-scoped fixtures elsewhere enqueued outside a test transaction.
        DBTaskResult.objects.all().delete()
    # Likewise rendered documents that module-scoped fixtures elsewhere left behind: every
    # test here counts the renders it causes (inside its transaction, so this is undone after).
    RenderedDocument.objects.all().delete()
    yield


@pytest.fixture
def client(cache_table):  # noqa: F811 (the fixture imported above)
    """Downloads as a person's browser does them, with a worker beside the site (tests/pdf/conftest.py)."""
    return WorkerClient(HTTP_HOST="localhost")
