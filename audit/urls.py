from django.contrib import admin
from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("", admin.site.admin_view(views.history), {"site": admin.site}, name="history"),
]
