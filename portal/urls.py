from django.urls import path

from portal import views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/", views.editions, name="editions"),
    path("plans/<edition:period>/", views.edition, name="edition"),
    path("plans/<edition:period>/document/", views.document, name="document"),
    path("plans/<edition:period>/chapters/<str:key>/", views.chapter, name="chapter"),
    # Chapters were once addressed by position; those links still lead to the chapter.
    path("plans/<edition:period>/document/<int:order>/", views.chapter_by_position, name="chapter_by_position"),
    path("plans/<edition:period>/search/", views.search, name="search"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
]
