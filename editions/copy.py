"""One copy of a whole edition: every part of the plan, with its links pointing at the copies.

``copy_edition`` walks ``PARTS`` (parents before children) and copies each row
of the source edition into the target edition. A foreign key that points at a
row copied earlier is pointed at that row's copy; one that points outside the
plan (the organization's units, a user) is kept. Rows can be changed or left
out on the way (``adjust``); what depends on a row left out follows the
field's ``on_delete``: CASCADE leaves the dependant out too, SET_NULL clears
the link, as deleting the row would have done. Many-to-many links between
copied rows (alignment of strategies and tactics) are copied too.

A model added to a plan must be added to ``PARTS``; ``tests/editions`` fails
when a model that hangs on an edition is missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import reversion
from django.db import models

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, ImportFlag, Section, SwotItem
from projects.models import Project, ProjectBudget
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic


@dataclass(frozen=True)
class Part:
    model: type[models.Model]
    #: The lookup from the model to its edition, e.g. "framework__edition".
    edition_lookup: str


# Parents before children: every foreign key inside the plan points at a row of an earlier part
# (or of the same model, which is resolved after the rows exist).
PARTS = [
    Part(Section, "edition"),
    Part(Framework, "edition"),
    Part(Block, "section__edition"),
    Part(SwotItem, "edition"),
    Part(FrameworkPoint, "framework__edition"),
    Part(Strategy, "framework__edition"),
    Part(Goal, "strategy__framework__edition"),
    Part(Tactic, "framework__edition"),
    Part(Indicator, "framework__edition"),
    Part(IndicatorTarget, "indicator__framework__edition"),
    Part(Project, "edition"),
    Part(ProjectBudget, "project__edition"),
    Part(Committee, "edition"),
    Part(CommitteeMember, "committee__edition"),
    Part(EvaluationMethod, "edition"),
    Part(ScheduleRound, "edition"),
    Part(ImportFlag, "edition"),
]

PLAN_MODELS = {part.model for part in PARTS}

#: The parts of the plan's document rather than its strategy: left out when only the strategy is wanted.
DOCUMENT_PARTS = {Section, Block, SwotItem, EvaluationMethod, ScheduleRound}


class CopyError(Exception):
    """The plan links to something the copy cannot follow (a row of another edition)."""


@dataclass
class CopyResult:
    #: For each model, source pk -> pk of its copy.
    copies: dict[type[models.Model], dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    #: For each model, the pks of the source rows that were not copied.
    left_out: dict[type[models.Model], set[int]] = field(default_factory=lambda: defaultdict(set))
    counts: dict[str, int] = field(default_factory=dict)

    def copy_of(self, obj: models.Model) -> int | None:
        return self.copies[type(obj)].get(obj.pk)


def copy_edition(
    *,
    source: Edition,
    target: Edition,
    parts: list[Part] = PARTS,
    adjust: Callable[[models.Model, models.Model], models.Model | None] | None = None,
    record_history: bool = True,
) -> CopyResult:
    """Copy every row of ``source`` in ``parts`` into ``target`` (which must exist).

    ``adjust(original, copy)`` may change the unsaved copy or return None to leave it out.
    With ``record_history`` each copy gets its first version in the current reversion
    revision, so that the admin's history and "recover deleted" know it.
    Run inside a transaction; runs a few queries per part.
    """
    result = CopyResult()
    copied_models = {part.model for part in parts}
    for part in parts:
        rows = list(part.model.objects.filter(**{part.edition_lookup: source}).order_by("pk"))
        new_rows = _copy_rows(part.model, rows, source, target, result, copied_models, adjust)
        result.counts[part.model._meta.verbose_name_plural] = len(new_rows)
        if record_history and reversion.is_registered(part.model):
            for row in new_rows:
                reversion.add_to_revision(row)
    for part in parts:
        _copy_many_to_many(part.model, result, copied_models)
    return result


def _copy_rows(model, rows, source, target, result, copied_models, adjust):
    """Insert the copies of ``rows`` (one query, two with a link to the same model)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    self_links = [f for f in fields if f.is_relation and f.related_model is model]
    originals, copies = [], []
    for row in rows:
        copy = model()
        keep = True
        for f in fields:
            value = getattr(row, f.attname)
            if f.is_relation and value is not None:
                if f.related_model is Edition:
                    if value != source.pk:
                        raise CopyError(f"{model.__name__} {row.pk} belongs to another edition")
                    value = target.pk
                elif f.related_model is model:
                    value = None  # set below, once every row of the model has its copy
                elif f.related_model in PLAN_MODELS:
                    mapped = result.copies[f.related_model].get(value)
                    if mapped is None:
                        if f.related_model in copied_models and value not in result.left_out[f.related_model]:
                            raise CopyError(f"{model.__name__} {row.pk}.{f.name} points outside the edition")
                        if f.remote_field.on_delete is models.CASCADE:
                            keep = False
                            break
                        if not f.null:
                            raise CopyError(f"{model.__name__} {row.pk}.{f.name} cannot lose its link")
                    value = mapped
            setattr(copy, f.attname, value)
        if not keep or (adjust is not None and adjust(row, copy) is None):
            result.left_out[model].add(row.pk)
            continue
        originals.append(row)
        copies.append(copy)
    model.objects.bulk_create(copies)
    mapping = result.copies[model]
    for row, copy in zip(originals, copies, strict=True):
        mapping[row.pk] = copy.pk
    if self_links:
        for row, copy in zip(originals, copies, strict=True):
            for f in self_links:
                value = getattr(row, f.attname)
                setattr(copy, f.attname, mapping.get(value) if value is not None else None)
        model.objects.bulk_update(copies, [f.name for f in self_links])
    return copies


def _copy_many_to_many(model, result, copied_models):
    for f in model._meta.local_many_to_many:
        if f.related_model not in copied_models:
            continue
        through = f.remote_field.through
        from_field = f.m2m_field_name() + "_id"
        to_field = f.m2m_reverse_field_name() + "_id"
        sources = result.copies[model]
        targets = result.copies[f.related_model]
        links = through.objects.filter(**{f"{from_field}__in": list(sources)}).values_list(from_field, to_field)
        rows = []
        for from_pk, to_pk in links:
            if to_pk in targets:
                to_pk = targets[to_pk]
            elif to_pk in result.left_out[f.related_model]:
                continue
            # A link to a row outside the plan (another edition's strategy) is kept as it was.
            rows.append(through(**{from_field: sources[from_pk], to_field: to_pk}))
        through.objects.bulk_create(rows)
