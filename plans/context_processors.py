from django.conf import settings


def portal(request):
    """Site-wide facts every template needs: the digit style chosen for the portal."""
    return {"PORTAL_DIGITS": settings.PORTAL_DIGITS}
