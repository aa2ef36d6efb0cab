from django.urls import path

from portal import strategy_views as views

app_name = "strategies"

urlpatterns = [
    path("plans/<str:period>/strategies/", views.index, name="index"),
    path("plans/<str:period>/strategies/<slug:slug>/", views.framework, name="framework"),
]
