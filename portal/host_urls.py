from django.urls import path, re_path

from portal import host_views

app_name = "host"

urlpatterns = [
    path("", host_views.root, name="root"),
    path("organizations/", host_views.landing, name="landing"),
    path("data/", host_views.open_data, name="open_data"),
    re_path(r"^data/projects\.(?P<fmt>csv|xlsx|json)$", host_views.open_data_file, name="open_data_file"),
    # The one-organization portal's addresses (all were under these first segments).
    re_path(r"^(?P<rest>(?:plans|privacy|contact|transparency)(?:/.*)?)$", host_views.legacy, name="legacy"),
]
