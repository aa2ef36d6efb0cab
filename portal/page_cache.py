"""Public pages served from cache, per content version of their edition.

A resident's page changes only when an editor saves, so its HTML is kept under
a key that names the edition's content version (``Edition.content_version``,
raised by every save, portal/versions.py): a save makes exactly that edition's
pages miss, in every process at once, with nothing to delete. Pages that show
every edition (home, the list of editions) are keyed by the versions of all of
them. Signed-in staff (drafts, previews), requests that carry a session
cookie, and pages that set a cookie or hold a CSRF token are never cached.

Two tiers: this process's memory (no round trip; a key is never stale, since
it names the version) in front of the shared cache (``CACHES["pages"]``: the
database by default, Redis in production), so a page rendered by one process
is served by all.

Finding the version is the one thing a hit asks of anything shared. Looking the
edition up costs more than the rest of a hit together, so each process remembers
what it found for an address, for as long as the shared cache's *change mark*
(CHANGED_KEY) is the one it read before looking: after every commit that changes
an edition or an organization, the writing process puts a new mark there
(``content_changed``), and every process looks its addresses up again. A hit is
then one read of a short key. A page is still kept under its own edition's
version, so a save makes only the pages it affects miss.

Search results are pages too (under the edition's version, like the others), but any text
can be searched: they stay in each process's memory, in a small LRU of their own, and never
reach the shared cache.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.http import HttpResponse

from plans.access import current_edition, edition_for
from plans.models import Edition, Organization

LOGGER = logging.getLogger(__name__)

# Views whose answers are not pages: PDFs stream their own stored file with an ETag.
SKIP_VIEWS = {"plan_pdf", "report_pdf", "summary_pdf"}
# Search takes any text: its pages are kept only in each process's own memory, in a small LRU
# of their own, so that one-off queries can neither fill the shared cache nor push pages out.
LOCAL_ONLY_VIEWS = {"search"}
# Views of one organization without an edition in their address: they depend on all its editions.
ORGANIZATION_VIEWS = {"editions", "privacy", "contact", "transparency", "transparency_index"}
# The host's views across organizations (portal.host_views).
SITE_VIEWS = {"landing", "open_data_file"}
MAX_QUERY = 200
# In CACHES["pages"]: changes after every commit that changes any edition or organization.
CHANGED_KEY = "changed"
# How long a process trusts an address it looked up even though the mark did not change: only
# a lost write of the mark (the shared cache failing just then) could make that wrong.
ADDRESS_TRUST_SECONDS = 30


@lru_cache(maxsize=1)
def release() -> str:
    """A digest of the code and templates: a deploy changes pages without a save."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for pattern in ("*/*.py", "*/*/*.py", "templates/**/*.html", "*/templates/**/*.html"):
        for path in sorted(base.glob(pattern)):
            if ".venv" in path.parts or "tests" in path.parts:
                continue
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    digest.update(str(settings.PORTAL_DIGITS).encode())
    return digest.hexdigest()[:12]


def content_changed(*args, **kwargs) -> None:
    """After a commit that changed an edition (versions.on_change) or an organization: a new
    change mark, so that every process looks its addresses up again."""
    try:
        caches["pages"].set(CHANGED_KEY, secrets.token_hex(8), None)
    except Exception:  # the save is committed; processes trust what they found for a while only
        LOGGER.exception("could not renew the page cache's change mark")


def organization_saved(sender, **kwargs) -> None:
    """An organization's name or slug shows on the host's pages, edition or not."""
    if not kwargs.get("raw"):
        transaction.on_commit(content_changed)  # which never raises


def change_mark(shared) -> str | None:
    """The change mark, read before an address is looked up; None if the shared cache has none
    to give (then nothing is remembered)."""
    try:
        mark = shared.get(CHANGED_KEY)
        if mark is None:  # never set, or evicted: start one (add: never over a writer's)
            shared.add(CHANGED_KEY, secrets.token_hex(8), None)
            mark = shared.get(CHANGED_KEY)
    except Exception:  # the shared cache is down: look up every time
        return None
    return mark


def address_key(view_name: str, kwargs: dict) -> tuple | None:
    """What a version depends on besides the content: the address's organization and period."""
    if "period" in kwargs:
        return ("edition", kwargs["org"], kwargs["period"])
    if view_name == "home" and "org" in kwargs:
        return ("home", kwargs["org"])
    if view_name in ORGANIZATION_VIEWS and "org" in kwargs:
        return ("organization", kwargs["org"])
    if view_name in SITE_VIEWS:
        return ("site",)
    return None


def _edition_version(request, view_name: str, kwargs: dict) -> str | None:
    """The version part of the key, from the database; None when the page is not cached."""
    if "period" in kwargs:
        try:
            edition = edition_for(request, kwargs["org"], kwargs["period"])
        except Exception:  # 404, a withdrawn edition (410): the view answers, uncached
            return None
        return f"e{edition.pk}.{edition.content_version}"
    if view_name == "home" and "org" in kwargs:
        edition = current_edition(request, kwargs["org"])
        return f"e{edition.pk}.{edition.content_version}" if edition else None
    # Content versions only rise, so their sum changes with any save of any of these editions.
    if view_name in ORGANIZATION_VIEWS and "org" in kwargs:
        versions = Edition.objects.filter(organization__slug=kwargs["org"]).aggregate(
            total=Sum("content_version"), count=Count("pk")
        )
        return f"o.{kwargs['org']}.{versions['total']}.{versions['count']}"
    if view_name in SITE_VIEWS:
        # The host's pages read every organization's plans and the organizations' own details.
        versions = Edition.objects.aggregate(total=Sum("content_version"), count=Count("pk"))
        organizations = Organization.objects.aggregate(changed=Max("updated_at"), count=Count("pk"))
        changed = organizations["changed"].timestamp() if organizations["changed"] else 0
        return f"all.{versions['total']}.{versions['count']}.{organizations['count']}.{changed}"
    return None


def page_key(request, version: str) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{release()}:{version}:{request.method}:{path}"


class _LocalPages:
    """This process's most recent pages, as they are (no pickling on a hit): a small LRU."""

    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict[str, tuple] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def set(self, key, value):
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


class PublicPageCacheMiddleware:
    """Answer residents' GET requests from the cache; keep what the view renders for the next one."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.local = _LocalPages(settings.PAGE_CACHE_LOCAL_ENTRIES)
        self.local_searches = _LocalPages(settings.PAGE_CACHE_LOCAL_SEARCHES)
        # address_key -> (change mark, when looked up, version): what this process found.
        self.addresses = _LocalPages(settings.PAGE_CACHE_LOCAL_ENTRIES)
        self.shared = caches["pages"]

    def version(self, request, view_name: str, kwargs: dict) -> str | None:
        """The version part of the page's key: remembered while the change mark stays, else looked up."""
        address = address_key(view_name, kwargs)
        if address is None:
            return None
        mark = change_mark(self.shared)
        known = self.addresses.get(address)
        if mark is not None and known is not None:
            known_mark, looked_up, version = known
            if known_mark == mark and time.monotonic() - looked_up < ADDRESS_TRUST_SECONDS:
                return version
        version = _edition_version(request, view_name, kwargs)
        if mark is not None and version is not None:
            # Under the mark read *before* the look-up: a change committed meanwhile has put
            # a new mark, so this is looked up again next time.
            self.addresses.set(address, (mark, time.monotonic(), version))
        return version

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key and self._cacheable(request, response):
            stored = (response.status_code, list(response.items()), response.content)
            if request.page_cache_local_only:
                self.local_searches.set(key, stored)
            else:
                self.local.set(key, stored)
                self.shared.set(key, stored)
            response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return None
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY or request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            return None  # a session cookie: someone signed in (or who was), whose pages may differ
        view_name = getattr(view_func, "__name__", "")
        if view_name in SKIP_VIEWS or request.resolver_match is None:
            return None
        if request.resolver_match.app_name == "admin" or request.path.startswith("/admin/"):
            return None
        version = self.version(request, view_name, view_kwargs)
        if version is None:
            return None
        key = page_key(request, version)
        local_only = view_name in LOCAL_ONLY_VIEWS
        if local_only:
            stored = self.local_searches.get(key)
        else:
            stored = self.local.get(key)
            if stored is None:
                stored = self.shared.get(key)
                if stored is not None:
                    self.local.set(key, stored)
        if stored is None:
            request.page_cache_key = key
            request.page_cache_local_only = local_only
            return None
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _cacheable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds a CSRF token: it belongs to one visitor
        if getattr(request, "session", None) is not None and request.session.modified:
            return False
        # No session cookie came in (process_view), so the session read is empty: the
        # page cannot depend on who asked, only on the address and the content.
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated
