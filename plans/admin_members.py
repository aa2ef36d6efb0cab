"""Who belongs to which organization, in the admin: hosts manage it (plans.membership rights are theirs).

The list of memberships, and an inline of them on each organization's page. Saving or
deleting one puts the person in the groups of the roles they still hold
(``plans.memberships.member_groups_sync``), so the admin shows them what their roles may see.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model

from plans.admin_display import ThaiDisplayAdminMixin
from plans.admin_scope import OrganizationScopedAdmin, OrganizationScopedInline
from plans.memberships import member_groups_sync
from plans.models import Membership


def _sync(users) -> None:
    for user in {user.pk: user for user in users if user is not None}.values():
        member_groups_sync(user)


def _previous_user(form):
    """The person a changed membership belonged to before this save (they may have lost a role)."""
    if "user" not in form.changed_data or not form.initial.get("user"):
        return None
    return get_user_model().objects.filter(pk=form.initial["user"]).first()


def memberships_saved(formset) -> None:
    """After an inline of memberships is saved: the groups of everyone it added, changed or removed."""
    users = [form.instance.user for form in formset.forms if form.instance.user_id]
    users += [membership.user for membership in formset.deleted_objects]
    users += [_previous_user(form) for form in formset.forms]
    _sync(users)


class MembershipInline(OrganizationScopedInline, ThaiDisplayAdminMixin, admin.TabularInline):
    model = Membership
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user"]
    extra = 0
    verbose_name_plural = "สมาชิกของหน่วยงาน (ผู้ใช้และบทบาท: คณะทำงานแก้ไขแผน คณะกรรมการบันทึกผลการติดตาม)"


@admin.register(Membership)
class MembershipAdmin(OrganizationScopedAdmin, ThaiDisplayAdminMixin, admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organization__name"]
    list_select_related = ["user", "organization"]
    autocomplete_fields = ["user", "organization"]
    fields = ["user", "organization", "role"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _sync([obj.user, _previous_user(form)])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        _sync([obj.user])

    def delete_queryset(self, request, queryset):
        users = [membership.user for membership in queryset.select_related("user")]
        super().delete_queryset(request, queryset)
        _sync(users)
