from django.urls import path

from operations import views

app_name = "operations"

# Under /admin/ so that they share the admin's no-store caching and its look.
urlpatterns = [
    path("admin/second-factor/", views.setup, name="second_factor_setup"),
    path("admin/second-factor/verify/", views.verify, name="second_factor_verify"),
]
