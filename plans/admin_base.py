"""Base classes for every admin page that edits plan content (any app may use them).

Stable API:

- ``PlanContentAdmin``: a ``reversion`` VersionAdmin (history with who and
  when, restore, recover deleted) whose change form carries the optimistic
  lock (``plans.forms.PlanContentForm``), accepts Thai digits in every number
  field, and offers the action "เรียงลำดับใหม่" on models with an ``order`` field.
  Every page of it is limited to the person's organizations and to the rights of
  their role in each (``plans.admin_scope``, rules in ``plans.tenancy``).
- ``PlanContentStackedInline`` / ``PlanContentTabularInline``: inlines with
  the same lock and number fields, no blank extra rows, and choice lists of
  their foreign keys loaded once per page instead of once per row.
- ``renumber(queryset, *, group_by=...)``: sets ``order`` to 10, 20, 30 ...
  in the current order, per parent.
- ``THAI_NUMBER_FIELDS``: the ``formfield_overrides`` the classes above use.

Register models with reversion explicitly (``reversion.register(Model,
follow=[...])``) before their admin, so that a restored parent brings its
children back; VersionAdmin only guesses ``follow`` from the inlines.
"""

from collections import defaultdict
from itertools import count

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models, router, transaction
from django.db.models import Q
from django.forms import ModelChoiceField, Textarea
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from reversion.admin import VersionAdmin

from plans.admin_display import ThaiDisplayAdminMixin, duplicate_rows_message
from plans.admin_history import HistoryAdminMixin
from plans.admin_scope import OrganizationScopedAdmin, OrganizationScopedInline
from plans.forms import (
    LOCK_FIELD,
    ROW_LOCK_PREFIX,
    ChangeListRowForm,
    PlanContentForm,
    ThaiDecimalField,
    ThaiIntegerField,
    ThaiNumberInput,
    token_of,
)
from plans.revisions import revision
from plans.widgets import THAI_DATE_FIELDS
from thaimuang_plan.lib.formatting import digits

THAI_NUMBER_FIELDS = {
    models.IntegerField: {"form_class": ThaiIntegerField, "widget": ThaiNumberInput},
    models.BigIntegerField: {"form_class": ThaiIntegerField, "widget": ThaiNumberInput},
    models.DecimalField: {"form_class": ThaiDecimalField, "widget": ThaiNumberInput},
    # Dates too: BE years, Thai digits, a Thai calendar (plans/widgets.py).
    **THAI_DATE_FIELDS,
}

RENUMBER_STEP = 10
RENUMBER = "เรียงลำดับใหม่ (๑๐, ๒๐, ๓๐ …)"
RENUMBERED = "เรียงลำดับใหม่แล้ว {count} รายการ (ลำดับเป็น ๑๐, ๒๐, ๓๐ … แทรกรายการใหม่ระหว่างกลางได้โดยใช้เลขที่อยู่ระหว่างนั้น)"

STALE_ACTION = (
    "ยังไม่ได้ดำเนินการ: มีผู้อื่นแก้ไข {rows} หลังจากที่คุณเปิดหน้ารายการนี้ "
    "กรุณาดูรายการล่าสุดในหน้านี้ (โหลดใหม่แล้ว) แล้วเลือกและสั่งอีกครั้ง"
)


@transaction.atomic
def renumber(queryset, *, group_by: tuple[str, ...] = ()) -> int:
    """Give the rows ``order`` 10, 20, 30 ... in their current order, counting per parent.

    ``group_by`` names the fields that make a parent (e.g. ``("framework",)``).
    Saves with ``update_fields`` so ``updated_at`` moves on and open forms of
    these rows become stale, as they should. Returns the number of rows.
    """
    attnames = [queryset.model._meta.get_field(name).attname for name in group_by]
    counters = defaultdict(count)
    rows = list(queryset.order_by(*attnames, "order", "pk"))
    for row in rows:
        key = tuple(getattr(row, name) for name in attnames)
        row.order = (next(counters[key]) + 1) * RENUMBER_STEP
        row.save(update_fields=["order", "updated_at"])
    return len(rows)


def _strip_lock_field(fieldsets, *, keep: bool):
    """Fieldsets without the lock token, then with it once at the end when ``keep``."""
    result = []
    for name, options in fieldsets:
        fields = [f for f in options.get("fields", ()) if f != LOCK_FIELD]
        result.append((name, {**options, "fields": fields}))
    if keep and result:
        name, options = result[-1]
        result[-1] = (name, {**options, "fields": [*options["fields"], LOCK_FIELD]})
    return result


class PlanContentAdmin(OrganizationScopedAdmin, HistoryAdminMixin, ThaiDisplayAdminMixin, VersionAdmin):
    """ModelAdmin for plan content: history and restore, optimistic locking, Thai numbers."""

    form = PlanContentForm
    formfield_overrides = THAI_NUMBER_FIELDS
    history_latest_first = True
    list_per_page = 50
    save_on_top = True
    #: The fields that make a row's parent, for "เรียงลำดับใหม่", e.g. ("framework",).
    renumber_group_by: tuple[str, ...] = ()

    object_history_template = "admin/reversion/object_history.html"
    recover_list_template = "admin/reversion/recover_list.html"
    change_list_template = "admin/reversion/change_list.html"
    delete_selected_confirmation_template = "admin/plans/delete_selected_confirmation.html"

    # --- the lock token on the form ---------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        can_save = obj is not None and self.has_change_permission(request, obj)
        return _strip_lock_field(fieldsets, keep=can_save)

    # --- the lock token on change lists and actions -------------------------

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", ChangeListRowForm)
        return super().get_changelist_form(request, **kwargs)

    def response_action(self, request, queryset):
        stale = self._stale_selection(request)
        if stale:
            names = ", ".join(f"“{name}”" for name in stale[:5])
            self.message_user(request, STALE_ACTION.format(rows=names), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def _stale_selection(self, request) -> list[str]:
        """Names of the selected rows changed since the list was shown (or sent without a token).

        "Select all N" reaches rows the editor never saw on this page; for those
        there is no token to compare, so only the rows shown are checked.
        """
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        across = request.POST.get("select_across") == "1"
        prefix = ROW_LOCK_PREFIX
        sent = {key[len(prefix) :]: value for key, value in request.POST.items() if key.startswith(prefix)}
        wanted = set(sent) if across else set(selected)
        if not wanted:
            return []
        # Within the person's organizations: a posted id of another's row names nothing.
        rows = self.within_scope(request, self.model._default_manager.filter(pk__in=wanted))
        if transaction.get_connection(router.db_for_write(self.model)).in_atomic_block:
            rows = rows.select_for_update()
        return [str(row) for row in rows if sent.get(str(row.pk)) != token_of(row.updated_at)]

    # --- reordering ------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self._has_order_field() and self.has_change_permission(request):
            action = type(self).renumber_selected
            actions["renumber_selected"] = (action, "renumber_selected", action.short_description)
        return actions

    def _has_order_field(self) -> bool:
        return any(f.name == "order" for f in self.model._meta.get_fields())

    @admin.action(description=RENUMBER)
    def renumber_selected(self, request, queryset):
        # Renumber every sibling of the chosen rows, not only the chosen ones,
        # so that the new numbers cannot collide with the rest of the list.
        group_by = self.renumber_group_by
        if group_by:
            attnames = [self.model._meta.get_field(name).attname for name in group_by]
            parents = Q(pk__in=[])  # no row chosen (or none of them the person's): no sibling either
            for key in set(queryset.values_list(*attnames)):
                parents |= Q(**dict(zip(attnames, key, strict=True)))
            queryset = self.within_scope(request, self.model._default_manager.filter(parents))
        with revision(user=request.user, comment=RENUMBER):
            done = renumber(queryset, group_by=group_by)
        self.message_user(request, RENUMBERED.format(count=digits(done)), messages.SUCCESS)


class PlanContentInlineFormSet(BaseInlineFormSet):
    """Rows of an inline: shared choice lists, choices limited to the parent, inherited fields.

    Without shared choice lists every row's <select> runs its own query, so a
    framework with forty tactics would cost forty queries to open.
    """

    #: {field name: lookup from that field's model to the parent}, from the inline.
    choices_within: dict[str, str] = {}
    #: Fields a new row copies from the parent (e.g. a tactic's framework from its strategy).
    inherit_from_parent: tuple[str, ...] = ()

    def _construct_form(self, i, **kwargs):
        return self._prepare(super()._construct_form(i, **kwargs))

    def get_unique_error_message(self, unique_check):
        return duplicate_rows_message(self.model, unique_check)

    @property
    def empty_form(self):
        return self._prepare(super().empty_form)

    def _prepare(self, form):
        for name in self.inherit_from_parent:
            attname = form.instance._meta.get_field(name).attname
            if getattr(form.instance, attname) is None:
                setattr(form.instance, attname, getattr(self.instance, attname))
        cache = self.__dict__.setdefault("_choice_cache", {})
        for name, field in form.fields.items():
            if not isinstance(field, ModelChoiceField) or name == self.fk.name:
                continue
            if name not in cache:
                if name in self.choices_within:
                    parent = self.instance if self.instance.pk is not None else None
                    field.queryset = (
                        field.queryset.filter(**{self.choices_within[name]: parent})
                        if parent
                        else field.queryset.none()
                    )
                cache[name] = (field.queryset, list(field.choices))
            field.queryset, field.choices = cache[name]
        return form


class PlanContentInlineMixin(OrganizationScopedInline, ThaiDisplayAdminMixin):
    """Inline behaviour shared by the stacked and tabular variants.

    ``choices_within`` limits a foreign key's choices to the parent being
    edited, e.g. ``{"goal": "strategy"}`` on a strategy's tactics;
    ``inherit_from_parent`` copies fields of the parent into new rows.
    """

    form = PlanContentForm
    formset = PlanContentInlineFormSet
    # Rows of an inline sit side by side: short text boxes keep a long list readable.
    formfield_overrides = {**THAI_NUMBER_FIELDS, models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 60})}}
    extra = 0
    show_change_link = True
    choices_within: dict[str, str] = {}
    inherit_from_parent: tuple[str, ...] = ()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return _strip_lock_field(fieldsets, keep=obj is not None and self.has_change_permission(request, obj))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        attrs = {"choices_within": self.choices_within, "inherit_from_parent": self.inherit_from_parent}
        return type(formset.__name__, (formset,), attrs)


class PlanContentStackedInline(PlanContentInlineMixin, admin.StackedInline):
    pass


class PlanContentTabularInline(PlanContentInlineMixin, admin.TabularInline):
    pass
