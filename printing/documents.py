"""Printable documents rendered in the background, once per content version.

The layer above registers a kind of document ("plan", "report") with a builder
that turns the key's arguments into HTML, and calls ``schedule(key, version)``
when the content changes. A task renders it in a worker, within time and memory
limits (printing.limits), and stores the file (printing.store). Requests only
ever read what is stored: ``lookup`` says whether the current version is ready,
and what older file there is meanwhile.

A burst of saves raises the version many times and enqueues as many delayed
tasks; each task renders only if its version is still the latest, so the burst
ends in one render. The claim on the row (a conditional UPDATE, atomic on
SQLite and PostgreSQL alike) lets one worker render a version while any
number of others ask.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from printing import assemble, cache, limits, render, store
from printing.models import RenderedDocument

LOGGER = logging.getLogger(__name__)

# kind -> builder(*args) -> (title, html), or None when the document no longer exists.
Builder = Callable[..., "tuple[str, str] | None"]
_builders: dict[str, Builder] = {}
# Kinds whose PDF is joined from parts kept between renders (printing/assemble.py).
_in_parts: set[str] = set()


class RenderFailed(Exception):
    """Raised by the task so the task result, too, says why (Thai message)."""


def register(kind: str, builder: Builder, *, in_parts: bool = False) -> None:
    """``in_parts``: a long document that is edited a part at a time (the plan). Its PDF is
    joined from parts laid out apart and kept, so that a render after an edit lays out only
    the parts that changed; a short one (a report) is laid out whole."""
    _builders[kind] = builder
    if in_parts:
        _in_parts.add(kind)
    else:
        _in_parts.discard(kind)


def make_key(kind: str, *args) -> str:
    return ":".join([kind, *map(str, args)])


def renderer_token() -> str:
    """What else a file depends on: WeasyPrint and text-layer versions, our print CSS and fonts."""
    return f"{render.renderer_version()}|{cache.assets_digest()[:16]}"


def token(version: int) -> str:
    return f"{version}|{renderer_token()}"


@dataclass(frozen=True)
class Lookup:
    state: RenderedDocument.State
    current: store.StoredFile | None  # the file of the version asked for
    previous: store.StoredFile | None  # an older file, while the current one is prepared
    previous_rendered_at: object = None  # datetime of the older file
    error: str = ""


def _stored(row: RenderedDocument) -> store.StoredFile | None:
    if not row.file_name or row.size is None:
        return None
    return store.StoredFile(name=row.file_name, sha256=row.sha256, size=row.size)


def lookup(key: str, version: int) -> Lookup:
    """What a request may serve for ``key`` at ``version``; one query, renders nothing."""
    row = RenderedDocument.objects.filter(key=key).first()
    if row is None:
        return Lookup(state=RenderedDocument.State.PENDING, current=None, previous=None)
    state = row.state(token(version))
    stored = _stored(row)
    if stored is not None:
        try:
            store.verify(stored)
        except store.StoredFileCorrupt:
            LOGGER.error("stored PDF %s failed its check; rendering it again", stored.name, exc_info=True)
            RenderedDocument.objects.filter(pk=row.pk, file_name=row.file_name).update(
                file_name="", ready_token="", claim_token="", scheduled_token=""
            )
            return Lookup(state=RenderedDocument.State.PENDING, current=None, previous=None)
    if state == RenderedDocument.State.READY:
        return Lookup(state=state, current=stored, previous=None)
    return Lookup(
        state=state,
        current=None,
        previous=stored,
        previous_rendered_at=row.rendered_at if stored else None,
        error=row.error if state == RenderedDocument.State.FAILED else "",
    )


def schedule(key: str, version: int, *, title: str = "", delay: float | None = None) -> bool:
    """Ask for ``key`` at ``version`` to be rendered (after ``delay`` seconds); True if a task was enqueued.

    Nothing is enqueued when that version is already stored, already claimed,
    already failed, or already asked for: asking again costs a query, not a render.
    """
    now = timezone.now()
    try:
        RenderedDocument.objects.get_or_create(key=key, defaults={"title": title})
    except IntegrityError:  # another process created it between our read and write
        pass
    wanted = token(version)
    # A task enqueued longer ago than a render may take was lost (a worker died,
    # Redis was emptied): then asking again enqueues another.
    lease = now - timedelta(seconds=_delay(delay) + _lease_seconds())
    enqueue = (
        RenderedDocument.objects.filter(key=key, wanted_version__lte=version)
        .exclude(ready_token=wanted)
        .exclude(failed_token=wanted)
        .exclude(Q(scheduled_token=wanted) & Q(scheduled_at__gt=lease))
        .update(
            wanted_version=version,
            wanted_at=now,
            scheduled_token=wanted,
            scheduled_at=now,
            **({"title": title} if title else {}),
        )
    )
    if not enqueue:
        return False
    seconds = _delay(delay)
    job = render_document.using(run_after=now + timedelta(seconds=seconds)) if seconds else render_document

    def enqueue_task():
        try:
            job.enqueue(key, version)
        except Exception:
            # The queue is down: forget that we enqueued, so the next request asks again.
            LOGGER.exception("could not enqueue the render of %s", key)
            RenderedDocument.objects.filter(key=key, scheduled_token=wanted).update(scheduled_token="")

    transaction.on_commit(enqueue_task)
    return True


def _delay(delay: float | None) -> float:
    return settings.PDF_RENDER_DELAY if delay is None else delay


def _lease_seconds() -> float:
    # A claim older than the render limit (plus slack) belongs to a worker that died.
    return settings.PDF_RENDER_SECONDS + 60


def claim(key: str, version: int) -> bool:
    """Take the lock on rendering ``key`` at ``version``; False if it is done or someone holds it."""
    wanted = token(version)
    now = timezone.now()
    lease = now - timedelta(seconds=_lease_seconds())
    return bool(
        RenderedDocument.objects.filter(key=key, wanted_version=version)
        .exclude(ready_token=wanted)
        .exclude(Q(claim_token=wanted) & Q(claimed_at__gt=lease))
        .update(claim_token=wanted, claimed_at=now)
    )


@task()
def render_document(key: str, version: int) -> dict:
    """The task: render ``key`` if ``version`` is still the one wanted and nobody else renders it."""
    return render_now(key, version)


def render_now(key: str, version: int) -> dict:
    row = RenderedDocument.objects.filter(key=key).first()
    if row is None or row.wanted_version != version:
        return {"key": key, "version": version, "outcome": "superseded"}
    if not claim(key, version):
        return {"key": key, "version": version, "outcome": "already rendered or rendering"}
    wanted = token(version)
    kind, *args = key.split(":")
    try:
        built = _builders[kind](*args)
        if built is None:
            RenderedDocument.objects.filter(pk=row.pk).update(claim_token="")
            assemble.forget(key)
            return {"key": key, "version": version, "outcome": "document no longer exists"}
        title, html = built
        # Import (and load the fonts) here, once per worker, not in every child.
        render.load_weasyprint()
        if kind in _in_parts:
            lay_out = lambda: assemble.html_to_pdf(key, html)  # noqa: E731
        else:
            lay_out = lambda: render.html_to_pdf(html)  # noqa: E731
        result = limits.run_limited(
            lay_out,
            seconds=settings.PDF_RENDER_SECONDS,
            memory_bytes=settings.PDF_RENDER_MEMORY_MB * 2**20,
        )
        stored = store.save(key, result.value)
    except limits.LimitExceeded as error:
        _fail(row.pk, wanted, str(error))
        raise RenderFailed(f"{key}: {error}") from error
    except Exception as error:
        _fail(row.pk, wanted, f"สร้าง PDF ไม่สำเร็จ: {type(error).__name__}: {str(error)[-2000:]}")
        raise
    previous = row.file_name
    updated = (
        RenderedDocument.objects.filter(pk=row.pk)
        .filter(Q(ready_version__isnull=True) | Q(ready_version__lte=version))
        .update(
            title=title,
            file_name=stored.name,
            sha256=stored.sha256,
            size=stored.size,
            ready_version=version,
            ready_token=wanted,
            rendered_at=timezone.now(),
            render_seconds=round(result.seconds, 3),
            peak_memory=result.peak_memory,
            claim_token="",
            error="",
            failed_token="",
        )
    )
    if updated and previous and previous != stored.name:
        store.delete(previous)
    return {
        "key": key,
        "version": version,
        "outcome": "rendered",
        "bytes": stored.size,
        "seconds": round(result.seconds, 3),
        "cpu_seconds": round(result.cpu_seconds, 3),
        "peak_memory": result.peak_memory,
    }


def _fail(pk: int, wanted: str, message: str) -> None:
    LOGGER.error("PDF render failed: %s", message)
    RenderedDocument.objects.filter(pk=pk).update(
        failed_token=wanted, failed_at=timezone.now(), error=message, claim_token=""
    )


def retry(row: RenderedDocument) -> bool:
    """Admin action: forget a failure and render the wanted version again."""
    RenderedDocument.objects.filter(pk=row.pk).update(failed_token="", error="", claim_token="", scheduled_token="")
    return schedule(row.key, row.wanted_version, delay=0)


def render_wanted() -> list[dict]:
    """Render now, in this process, every document whose wanted version is not stored yet.

    What the worker would do once the scheduled tasks are due; for tests and
    for set-up commands that want the files before the first visitor.
    """
    outcomes = []
    for row in RenderedDocument.objects.all():
        if row.state(token(row.wanted_version)) == RenderedDocument.State.PENDING:
            try:
                outcomes.append(render_now(row.key, row.wanted_version))
            except RenderFailed as error:
                outcomes.append({"key": row.key, "version": row.wanted_version, "outcome": str(error)})
    return outcomes
