"""Reading the fields of a stored version as an editor reads them (shared by restore and the audit)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.utils import timezone
from reversion.revisions import _get_options

from thaimuang_plan.lib import formatting

EMPTY = "(ว่าง)"
GONE = "(ถูกลบไปแล้ว)"


def compared_fields(model) -> list[models.Field]:
    """The fields a person changes: stored by reversion, not the primary key or a timestamp."""
    stored = set(_get_options(model).fields)
    result = []
    for f in model._meta.get_fields():
        if f.name not in stored or not f.concrete or f.primary_key:
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            continue
        result.append(f)
    return result


def number_text(value) -> str:
    """A number (or text with digits) in the portal's digit style."""
    return formatting.digits(value)


def display(f: models.Field, value, names: dict | None = None) -> str:
    """A stored value as an editor reads it (Thai digits, choice labels, names of related rows).

    ``names`` ({(model, pk): name}) saves the query for the name of a related
    row; without it, one query runs per related value.
    """
    if value is None or value == "" or value == []:
        return EMPTY
    if f.is_relation:
        pks = value if f.many_to_many else [value]
        if names is None:
            found = {obj.pk: str(obj) for obj in f.related_model._default_manager.filter(pk__in=pks)}
        else:
            found = {pk: names[(f.related_model, pk)] for pk in pks if (f.related_model, pk) in names}
        return ", ".join(found.get(pk, f"{GONE} #{number_text(pk)}") for pk in pks)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, dt.datetime):
        return f"{formatting.date(value)} {number_text(timezone.localtime(value).strftime('%H:%M'))} น."
    if isinstance(value, dt.date):
        return formatting.date(value)
    if isinstance(value, int | Decimal | float):
        return number_text(value)
    return str(value)


