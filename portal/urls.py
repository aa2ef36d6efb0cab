from django.urls import path

from portal import views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/", views.editions, name="editions"),
    path("plans/<str:period>/", views.edition, name="edition"),
    path("plans/<str:period>/document/", views.document, name="document"),
    path("plans/<str:period>/document/<int:order>/", views.chapter, name="chapter"),
    path("plans/<str:period>/search/", views.search, name="search"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
]
