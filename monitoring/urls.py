from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("plans/<edition:period>/monitoring/", views.index, name="index"),
    path("plans/<edition:period>/monitoring/rounds/<int:pk>/", views.round_detail, name="round"),
    path("plans/<edition:period>/reports/<int:fiscal_year>/pdf/", views.report_pdf, name="report_pdf"),
]
