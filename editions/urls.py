"""Public pages: the comparison of two editions (and its CSV), under an edition's address."""

from django.urls import path

from editions import views

app_name = "editions"

urlpatterns = [
    path("plans/<edition:period>/compare/", views.compare_previous, name="compare_previous"),
    path("plans/<edition:period>/compare/<edition:other>/", views.compare, name="compare"),
    path("plans/<edition:period>/compare/<edition:other>/csv/", views.compare_csv, name="compare_csv"),
]
