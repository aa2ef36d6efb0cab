"""The people admin for hosts: they create accounts and reset passwords for the organizations they
serve, but cannot raise anyone (themselves included) to superuser, give permissions or groups by
hand, or touch a superuser's account. Roles come only through memberships (admin_members.py)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

# Only a superuser sets these by hand; for everyone else a membership decides them.
PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")

User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class PeopleAdmin(UserAdmin):
    def get_queryset(self, request):
        people = super().get_queryset(request)
        return people if request.user.is_superuser else people.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else fields + PRIVILEGE_FIELDS
