from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("plans/<edition:period>/projects/", views.project_list, name="list"),
    path("plans/<edition:period>/projects/summary/", views.summary, name="summary"),
    path("plans/<edition:period>/projects/<int:number>/", views.detail, name="detail"),
    path("plans/<edition:period>/data/", views.downloads, name="downloads"),
    path("plans/<edition:period>/data/<str:dataset>.<str:fmt>", views.export, name="export"),
]
