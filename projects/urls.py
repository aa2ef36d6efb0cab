from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("plans/<str:period>/projects/", views.project_list, name="list"),
    path("plans/<str:period>/projects/summary/", views.summary, name="summary"),
    path("plans/<str:period>/projects/<int:number>/", views.detail, name="detail"),
    path("plans/<str:period>/data/", views.downloads, name="downloads"),
    path("plans/<str:period>/data/<str:dataset>.<str:fmt>", views.export, name="export"),
]
