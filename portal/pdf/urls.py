from django.urls import path

from portal.pdf import views

app_name = "pdf"

urlpatterns = [
    path("plans/<edition:period>/pdf/", views.plan_pdf, name="plan"),
]
