"""Public comparison pages, and the admin pages of a plan's life (mounted under /admin/editions/)."""

from django.contrib import admin
from django.urls import path

from editions import admin_views, views

app_name = "editions"


def _admin(view):
    return admin.site.admin_view(view)


urlpatterns = [
    path("plans/<edition:period>/compare/", views.compare_previous, name="compare_previous"),
    path("plans/<edition:period>/compare/<edition:other>/", views.compare, name="compare"),
    path("plans/<edition:period>/compare/<edition:other>/csv/", views.compare_csv, name="compare_csv"),
    path("admin/editions/<int:pk>/revise/", _admin(admin_views.revise), name="revise"),
    path("admin/editions/<int:pk>/publish/", _admin(admin_views.publish), name="publish"),
    path("admin/editions/<int:pk>/withdraw/", _admin(admin_views.withdraw), name="withdraw"),
    path("admin/editions/<int:pk>/next-plan/", _admin(admin_views.next_plan), name="next_plan"),
]
