"""The admin pages of a plan's life, mounted at /admin/editions/ (before the admin's own catch-all)."""

from django.contrib import admin
from django.urls import path

from editions import admin_views

app_name = "editions_admin"


def _admin(view):
    # Staff only, as every admin page: anyone else goes to the admin's login page.
    return admin.site.admin_view(view)


urlpatterns = [
    path("<int:pk>/revise/", _admin(admin_views.revise), name="revise"),
    path("<int:pk>/publish/", _admin(admin_views.publish), name="publish"),
    path("<int:pk>/withdraw/", _admin(admin_views.withdraw), name="withdraw"),
    path("<int:pk>/next-plan/", _admin(admin_views.next_plan), name="next_plan"),
]
