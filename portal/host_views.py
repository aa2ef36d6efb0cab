"""The host's own pages: the organizations it serves, open data across them, and the
addresses of the one-organization portal, which now lead into an organization's."""

import re

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from plans.converters import EditionAddressConverter
from plans.models import Edition, Organization
from portal.directory import directory
from portal.search import clean_query
from projects import exports


@require_GET
def root(request):
    """"/": a deployment of one organization opens its plan, as before; a host shows its list.

    Not a permanent redirect: the day a second organization joins, "/" becomes the list."""
    organizations = list(Organization.objects.order_by("pk").values_list("slug", flat=True)[:2])
    if len(organizations) == 1:
        return redirect("plans:home", org=organizations[0])
    return landing(request)


@require_GET
def landing(request):
    # Typed or tampered text goes through the search box's own cleaning (PostgreSQL refuses a NUL).
    found = directory(
        query=clean_query(request.GET.get("q", "")),
        province=clean_query(request.GET.get("province", "")),
        district=clean_query(request.GET.get("district", "")),
        page=request.GET.get("page", 1),
    )
    return render(request, "host/landing.html", {"directory": found, "nav": "landing"})


@require_GET
def open_data(request):
    return render(request, "host/open_data.html", {"formats": list(exports.FORMATS)})


@require_GET
def open_data_file(request, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404("ไม่มีรูปแบบไฟล์นี้")
    dataset = exports.published_projects_dataset()
    body = {"csv": exports.to_csv, "xlsx": exports.to_xlsx, "json": exports.to_json}[fmt](dataset)
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"projects-all.{fmt}")
    return response


def _organizations_at(rest: str) -> list[Organization]:
    """The organizations an address of the one-organization portal may mean: all of them, or
    for a plan's address only those that have a plan there."""
    organizations = Organization.objects.order_by("province", "district", "name")
    head, _, tail = rest.partition("/")
    # The plan's address is what the <edition:period> converter reads (2563-2565 or 2563-2565/r1).
    period = re.match(EditionAddressConverter.regex, tail) if head == "plans" else None
    if period is not None:
        having = Edition.objects.at_address(period.group()).values("organization_id")
        organizations = organizations.filter(pk__in=having)
    return list(organizations[:200])


@require_GET
def legacy(request, rest: str):
    """/plans/2563-2565/… and the other addresses from before organizations had their own:
    permanently to the organization's address when only one can be meant, else a choice."""
    organizations = _organizations_at(rest)
    query = request.META.get("QUERY_STRING", "")
    targets = [(o, f"/{o.slug}/{rest}" + (f"?{query}" if query else "")) for o in organizations]
    if len(targets) == 1:
        return HttpResponsePermanentRedirect(targets[0][1])
    if not targets:
        raise Http404("ไม่พบแผนตามที่อยู่นี้")
    return render(request, "host/choose_organization.html", {"targets": targets}, status=300)
