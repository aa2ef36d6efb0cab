from django.urls import path, re_path

from insights import views

app_name = "insights"

urlpatterns = [
    path("plans/<edition:period>/alignment/", views.alignment, name="alignment"),
    path("plans/<edition:period>/alignment.csv", views.alignment_csv, name="alignment_csv"),
    path("plans/<edition:period>/at-a-glance/", views.summary, name="summary"),
    path("plans/<edition:period>/at-a-glance/pdf/", views.summary_pdf, name="summary_pdf"),
    path("transparency/", views.transparency, name="transparency"),
    re_path(r"^transparency/index\.(?P<fmt>csv|json)$", views.transparency_index, name="transparency_index"),
]
