"""Turns a request for a withdrawn edition into its public notice (410 Gone)."""

from django.shortcuts import render

from plans.access import EditionWithdrawn
from plans.models import Edition


class WithdrawnEditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, EditionWithdrawn):
            return None
        edition = exception.edition
        current = Edition.objects.select_related("organization").current()
        context = {"withdrawn": edition, "organization": edition.organization, "current": current}
        return render(request, "plans/withdrawn.html", context, status=410)
