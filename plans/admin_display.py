"""How the admin shows dates and numbers: BE years, Thai month names, the portal's digits.

Django's admin writes a DateTimeField in a list as "2 ธันวาคม 2026, 3:20" (a
Christian-era year) and an integer as "2564"; ``ThaiDisplayAdminMixin`` puts a
display function in place of every such model field in ``list_display``,
read-only fields and ``list_filter``, so editors read "๒ ธ.ค. ๒๕๖๙ ๐๓:๒๐ น."
and "๒๕๖๔". Sorting still uses the field. Used by ``PlanContentAdmin`` and the
other admins of the portal.
"""

import datetime as dt
from decimal import Decimal

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html

from thaimuang_plan.lib import formatting

SUFFIX = "_th"
_NUMBERS = (models.IntegerField, models.DecimalField, models.FloatField)
_SHOWN = (models.DateField, models.BooleanField, *_NUMBERS)


def thai_value(value) -> str:
    """A date, moment or number in Thai for a person to read ("" for nothing)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return formatting.moment(value)
    if isinstance(value, dt.date):
        return formatting.date(value, short=True)
    if isinstance(value, Decimal | float):
        return formatting.quantity(value)
    return formatting.digits(value)


def _model_field(model, name):
    if not isinstance(name, str):
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, _SHOWN) and not field.choices and not field.is_relation:
        return field
    return None


def _boolean_icon(value) -> str:
    # Django's own icon says alt="True"; a screen reader should say ใช่ or ไม่ใช่.
    name, text = {True: ("yes", "ใช่"), False: ("no", "ไม่ใช่")}.get(value, ("unknown", "ไม่ระบุ"))
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), text)


def _display(field):
    def show(obj):
        value = getattr(obj, field.name)
        if isinstance(field, models.BooleanField):
            return _boolean_icon(value)
        return thai_value(value) if value is not None else "-"

    show.short_description = field.verbose_name
    show.admin_order_field = field.name
    return show


def duplicate_rows_message(model, unique_check) -> str:
    """What a formset says about two rows with the same value, naming the field as editors know it."""
    labels = [str(model._meta.get_field(name).verbose_name) for name in unique_check]
    return f"มีมากกว่าหนึ่งแถวที่{' และ'.join(labels)}ซ้ำกัน กรุณาแก้ไขให้ไม่ซ้ำ (แต่ละ{model._meta.verbose_name}มีได้แถวเดียวต่อค่านี้)"


class ThaiValuesFilter(admin.AllValuesFieldListFilter):
    """The "by year" filter with the years written in the portal's digits."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice.get("display") not in (None, ""):
                choice = {**choice, "display": thai_value(choice["display"])}
            yield choice


class ThaiDisplayAdminMixin:
    """Dates with BE years and numbers in the portal's digits in lists, read-only fields and filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.model._meta.get_fields():
            if _model_field(self.model, field.name) is not None and not hasattr(self, field.name + SUFFIX):
                setattr(self, field.name + SUFFIX, _display(field))

    def _thai_name(self, name, keep=()):
        if name in keep or _model_field(self.model, name) is None:
            return name
        return name + SUFFIX

    def get_list_display(self, request):
        keep = set(getattr(self, "list_editable", ()))
        return [self._thai_name(name, keep) for name in super().get_list_display(request)]

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        if not links:
            return links
        keep = set(getattr(self, "list_editable", ()))
        return [self._thai_name(name, keep) for name in links]

    def get_list_filter(self, request):
        result = []
        for item in super().get_list_filter(request):
            field = _model_field(self.model, item)
            numeric = field is not None and isinstance(field, _NUMBERS)
            result.append((item, ThaiValuesFilter) if numeric else item)
        return result

    def get_readonly_fields(self, request, obj=None):
        return [self._thai_name(name) for name in super().get_readonly_fields(request, obj)]

    def get_fieldsets(self, request, obj=None):
        readonly = set(super().get_readonly_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            # View-only: the admin shows every field read-only, through the same display functions.
            readonly = {field.name for field in self.model._meta.get_fields()}
        if not readonly:
            return super().get_fieldsets(request, obj)

        def rename(item):
            if isinstance(item, list | tuple):
                return type(item)(rename(part) for part in item)
            return self._thai_name(item) if item in readonly else item

        return [
            (title, {**options, "fields": [rename(f) for f in options.get("fields", ())]})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def get_formset(self, request, obj=None, **kwargs):
        # Inlines: the form gets the model fields only; the display functions are read-only extras.
        if "fields" not in kwargs:
            names = flatten_fieldsets(self.get_fieldsets(request, obj))
            kwargs["fields"] = [name for name in names if not (name.endswith(SUFFIX) and hasattr(self, name))]
        return super().get_formset(request, obj, **kwargs)
