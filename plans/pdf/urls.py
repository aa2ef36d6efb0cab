from django.urls import path

from plans.pdf import views

app_name = "pdf"

urlpatterns = [
    path("plans/<str:period>/pdf/", views.plan_pdf, name="plan"),
    path("plans/<str:period>/reports/<int:fiscal_year>/pdf/", views.report_pdf, name="report"),
]
