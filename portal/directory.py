"""The host's list of the organizations it serves, each with its current plan in figures.

A fixed number of queries however many organizations there are: one for the page of
organizations, one for their current editions, one for those editions' projects and
budgets. The landing page (portal.host_views) lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, Sum

from plans.models import Edition, Organization
from projects.models import Project, ProjectBudget

PER_PAGE = 50


@dataclass(frozen=True)
class DirectoryEntry:
    organization: Organization
    edition: Edition | None  # the organization's current published edition
    project_count: int
    total_budget: Decimal
    has_sample: bool


@dataclass(frozen=True)
class Directory:
    page: Page
    entries: list[DirectoryEntry]
    provinces: list[str]
    districts: list[str]  # of the chosen province, or every district when none is chosen
    query: str
    province: str
    district: str
    total: int  # organizations matching the filters


def _matching(query: str, province: str, district: str):
    organizations = Organization.objects.all()
    if query:
        organizations = organizations.filter(
            Q(name__icontains=query) | Q(short_name__icontains=query) | Q(code__iexact=query) | Q(slug__iexact=query)
        )
    if province:
        organizations = organizations.filter(province=province)
    if district:
        organizations = organizations.filter(district=district)
    return organizations.order_by("province", "district", "name", "pk")


def _current_editions(organization_ids: list[int]) -> dict[int, Edition]:
    """Each organization's newest published edition (Edition.objects.current, for many at once)."""
    current: dict[int, Edition] = {}
    editions = Edition.objects.published().filter(organization_id__in=organization_ids)
    for edition in editions.order_by("organization_id", "-start_year", "-revision_number"):
        current.setdefault(edition.organization_id, edition)
    return current


def _figures(edition_ids: list[int]) -> dict[int, tuple[int, Decimal, bool]]:
    """Edition id -> (projects, total budget, any sample project)."""
    counts = {
        row["edition_id"]: (row["n"], row["samples"])
        for row in Project.objects.filter(edition_id__in=edition_ids)
        .values("edition_id")
        .annotate(n=Count("pk"), samples=Count("pk", filter=Q(is_sample=True)))
    }
    totals = dict(
        ProjectBudget.objects.filter(project__edition_id__in=edition_ids)
        .values("project__edition_id")
        .annotate(total=Sum("amount"))
        .values_list("project__edition_id", "total")
    )
    return {
        pk: (counts.get(pk, (0, 0))[0], totals.get(pk) or Decimal(0), bool(counts.get(pk, (0, 0))[1]))
        for pk in edition_ids
    }


def directory(query: str = "", province: str = "", district: str = "", page: str | int = 1) -> Directory:
    query = query.strip()[:100]
    paginator = Paginator(_matching(query, province, district), PER_PAGE)
    current_page = paginator.get_page(page)
    organizations = list(current_page.object_list)
    current = _current_editions([o.pk for o in organizations])
    figures = _figures([e.pk for e in current.values()])
    entries = []
    for organization in organizations:
        edition = current.get(organization.pk)
        count, total, sample = figures.get(edition.pk, (0, Decimal(0), False)) if edition else (0, Decimal(0), False)
        entries.append(DirectoryEntry(organization, edition, count, total, sample or bool(edition and edition.is_sample)))
    places = Organization.objects.exclude(province="").order_by("province", "district")
    provinces = list(places.values_list("province", flat=True).distinct())
    district_rows = places.filter(province=province) if province else places
    districts = sorted(set(district_rows.exclude(district="").values_list("district", flat=True)))
    return Directory(
        page=current_page,
        entries=entries,
        provinces=provinces,
        districts=districts,
        query=query,
        province=province,
        district=district,
        total=paginator.count,
    )
