"""The portal's URLs plus /bench/trivial, a view that touches no database: the baseline."""

from django.http import HttpResponse
from django.urls import path

from thaimuang_plan.urls import urlpatterns as portal_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *portal_urlpatterns]
