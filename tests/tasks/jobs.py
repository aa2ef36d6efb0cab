"""Tasks the queue tests enqueue; module-level, since a worker finds a task by its import path."""

from django_tasks import task


@task()
def add(a: int, b: int) -> int:
    return a + b


class PlanTooLarge(Exception):
    pass


@task()
def fail(message: str) -> None:
    raise PlanTooLarge(message)
