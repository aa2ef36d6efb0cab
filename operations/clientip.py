"""The visitor's address as the trusted proxy saw it.

Behind a proxy every connection comes from the proxy, so REMOTE_ADDR alone would make
every visitor one address: one stranger's wrong passwords would lock everybody out.
Each trusted proxy appends the address it received the request from to
X-Forwarded-For, so the real client is the PROXY_COUNT-th entry from the right;
anything further left was written by the client and is not believed.
"""

from django.conf import settings
from ipware import get_client_ip


def client_ip(request) -> str | None:
    """Used by django-axes (AXES_CLIENT_IP_CALLABLE) and by anything else that counts by address."""
    count = settings.PROXY_COUNT
    if count:
        # python-ipware counts the proxies listed in the header; the nearest proxy lists
        # its client, not itself, hence count - 1. strict=False: a longer header (a client
        # sending its own X-Forwarded-For) still yields the trusted position.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=count - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR")
