"""Restoring one object from its history, and bringing back a deleted one.

django-reversion's own ``Revision.revert()`` puts back every object of a
revision, and the importer writes a whole plan as one revision, so reverting
one SWOT item would undo everybody's later edits. Here only the chosen
version's object is written, together with the rows it owns (the inlines its
admin shows, passed in as ``Owned``), read from the same revision:

- rows of the version that still exist are put back as they were;
- rows of the version that are gone are created again, with what they owned;
- rows added since are removed (they stay recoverable from their history).

``restore_plan`` reads and compares only (nothing is written, so it can be
shown on a GET); ``RestorePlan.apply`` writes, validating each row with
``full_clean`` first, and raises ``RestoreRefused`` with Thai messages instead
of letting a database error through.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from reversion.models import Version
from reversion.revisions import _get_options

from plans.forms import token_of
from plans.version_fields import compared_fields, display, number_text

MISSING_TARGET = "{field}ที่ฉบับนั้นอ้างถึง (“{repr}”) ถูกลบไปแล้ว กรุณากู้คืนรายการนั้นก่อน"
PROTECTED = "ลบ{label} “{row}” ไม่ได้ เพราะยังมี{others}อ้างถึงอยู่ กรุณาแก้รายการเหล่านั้นก่อน"
NOT_SAVED = "กู้คืนไม่ได้: {row}: {reason}"
DATABASE_REFUSED = "กู้คืนไม่ได้: ข้อมูลในฉบับนั้นขัดกับข้อมูลปัจจุบัน ไม่มีการเปลี่ยนแปลงใด ๆ กรุณาเปิดหน้านี้ใหม่เพื่อดูว่าจะเปลี่ยนอะไร"


class RestoreRefused(Exception):
    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Owned:
    """Rows shown as an inline of the object being restored (``fk`` on ``model`` points at it)."""

    model: type[models.Model]
    fk: models.ForeignKey
    label: str
    #: Whether the inline shows a row (e.g. only the tactics not under a strategy).
    shows: Callable[[models.Model], bool] = lambda row: True
    #: Names of the fields the inline lets an editor change; None: every field.
    editable: frozenset[str] | None = None


@dataclass
class FieldChange:
    label: str
    current: str
    restored: str


@dataclass
class RowChange:
    action: str  # "add" | "remove" | "change"
    label: str
    text: str
    fields: list[FieldChange] = field(default_factory=list)
    #: Rows below it that come back (action "add") or go (action "remove") with it.
    along: int = 0


@dataclass
class _Write:
    instance: models.Model
    m2m: dict[str, list]
    adding: bool = False


@dataclass
class RestorePlan:
    version: Version
    current: models.Model | None
    fields: list[FieldChange]
    rows: list[RowChange]
    problems: list[str]
    warnings: list[str]
    token: str
    models_written: dict[type[models.Model], set[str]]
    _writes: list[_Write]
    _removals: list[models.Model]

    @property
    def is_recover(self) -> bool:
        return self.current is None

    @property
    def instance(self) -> models.Model:
        """The object as the restore would save it (not saved yet)."""
        return self._writes[0].instance

    @property
    def removals(self) -> list[models.Model]:
        """The rows added since the version, which the restore removes."""
        return list(self._removals)

    @property
    def changes_anything(self) -> bool:
        return bool(self.fields or self.rows)

    def apply(self) -> models.Model:
        """Write the restore in one transaction; returns the restored object.

        Call inside the caller's revision so that the writes become one new
        history entry. Raises ``RestoreRefused`` (and writes nothing) when a row
        does not pass its model's validation or the database refuses it.
        """
        if self.problems:
            raise RestoreRefused(self.problems)
        db = router.db_for_write(self.version._model)
        try:
            with transaction.atomic(using=db):
                for row in self._removals:
                    collector = Collector(using=db)
                    collector.collect([row])
                    collector.delete()
                for write in self._writes:
                    _save(write, db)
        except (IntegrityError, ProtectedError, RestrictedError):
            # Something changed between the page and the write (a row now protects one to remove, ...).
            raise RestoreRefused([DATABASE_REFUSED]) from None
        return self._writes[0].instance


def _save(write: _Write, db: str) -> None:
    instance = write.instance
    instance._state.adding = write.adding
    instance._state.db = db if not write.adding else None
    try:
        instance.full_clean()
    except ValidationError as error:
        reason = " ".join(error.messages)
        raise RestoreRefused([NOT_SAVED.format(row=f"{instance._meta.verbose_name} “{instance}”", reason=reason)]) from None
    # A normal save: ``updated_at`` moves on, so forms opened before the restore become stale.
    instance.save(using=db, force_insert=write.adding)
    for name, ids in write.m2m.items():
        getattr(instance, name).set(ids)


# --- reading a version -------------------------------------------------------------


def _deserialized(version: Version):
    return version._object_version


def _value(f: models.Field, instance, m2m: dict | None):
    if f.many_to_many:
        if m2m is None:  # the current row
            return sorted(getattr(instance, f.name).values_list("pk", flat=True))
        return sorted(m2m.get(f.name, []))
    return getattr(instance, f.attname)


def _diff(model, current, restored, m2m, *, only: frozenset[str] | None = None) -> list[FieldChange]:
    changes = []
    for f in compared_fields(model):
        if only is not None and f.name not in only:
            continue
        now = _value(f, current, None) if current is not None else None
        then = _value(f, restored, m2m)
        if current is not None and now == then:
            continue
        if current is None and then in (None, "", []):
            continue
        changes.append(FieldChange(str(f.verbose_name), display(f, now) if current is not None else "—", display(f, then)))
    return changes


def _reverted(current, restored, m2m, only: frozenset[str] | None):
    """The stored row with the restorable fields taken from the version (the others stay as they are).

    Fields the admin shows read-only or not at all (an edition's status, set
    only by publishing) are not the editor's to roll back.
    """
    if only is None:
        return restored, m2m
    model = type(current)
    for f in compared_fields(model):
        if f.name in only and not f.many_to_many:
            setattr(current, f.attname, getattr(restored, f.attname))
    return current, {name: ids for name, ids in m2m.items() if name in only}


def _m2m_of(version: Version) -> dict[str, list]:
    data = _deserialized(version).m2m_data or {}
    return {name: list(ids) for name, ids in data.items()}


class _Revision:
    """The versions of one revision, deserialised lazily and looked up by model and parent."""

    def __init__(self, version: Version):
        self.revision_id = version.revision_id
        self._by_model: dict[type, list[Version]] = {}

    def rows(self, model, fk_attname: str, parent_pk) -> list[Version]:
        if model not in self._by_model:
            self._by_model[model] = list(
                Version.objects.get_for_model(model).filter(revision_id=self.revision_id)
            )
        return [
            v
            for v in self._by_model[model]
            if str(getattr(_deserialized(v).object, fk_attname)) == str(parent_pk)
        ]


def _children(model) -> list[tuple[type, models.ForeignKey]]:
    """The one-to-many relations reversion follows from ``model`` (what a saved row carries along)."""
    result = []
    for name in _get_options(model).follow:
        try:
            rel = model._meta.get_field(name)
        except Exception:  # a follow that is not a field name (a property): nothing to bring back
            continue
        if rel.one_to_many and not rel.concrete:
            result.append((rel.related_model, rel.field))
    return result


def _exists(model, pk) -> bool:
    return model._default_manager.filter(pk=pk).exists()


# --- building the plan ---------------------------------------------------------------


def restore_plan(version: Version, *, owned: list[Owned], editable: frozenset[str] | None = None) -> RestorePlan:
    """What restoring ``version`` would change, without changing anything.

    ``editable`` names the fields of the object its admin lets an editor
    change (None: all); only those are rolled back. A row that comes back
    after being deleted comes back whole.

    Runs a handful of queries per owned relation and per row that would come
    back; the page that shows it is opened one object at a time.
    """
    model = version._model
    restored = _deserialized(version).object
    current = model._default_manager.filter(pk=restored.pk).first()
    revision = _Revision(version)
    only = editable if current is not None else None
    fields = _diff(model, current, restored, _m2m_of(version), only=only)
    first = _Write(*_reverted(current, restored, _m2m_of(version), only)) if current is not None else None
    plan = RestorePlan(
        version=version,
        current=current,
        fields=fields,
        rows=[],
        problems=[],
        warnings=[],
        token="",
        models_written={model: {"add" if current is None else "change"}},
        _writes=[first or _Write(restored, _m2m_of(version), adding=True)],
        _removals=[],
    )
    recreated: set[tuple[type, str]] = set()
    if current is None:
        recreated.add((model, str(restored.pk)))
        _bring_back_children(plan, revision, model, restored.pk, recreated, list_them=True)
    token_parts = [token_of(getattr(current, "updated_at", None))]
    for relation in owned if current is not None else ():
        token_parts += _plan_owned(plan, revision, relation, restored.pk, recreated)
    for write in plan._writes:
        _check_targets(plan, write, recreated)
    plan.token = hashlib.sha256("|".join(token_parts).encode()).hexdigest()[:32]
    return plan


def _plan_owned(plan, revision, relation: Owned, parent_pk, recreated) -> list[str]:
    then = {}
    for version in revision.rows(relation.model, relation.fk.attname, parent_pk):
        row = _deserialized(version).object
        if relation.shows(row):
            then[str(row.pk)] = version
    now = {
        str(row.pk): row
        for row in relation.model._default_manager.filter(**{relation.fk.attname: parent_pk}).order_by("pk")
        if relation.shows(row)
    }
    tokens = [f"{relation.model._meta.label}:{pk}:{token_of(getattr(row, 'updated_at', None))}" for pk, row in now.items()]
    written = plan.models_written.setdefault(relation.model, set())
    for pk, version in then.items():
        row = _deserialized(version).object
        if (relation.model, pk) in recreated:  # already coming back under another row
            continue
        if pk in now:
            only = (relation.editable or frozenset(f.name for f in compared_fields(relation.model))) - {
                relation.fk.name
            }
            changes = _diff(relation.model, now[pk], row, _m2m_of(version), only=only)
            if changes:
                plan.rows.append(RowChange("change", relation.label, str(now[pk]), changes))
                plan._writes.append(_Write(*_reverted(now[pk], row, _m2m_of(version), only)))
                written.add("change")
        else:
            plan.rows.append(RowChange("add", relation.label, version.object_repr))
            plan._writes.append(_Write(row, _m2m_of(version), adding=True))
            recreated.add((relation.model, pk))
            written.add("add")
            before = len(plan._writes)
            _bring_back_children(plan, revision, relation.model, row.pk, recreated, list_them=False)
            plan.rows[-1].along = len(plan._writes) - before
    for pk, row in now.items():
        if pk not in then:
            plan.rows.append(RowChange("remove", relation.label, str(row)))
            plan._removals.append(row)
            written.add("delete")
            _plan_removal(plan, row)
    return tokens


def _bring_back_children(plan, revision, model, pk, recreated, *, list_them: bool) -> None:
    """Rows the version's revision holds under a row that comes back, and that are gone now."""
    for child_model, fk in _children(model):
        for version in revision.rows(child_model, fk.attname, pk):
            row = _deserialized(version).object
            key = (child_model, str(row.pk))
            if key in recreated or _exists(child_model, row.pk):
                continue
            recreated.add(key)
            plan._writes.append(_Write(row, _m2m_of(version), adding=True))
            plan.models_written.setdefault(child_model, set()).add("add")
            if list_them:
                plan.rows.append(RowChange("add", str(child_model._meta.verbose_name), version.object_repr))
            _bring_back_children(plan, revision, child_model, row.pk, recreated, list_them=list_them)


def _plan_removal(plan, row) -> None:
    collector = Collector(using=router.db_for_write(type(row)))
    try:
        collector.collect([row])
    except (ProtectedError, RestrictedError) as error:
        others = {str(obj._meta.verbose_name) for obj in error.protected_objects if hasattr(obj, "_meta")}
        plan.problems.append(
            PROTECTED.format(label=row._meta.verbose_name, row=row, others=" ".join(sorted(others)))
        )
        return
    along = sum(len(objs) for objs in collector.data.values()) - 1
    plan.rows[-1].along = along
    for related_model in collector.data:
        plan.models_written.setdefault(related_model, set()).add("delete")


def _check_targets(plan, write: _Write, recreated) -> None:
    """Every row a restored row points at must exist, or come back in the same restore."""
    instance = write.instance
    for f in instance._meta.concrete_fields:
        if not f.many_to_one and not f.one_to_one:
            continue
        value = getattr(instance, f.attname)
        if value is None or (f.related_model, str(value)) in recreated or _exists(f.related_model, value):
            continue
        last = Version.objects.get_for_object_reference(f.related_model, value).first()
        plan.problems.append(
            MISSING_TARGET.format(field=f.verbose_name, repr=last.object_repr if last else f"#{number_text(value)}")
        )
    for name, ids in write.m2m.items():
        f = instance._meta.get_field(name)
        alive = set(f.related_model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
        gone = [pk for pk in ids if int(pk) not in alive and (f.related_model, str(pk)) not in recreated]
        if gone:
            write.m2m[name] = [pk for pk in ids if pk not in gone]
            plan.warnings.append(f"{f.verbose_name}: {number_text(len(gone))} รายการในฉบับนั้นถูกลบไปแล้ว จะไม่ถูกนำกลับมา")
