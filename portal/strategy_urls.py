from django.urls import path

from portal import strategy_views as views

app_name = "strategies"

urlpatterns = [
    path("plans/<edition:period>/strategies/", views.index, name="index"),
    path("plans/<edition:period>/strategies/<slug:slug>/", views.framework, name="framework"),
]
