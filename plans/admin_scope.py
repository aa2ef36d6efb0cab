"""The admin limited to the organizations a person acts for, on every page (rules: plans.tenancy).

``OrganizationScopedAdmin`` (mixed into ``PlanContentAdmin`` and the portal's other admins):

- lists, searches, autocomplete answers and "select all" reach only rows of organizations
  where the person may view (or change) that kind of row;
- another organization's row is a 404 on its change, delete, history and restore pages,
  the same answer as a row that does not exist;
- view, add, change and delete are checked in the row's own organization, with the
  rights of the role held there (an editor of A on B's committee only reads B);
- choice lists and list filters offer only rows of those organizations, so a posted id
  of another organization's row is refused by the form like any invalid choice, and a
  row cannot point at parents of two organizations;
- actions and list edits act only on the rows the person may act on.

``OrganizationScopedInline`` does the same for inlines, in the parent's organization.
"""

from __future__ import annotations

import functools

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404

from plans import tenancy

NOT_FOUND = "ไม่พบรายการนี้ (อาจถูกลบไปแล้ว หรือเป็นของหน่วยงานที่คุณไม่ได้เป็นสมาชิก)"
MIXED_ORGANIZATIONS = "รายการหนึ่งเชื่อมโยงได้เฉพาะกับรายการของหน่วยงานเดียวกัน แต่ {fields} ที่เลือกเป็นของต่างหน่วยงานกัน"


def _write_perms(model) -> tuple[str, str]:
    return tenancy.perm_name(model, "add"), tenancy.perm_name(model, "change")


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A filter by a related row that lists only the related rows of the list's own organizations."""

    def field_choices(self, field, request, model_admin):
        related = field.remote_field.model
        queryset = tenancy.scope_with(related._default_manager.all(), request.user, *tenancy.view_perms(model_admin.model))
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            queryset = queryset.order_by(*ordering)
        return [(row.pk, str(row)) for row in queryset]


class OneOrganizationForm(forms.ModelForm):
    """Refuses a row whose chosen parents belong to different organizations."""

    def clean(self):
        cleaned = super().clean()
        organizations: dict[int, list[str]] = {}
        memo: dict = {}
        for name, value in cleaned.items():
            rows = value if isinstance(value, models.QuerySet | list | tuple) else [value]
            for row in rows:
                if not isinstance(row, models.Model) or tenancy.organization_path(type(row)) is None:
                    continue
                organization = tenancy.organization_of(row, memo=memo)
                if organization is not None:
                    label = str(self.fields[name].label or name)
                    organizations.setdefault(organization, [])
                    if label not in organizations[organization]:
                        organizations[organization].append(label)
        if len(organizations) > 1:
            labels = sorted({label for names in organizations.values() for label in names})
            raise forms.ValidationError(MIXED_ORGANIZATIONS.format(fields=", ".join(f"“{x}”" for x in labels)))
        return cleaned


class _ScopedChoices:
    """Choice lists of foreign keys and many-to-many fields, for a ModelAdmin or an inline."""

    def _limit_choices(self, db_field, request, kwargs) -> None:
        related = db_field.remote_field.model
        if tenancy.organization_path(related) is None:
            return
        queryset = kwargs.get("queryset")
        if queryset is None:
            queryset = self.get_field_queryset(kwargs.get("using"), db_field, request)
        if queryset is None:
            queryset = related._default_manager.using(kwargs.get("using")).all()
        # Rows this person may attach a row of this admin's kind to: where they may add or change it.
        kwargs["queryset"] = tenancy.scope_with(queryset, request.user, *_write_perms(self.model))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._limit_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._limit_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _holds(self, request, obj, *actions: str) -> bool:
        """Whether the person holds one of ``actions`` on this kind of row in ``obj``'s organization
        (``obj=None``: in at least one organization)."""
        return any(tenancy.has_perm_in(request.user, tenancy.perm_name(self.model, a), obj) for a in actions)


class OrganizationScopedAdmin(_ScopedChoices):
    """Mixed into a ModelAdmin before the admin class; see the module docstring."""

    def get_queryset(self, request):
        return self.within_scope(request, super().get_queryset(request))

    def within_scope(self, request, queryset):
        """``queryset`` of this admin's model limited to the rows this person may see."""
        return tenancy.scope_with(queryset, request.user, *tenancy.view_perms(self.model))

    def get_object(self, request, object_id, from_field=None):
        # Django sends an unknown id to the index with a message; another organization's row
        # must not be told apart from a missing one, and a 404 says so to the person and the tests.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(NOT_FOUND)
        return obj

    # --- rights, in the row's organization -------------------------------------------

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._holds(request, obj, "view", "change")

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and self._holds(request, None, "add")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._holds(request, obj, "change")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._holds(request, obj, "delete")

    def save_model(self, request, obj, form, change):
        # The choice lists keep a row within the person's organizations; this is the last word.
        if not self._holds(request, obj, "change" if change else "add"):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (OneOrganizationForm, form), {})

    # --- lists ---------------------------------------------------------------------

    def get_list_filter(self, request):
        result = []
        for item in super().get_list_filter(request):
            if isinstance(item, str) and self._filters_by_scoped_row(item):
                item = (item, ScopedRelatedFieldListFilter)
            result.append(item)
        return result

    def _filters_by_scoped_row(self, path: str) -> bool:
        try:
            field = get_fields_from_path(self.model, path)[-1]
        except (FieldDoesNotExist, NotRelationField):
            return False
        return bool(field.is_relation and tenancy.organization_path(field.related_model) is not None)

    def get_actions(self, request):
        return {
            name: (_within_rights(func), name, description)
            for name, (func, _name, description) in super().get_actions(request).items()
        }

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        user, perm = request.user, tenancy.perm_name(self.model, "change")

        class ScopedChangeListFormSet(formset):
            def __init__(self, *args, queryset=None, **kwargs):
                # A saved list edit touches only rows the person may change; the rows shown
                # (a page, already sliced) are limited by get_queryset.
                if isinstance(queryset, models.QuerySet) and not queryset.query.is_sliced:
                    queryset = tenancy.scope_with(queryset, user, perm)
                super().__init__(*args, queryset=queryset, **kwargs)

        return ScopedChangeListFormSet


def _within_rights(func):
    """An admin action given only the selected rows whose organization lets the person do it."""
    needed = getattr(func, "allowed_permissions", None) or ("view",)

    @functools.wraps(func)
    def action(model_admin, request, queryset):
        for permission in needed:
            queryset = tenancy.scope_with(queryset, request.user, tenancy.perm_name(model_admin.model, permission))
        return func(model_admin, request, queryset)

    return action


class OrganizationScopedInline(_ScopedChoices):
    """Mixed into an InlineModelAdmin: its rows, choices and rights in the parent's organization."""

    def get_queryset(self, request):
        return tenancy.scope_with(super().get_queryset(request), request.user, *tenancy.view_perms(self.model))

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._holds(request, obj, "view", "change")

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._holds(request, obj, "add")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._holds(request, obj, "change")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._holds(request, obj, "delete")
