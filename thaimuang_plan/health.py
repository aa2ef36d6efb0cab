"""Liveness check for the proxy and the monitoring: is the app up and can it reach its database?"""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        # The exception class only: the message may carry a host name or a user.
        return HttpResponse(
            f"database unavailable ({type(exc).__name__})", status=503, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")
