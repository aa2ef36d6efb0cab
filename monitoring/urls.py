from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("plans/<str:period>/monitoring/", views.index, name="index"),
    path("plans/<str:period>/monitoring/rounds/<int:pk>/", views.round_detail, name="round"),
]
