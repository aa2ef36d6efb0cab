"""Each edition's content version: raised by every save of its content, read by its caches.

``Edition.content_version`` is the key of the edition's cached pages and
rendered PDFs (portal/page_cache.py, printing.documents): a save raises it in
the same transaction, so every web process on every machine sees the new
version with the edition row it already reads, and only that edition's copies
go stale. After the commit, the edition's PDFs are scheduled for rendering.

Which edition a row belongs to is found from its foreign keys (the shortest
path to Edition, or to Organization for rows shared by its editions), so a new
model in a plan app is covered without being listed here.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable

from django.apps import apps
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone

from plans.models import Edition, Organization

LOGGER = logging.getLogger(__name__)

CONTENT_APPS = ("plans", "strategies", "projects", "monitoring")
# Rows that are not plan content a reader or a PDF shows.
IGNORED = {"plans.importflag"}

# model -> path of foreign keys to Edition (["section", "edition"]) or to Organization.
_paths: dict[type[models.Model], tuple[str, list[str]]] = {}
# Called after the commit with the edition id whose content changed (PDF scheduling).
_listeners: list[Callable[[int], None]] = []


def on_change(listener: Callable[[int], None]) -> None:
    _listeners.append(listener)


def _path_to(model, target) -> list[str] | None:
    """The shortest chain of non-null forward foreign keys from ``model`` to ``target``."""
    queue = deque([(model, [])])
    seen = {model}
    while queue:
        current, path = queue.popleft()
        if current is target:
            return path
        if len(path) >= 4:
            continue
        for field in current._meta.get_fields():
            if field.many_to_one and field.concrete and not field.null and field.related_model not in seen:
                seen.add(field.related_model)
                queue.append((field.related_model, [*path, field.name]))
    return None


def connect() -> None:
    """Find each content model's way to its edition and listen to its saves (PortalConfig.ready)."""
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label_lower in IGNORED or model._meta.abstract:
                continue
            if model is Edition:
                _paths[model] = ("edition", [])
            elif (path := _path_to(model, Edition)) is not None:
                _paths[model] = ("edition", path)
            elif (path := _path_to(model, Organization)) is not None:
                _paths[model] = ("organization", path)
            else:
                continue
            post_save.connect(_saved, sender=model, dispatch_uid=f"versions-save-{model._meta.label_lower}")
            # Before the delete: afterwards a cascade may have removed the rows the path walks.
            pre_delete.connect(_saved, sender=model, dispatch_uid=f"versions-delete-{model._meta.label_lower}")


def edition_ids_of(instance) -> set[int]:
    kind, path = _paths[type(instance)]
    obj = instance
    try:
        for name in path:
            obj = getattr(obj, name)
    except models.ObjectDoesNotExist:
        return set()
    if kind == "edition":
        return {obj.pk}
    return set(Edition.objects.filter(organization=obj).values_list("pk", flat=True))


def _saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata
        return
    for edition_id in edition_ids_of(instance):
        bump(edition_id)


class _Changed:
    """The on-commit callback for one edition; also marks "already raised in this transaction"."""

    def __init__(self, edition_id: int):
        self.edition_id = edition_id
        self.ran = False

    def __call__(self):
        self.ran = True
        for listener in _listeners:
            try:
                listener(self.edition_id)
            except Exception:  # scheduling a render must never undo or fail a save
                LOGGER.exception("after a change to edition %s", self.edition_id)


def _pending(connection, edition_id: int) -> bool:
    # Django keeps (savepoint ids, callback, robust) per on-commit callback and drops
    # those of a rolled-back savepoint: a callback still listed will run at commit.
    return any(
        isinstance(entry[1], _Changed) and entry[1].edition_id == edition_id and not entry[1].ran
        for entry in connection.run_on_commit
    )


def bump(edition_id: int) -> None:
    """Raise the edition's content version and, after the commit, schedule its PDFs (once per transaction).

    Every save raises it, even within one transaction: a page read between two
    saves of the same transaction must not be cached under the later state.
    """
    # Never a value used before, even after a full save of a stale Edition instance
    # wrote an older one back: the next version is at least the current time in µs.
    fresh = int(timezone.now().timestamp() * 1_000_000)
    Edition.objects.filter(pk=edition_id).update(
        content_version=Greatest(F("content_version") + 1, Value(fresh))
    )
    connection = transaction.get_connection()
    if not (connection.in_atomic_block and _pending(connection, edition_id)):
        transaction.on_commit(_Changed(edition_id))


def current_version(edition_id: int) -> int:
    return Edition.objects.filter(pk=edition_id).values_list("content_version", flat=True).first() or 0
