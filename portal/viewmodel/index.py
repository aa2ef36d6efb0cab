"""The strategies index: every framework in a line, the IT plan's strategies a page at a time.

The index listed every strategy of every framework it counted and every IT strategy in its
table: at forty times the plan's size, 13 times the HTML and 2.5 times the time. It now
counts in the database and reads only the page's IT strategies, with their higher strategies
and how many projects each has.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber

from plans.models import Edition
from portal import addresses
from projects.models import Project
from strategies.models import Framework, Indicator, Strategy
from thaimuang_plan.lib import formatting as fmt
from thaimuang_plan.lib.paging import page_query

from .frameworks import _higher_links, _strategy_view, has_own_details
from .types import StrategyView

# A plan has a handful of IT strategies: one page (as on the ผ.01 page, P01_PER_PAGE).
STRATEGIES_PER_PAGE = 10


@dataclass
class FrameworkCard:
    name: str
    url: str
    period_label: str
    strategy_count: int
    indicator_count: int
    is_sample: bool
    is_it_plan: bool


@dataclass
class StrategiesIndex:
    frameworks: list[FrameworkCard]
    it_plan: FrameworkCard | None
    strategies: list[StrategyView]  # the page's IT strategies: higher strategies and project counts
    page: Page | None  # None without an IT plan

    @property
    def has_sample(self) -> bool:
        return any(f.is_sample for f in self.frameworks)

    @property
    def address_query(self) -> str:
        """What this page adds to the index's address to name it ("?page=3"; nothing for page 1)."""
        return page_query(self.page.number) if self.page else ""


def _count(model, field: str):
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def strategies_index(edition: Edition, page_number) -> StrategiesIndex:
    """Five queries whatever the plan's size. ``page_number`` as the visitor typed it
    (Paginator.get_page: anything out of range is the nearest page)."""
    address = edition.address_kwargs
    frameworks = list(
        Framework.objects.filter(edition=edition)
        .annotate(strategy_total=_count(Strategy, "framework"), indicator_total=_count(Indicator, "framework"))
        .order_by("order")
    )
    cards = [
        FrameworkCard(
            name=f.name,
            url=addresses.framework_url(address, f.slug),
            period_label=fmt.year_span(f.start_year, f.end_year),
            strategy_count=f.strategy_total,
            indicator_count=f.indicator_total,
            is_sample=f.is_sample,
            is_it_plan=f.kind == Framework.Kind.IT_PLAN,
        )
        for f in frameworks
    ]
    it_plan = next((f for f in frameworks if f.kind == Framework.Kind.IT_PLAN), None)
    if it_plan is None:
        return StrategiesIndex(frameworks=cards, it_plan=None, strategies=[], page=None)
    rows = (
        Strategy.objects.filter(framework=it_plan)
        .order_by("order", "number", "pk")
        .annotate(
            project_total=_count(Project, "strategy"),
            # The how-many-th strategy of its number this is, as the framework page numbers its
            # anchors (#strategy-3, #strategy-3-2): counted over every strategy, not the page's.
            times_printed=Window(RowNumber(), partition_by=[F("number")], order_by=[F("order").asc(), F("pk").asc()]),
            # A repeat without details of its own has no section there: it links to its number's first.
            has_own_details=has_own_details(edition),
        )
        .prefetch_related(
            Prefetch("aligns_with", queryset=Strategy.objects.select_related("framework"), to_attr="higher_list")
        )
    )
    it_card = next(c for c in cards if c.is_it_plan)
    paginator = Paginator(rows, STRATEGIES_PER_PAGE)
    paginator.count = it_card.strategy_count  # counted above
    page = paginator.get_page(page_number)
    strategies = []
    for strategy in page.object_list:
        view = _strategy_view(strategy, it_plan, address, strategy.times_printed)
        view.show_details = False
        view.aligns_with = _higher_links(strategy, address)
        view.project_count = strategy.project_total
        strategies.append(view)
    return StrategiesIndex(frameworks=cards, it_plan=it_card, strategies=strategies, page=page)
