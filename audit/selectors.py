"""The portal-wide history for auditors: every saved version and every deletion, newest first.

Two sources: django-reversion's versions (one row per object per save, with
what changed compared with that object's previous version) and the admin's
log of deletions (reversion keeps no version for a delete). ``entries``
filters and merges them in one query (leaving out rows saved along with
another but unchanged); ``entry_rows`` turns a page of them
into rows to show, with a fixed number of queries per page whatever its size.

A person who is not a host sees only the rows of their organizations, kind by kind where
their role there lets them view it (``plans.tenancy_history``: each version is linked to the
organization of its row, a deletion is judged by the row's versions).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import reversion
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.utils import timezone
from reversion.errors import RevertError
from reversion.models import Version

from plans import tenancy
from plans.models import Edition
from plans.restore import FieldChange
from plans.revisions import KEPT_BEFORE_DELETION
from plans.tenancy_history import deletions_of, versions_of
from plans.version_fields import compared_fields, display
from thaimuang_plan.lib import formatting

ADDED = "เพิ่มรายการใหม่"
DELETED = "ลบรายการ"
NO_FIELD_CHANGED = "บันทึกโดยไม่มีช่องใดเปลี่ยน"
UNREADABLE = "อ่านรายละเอียดของฉบับนี้ไม่ได้แล้ว (โครงสร้างข้อมูลเปลี่ยนไปหลังจากบันทึก)"


@dataclass
class AuditRow:
    when: dt.datetime
    person: str
    kind: str
    object_repr: str
    comment: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)
    url: str | None = None

    @property
    def when_text(self) -> str:
        local = timezone.localtime(self.when)
        return f"{formatting.date(local, short=True)} {formatting.digits(local.strftime('%H:%M:%S'))} น."


def visible_models(user) -> list[type[models.Model]]:
    """The models kept in history that this person may view, in a stable order."""
    result = []
    for model in reversion.get_registered_models():
        opts = model._meta
        if user.has_perm(f"{opts.app_label}.{get_permission_codename('view', opts)}") or user.has_perm(
            f"{opts.app_label}.{get_permission_codename('change', opts)}"
        ):
            result.append(model)
    return sorted(result, key=lambda m: str(m._meta.verbose_name_plural))


def edition_path(model) -> str | None:
    """The lookup from ``model`` to its edition ("section__edition"), or None (e.g. an organization)."""
    if model is Edition:
        return "pk"
    queue = [(model, "")]
    seen = {model}
    while queue:
        current, path = queue.pop(0)
        for f in current._meta.concrete_fields:
            if not f.many_to_one or f.related_model in seen:
                continue
            step = f"{path}__{f.name}" if path else f.name
            if f.related_model is Edition:
                return step
            seen.add(f.related_model)
            queue.append((f.related_model, step))
    return None


def _in_edition(model, edition) -> Q:
    path = edition_path(model)
    if path is None:
        return Q(pk__in=[])
    ids = model._default_manager.filter(**{path: edition.pk}).annotate(_id=Cast("pk", CharField())).values("_id")
    return Q(content_type=ContentType.objects.get_for_model(model), object_id__in=Subquery(ids))


def _columns(queryset, *, kind: str, pk: str, date: str, user: str):
    # Both sides of the union select the same annotations in the same order.
    return queryset.annotate(
        a_kind=Value(kind, output_field=CharField()),
        a_id=F(pk),
        a_date=F(date),
        a_user=Cast(F(user), IntegerField()),
    ).order_by().values_list("a_kind", "a_id", "a_date", "a_user")


def entries(*, user, person=None, date_from=None, date_to=None, models_=None, edition=None):
    """(kind, id, date, user id) of every change this person may see, newest first, as one query."""
    allowed = visible_models(user)
    chosen = [m for m in allowed if models_ is None or m in models_]
    types = [ContentType.objects.get_for_model(m) for m in chosen]
    # A row saved along with its parent but unchanged is the same text as its previous version: not a change.
    earlier = _earlier_versions().values("serialized_data")[:1]
    versions = (
        Version.objects.filter(content_type__in=types)
        .exclude(revision__comment=KEPT_BEFORE_DELETION)
        .annotate(previous_data=Subquery(earlier))
        .filter(Q(previous_data__isnull=True) | ~Q(serialized_data=F("previous_data")))
    )
    deletions = LogEntry.objects.filter(action_flag=DELETION, content_type__in=types)
    if not tenancy.is_host(user):
        versions = versions.filter(versions_of(user, chosen))
        deletions = deletions.filter(deletions_of(user, chosen))
    if person is not None:
        versions = versions.filter(revision__user=person)
        deletions = deletions.filter(user=person)
    tz = timezone.get_current_timezone()
    if date_from is not None:
        start = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz)
        versions = versions.filter(revision__date_created__gte=start)
        deletions = deletions.filter(action_time__gte=start)
    if date_to is not None:
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        versions = versions.filter(revision__date_created__lt=end)
        deletions = deletions.filter(action_time__lt=end)
    if edition is not None:
        within = Q(pk__in=[])
        for model in chosen:
            within |= _in_edition(model, edition)
        versions = versions.filter(within)
        # A deleted row cannot be traced to its edition any more: deletions are listed without this filter only.
        deletions = deletions.none()
    merged = _columns(versions, kind="version", pk="pk", date="revision__date_created", user="revision__user_id").union(
        _columns(deletions, kind="deletion", pk="pk", date="action_time", user="user_id"), all=True
    )
    return merged.order_by("-a_date", "-a_id")


def _earlier_versions():
    """The versions of the outer query's object before the outer version, newest first."""
    return Version.objects.filter(
        content_type=OuterRef("content_type"), object_id=OuterRef("object_id"), db=OuterRef("db"), pk__lt=OuterRef("pk")
    ).order_by("-pk")


def _previous_ids(version_ids) -> dict[int, int]:
    earlier = _earlier_versions()
    rows = Version.objects.filter(pk__in=version_ids).annotate(prev=Subquery(earlier.values("pk")[:1]))
    return {pk: prev for pk, prev in rows.values_list("pk", "prev") if prev is not None}


def _person(user) -> str:
    if user is None:
        return "ระบบ (นำเข้าหรือคำสั่ง)"
    name = user.get_full_name()
    return f"{user.get_username()} ({name})" if name else user.get_username()


def entry_rows(page) -> list[AuditRow]:
    """Rows to show for a page of ``entries``: six queries plus one per kind of row named in a change."""
    version_ids = [pk for kind, pk, *_ in page if kind == "version"]
    deletion_ids = [pk for kind, pk, *_ in page if kind == "deletion"]
    versions = Version.objects.filter(pk__in=version_ids).select_related("revision__user", "content_type").in_bulk()
    previous_of = _previous_ids(version_ids)
    previous = Version.objects.filter(pk__in=previous_of.values()).select_related("content_type").in_bulk()
    deletions = LogEntry.objects.filter(pk__in=deletion_ids).select_related("user", "content_type").in_bulk()
    pairs = []
    for pk in version_ids:
        version = versions[pk]
        before = previous.get(previous_of.get(pk))
        pairs.append((version, before, _changed_fields(version, before)))
    names = _names(pairs)
    shown = {}
    for version, before, changed in pairs:
        changes = [
            FieldChange(str(f.verbose_name), display(f, old, names), display(f, new, names))
            for f, old, new in changed or ()
        ]
        shown[("version", version.pk)] = AuditRow(
            when=version.revision.date_created,
            person=_person(version.revision.user),
            kind=_kind(version.content_type),
            object_repr=version.object_repr,
            comment=version.revision.get_comment(),
            action=ADDED if before is None else UNREADABLE if changed is None else "" if changes else NO_FIELD_CHANGED,
            changes=changes,
        )
    for entry in deletions.values():
        shown[("deletion", entry.pk)] = AuditRow(
            when=entry.action_time,
            person=_person(entry.user),
            kind=_kind(entry.content_type),
            object_repr=entry.object_repr,
            comment=entry.get_change_message(),
            action=DELETED,
        )
    return [shown[(kind, pk)] for kind, pk, *_ in page]


def _kind(content_type) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model is not None else content_type.model


def _field_values(version) -> tuple[models.Model, dict]:
    data = version._object_version
    return data.object, data.m2m_data or {}


def _changed_fields(version, before) -> list[tuple[models.Field, object, object]] | None:
    """(field, old, new) per changed field; None when a version can no longer be read."""
    if before is None:
        return []
    model = version.content_type.model_class()
    if model is None:
        return None
    try:
        new, new_m2m = _field_values(version)
        old, old_m2m = _field_values(before)
    except RevertError:  # stored before a change to the model that its data no longer fits
        return None
    changed = []
    for f in compared_fields(model):
        if f.many_to_many:
            a, b = sorted(old_m2m.get(f.name, [])), sorted(new_m2m.get(f.name, []))
        else:
            a, b = getattr(old, f.attname), getattr(new, f.attname)
        if a != b:
            changed.append((f, a, b))
    return changed


def _names(pairs) -> dict:
    """Names of the rows that changes point at, one query per kind of row."""
    wanted = defaultdict(set)
    for _, _, changed in pairs:
        for f, old, new in changed or ():
            if f.is_relation:
                for value in (old, new):
                    for pk in value if isinstance(value, list) else [value]:
                        if pk is not None:
                            wanted[f.related_model].add(pk)
    names = {}
    for model, pks in wanted.items():
        for obj in model._default_manager.filter(pk__in=pks):
            names[(model, obj.pk)] = str(obj)
    return names
