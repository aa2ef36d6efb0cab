"""The alignment gap report: what in the IT plan serves each strategy and tactic above it.

Chapter ๒ of a plan says that the IT plan serves the plans above it (Gov 4.0, the DLA
strategic plan, the local development plan). The portal holds those links as data
(``Strategy.aligns_with``, ``Tactic.aligns_with``, a project's IT strategy and tactic), so
it can answer what the document only asserts: which higher tactic has no IT project behind
it, and which IT project serves nothing above it.

How support is counted (said on the page too):
- a higher strategy is served by the IT strategies linked to it, by the IT tactics linked to
  any of its tactics, and by the projects under those IT strategies or tactics;
- a higher tactic is served directly by the IT tactics linked to it and their projects; when
  only its strategy is served, it is reported as served "at strategy level only";
- a project's whole budget counts for every higher strategy it serves, so the shares of one
  framework may add up to more than 100 %.

``alignment_report(edition)`` runs a fixed number of queries whatever the plan's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from plans.models import Edition
from projects.models import Project
from projects.selectors import with_budgets
from strategies.models import Framework, Strategy, Tactic
from thaimuang_plan.lib.thai import strategy_label


class Level:
    """How a higher tactic is served."""

    DIRECT = "direct"  # an IT tactic is linked to it
    STRATEGY = "strategy"  # only its strategy is served
    NONE = "none"


@dataclass
class ProjectRef:
    number: int
    name: str
    is_sample: bool
    budgets: list[Decimal]  # one per plan year
    total: Decimal


@dataclass
class ItemRef:
    """An IT strategy or tactic named in the report."""

    label: str  # "ยุทธศาสตร์ที่ 1 ..." or "(1) ..." as printed, digits as stored
    is_sample: bool


@dataclass
class Served:
    """What on the IT side serves one higher strategy or tactic, and its budget."""

    strategies: list[ItemRef] = field(default_factory=list)
    tactics: list[ItemRef] = field(default_factory=list)
    projects: list[ProjectRef] = field(default_factory=list)
    budgets: list[Decimal] = field(default_factory=list)
    total: Decimal = Decimal(0)

    @property
    def is_served(self) -> bool:
        return bool(self.strategies or self.tactics or self.projects)


@dataclass
class HigherTactic:
    number: str
    text: str
    served: Served
    level: str


@dataclass
class HigherStrategy:
    number: int
    title: str
    repeated: bool  # the framework prints this number more than once (kept as printed)
    served: Served
    share: Decimal | None  # of the IT budget, in percent; None when the IT plan has no budget
    tactics: list[HigherTactic]


@dataclass
class FrameworkGaps:
    name: str
    kind: str
    is_sample: bool
    strategies: list[HigherStrategy]
    untied_tactics: list[HigherTactic]  # tactics placed only under the framework, not a strategy

    @property
    def unserved_strategies(self) -> list[HigherStrategy]:
        return [s for s in self.strategies if not s.served.is_served]

    @property
    def unserved_tactics(self) -> list[HigherTactic]:
        return [t for t in self.all_tactics if t.level == Level.NONE]

    @property
    def direct_tactics(self) -> list[HigherTactic]:
        return [t for t in self.all_tactics if t.level == Level.DIRECT]

    @property
    def strategy_level_tactics(self) -> list[HigherTactic]:
        return [t for t in self.all_tactics if t.level == Level.STRATEGY]

    @property
    def all_tactics(self) -> list[HigherTactic]:
        return [t for s in self.strategies for t in s.tactics] + self.untied_tactics

    @property
    def share_bars(self) -> list[ShareBar]:
        return share_bars(self)

    @property
    def chart_height(self) -> int:
        return len(self.strategies) * ROW + 8


# Geometry of the share chart, in SVG user units (the SVG scales to the page width).
BAR_LEFT = 110
BAR_MAX = 220
ROW = 26


@dataclass
class ShareBar:
    number: int
    share: Decimal
    y: int
    label_y: int
    width: int
    text_x: int


def share_bars(framework: FrameworkGaps) -> list[ShareBar]:
    bars = []
    for i, s in enumerate(framework.strategies):
        share = s.share or Decimal(0)
        width = int(BAR_MAX * min(share, Decimal(100)) / 100)
        bars.append(ShareBar(s.number, share, i * ROW + 4, i * ROW + 18, width, BAR_LEFT + width + 6))
    return bars


@dataclass
class AlignmentReport:
    edition: Edition
    years: list[int]
    has_it_plan: bool
    frameworks: list[FrameworkGaps]
    it_budgets: list[Decimal]
    it_total: Decimal
    orphan_strategies: list[ItemRef]  # IT strategies linked to nothing above
    orphan_tactics: list[ItemRef]  # IT tactics with no link of their own nor through their strategy
    orphan_projects: list[ProjectRef]  # projects that reach nothing above
    has_sample: bool


def _strategy_label(strategy: Strategy) -> str:
    # Arabic digits as this report has always written them; the wording is the portal's one.
    return f"{strategy_label(strategy.number, digits='arabic')} {strategy.title}"


def _tactic_label(tactic: Tactic) -> str:
    return f"{tactic.number} {tactic.text}".strip()


def _sum_budgets(projects: list[ProjectRef], years: list[int]) -> tuple[list[Decimal], Decimal]:
    budgets = [sum((p.budgets[i] for p in projects), Decimal(0)) for i in range(len(years))]
    return budgets, sum(budgets, Decimal(0))


def _served(strategies, tactics, projects: dict[int, ProjectRef], years) -> Served:
    refs = sorted(projects.values(), key=lambda p: p.number)
    budgets, total = _sum_budgets(refs, years)
    return Served(
        strategies=[ItemRef(_strategy_label(s), s.framework.is_sample) for s in strategies],
        tactics=[ItemRef(_tactic_label(t), t.framework.is_sample) for t in tactics],
        projects=refs,
        budgets=budgets,
        total=total,
    )


def alignment_report(edition: Edition) -> AlignmentReport:
    """The report for one edition. Runs a fixed number of queries (frameworks, strategies,
    tactics and their links, projects and their budgets)."""
    years = edition.years
    frameworks = list(Framework.objects.filter(edition=edition).order_by("order", "pk"))
    by_id = {f.pk: f for f in frameworks}
    strategies = list(
        Strategy.objects.filter(framework__edition=edition)
        .order_by("framework__order", "order", "number", "pk")
        .prefetch_related(Prefetch("aligns_with", queryset=Strategy.objects.only("pk")))
    )
    tactics = list(
        Tactic.objects.filter(framework__edition=edition)
        .order_by("framework__order", "order", "pk")
        .prefetch_related(Prefetch("aligns_with", queryset=Tactic.objects.only("pk")))
    )
    for item in [*strategies, *tactics]:
        item.framework = by_id[item.framework_id]
    projects = with_budgets(Project.objects.filter(edition=edition))

    it_ids = {f.pk for f in frameworks if f.kind == Framework.Kind.IT_PLAN}
    it_strategies = [s for s in strategies if s.framework_id in it_ids]
    it_tactics = [t for t in tactics if t.framework_id in it_ids]
    it_strategy_ids = {s.pk for s in it_strategies}
    it_tactic_ids = {t.pk for t in it_tactics}

    refs = {}
    for project in projects:
        budgets = [project.budget_by_year[y].amount if y in project.budget_by_year else Decimal(0) for y in years]
        refs[project.pk] = ProjectRef(project.number, project.name, project.is_sample, budgets, sum(budgets, Decimal(0)))
    it_budgets, it_total = _sum_budgets(list(refs.values()), years)

    # Links from the IT side up: higher strategy/tactic id -> the IT strategies/tactics linked to it.
    strategy_links: dict[int, list[Strategy]] = {}
    for s in it_strategies:
        for target in s.aligns_with.all():
            strategy_links.setdefault(target.pk, []).append(s)
    tactic_links: dict[int, list[Tactic]] = {}
    for t in it_tactics:
        for target in t.aligns_with.all():
            tactic_links.setdefault(target.pk, []).append(t)
    projects_of_strategy: dict[int, dict[int, ProjectRef]] = {}
    projects_of_tactic: dict[int, dict[int, ProjectRef]] = {}
    for project in projects:
        if project.strategy_id in it_strategy_ids:
            projects_of_strategy.setdefault(project.strategy_id, {})[project.pk] = refs[project.pk]
        if project.tactic_id in it_tactic_ids:
            projects_of_tactic.setdefault(project.tactic_id, {})[project.pk] = refs[project.pk]

    def tactic_entry(tactic: Tactic, strategy_served: bool) -> HigherTactic:
        linked = tactic_links.get(tactic.pk, [])
        served_projects = {}
        for t in linked:
            served_projects.update(projects_of_tactic.get(t.pk, {}))
        served = _served([], linked, served_projects, years)
        level = Level.DIRECT if served.is_served else (Level.STRATEGY if strategy_served else Level.NONE)
        return HigherTactic(tactic.number, tactic.text, served, level)

    report_frameworks = []
    for framework in frameworks:
        if framework.pk in it_ids:
            continue
        own = [s for s in strategies if s.framework_id == framework.pk]
        own_tactics = [t for t in tactics if t.framework_id == framework.pk]
        counts: dict[int, int] = {}
        for s in own:
            counts[s.number] = counts.get(s.number, 0) + 1
        entries = []
        for s in own:
            linked = strategy_links.get(s.pk, [])
            under = [t for t in own_tactics if t.strategy_id == s.pk]
            linked_tactics = [it for t in under for it in tactic_links.get(t.pk, [])]
            served_projects = {}
            for it in linked:
                served_projects.update(projects_of_strategy.get(it.pk, {}))
            for it in linked_tactics:
                served_projects.update(projects_of_tactic.get(it.pk, {}))
            served = _served(linked, linked_tactics, served_projects, years)
            share = (served.total * 100 / it_total).quantize(Decimal("0.1")) if it_total else None
            entries.append(
                HigherStrategy(
                    number=s.number,
                    title=s.title,
                    repeated=counts[s.number] > 1,
                    served=served,
                    share=share,
                    tactics=[tactic_entry(t, served.is_served) for t in under],
                )
            )
        untied = [tactic_entry(t, False) for t in own_tactics if t.strategy_id is None]
        report_frameworks.append(FrameworkGaps(framework.name, framework.kind, framework.is_sample, entries, untied))

    linked_strategy_ids = {s.pk for s in it_strategies if s.aligns_with.all()}
    linked_tactic_ids = {t.pk for t in it_tactics if t.aligns_with.all()}
    orphan_strategies = [s for s in it_strategies if s.pk not in linked_strategy_ids]
    orphan_tactics = [
        t for t in it_tactics if t.pk not in linked_tactic_ids and t.strategy_id not in linked_strategy_ids
    ]
    orphan_projects = [
        refs[p.pk]
        for p in projects
        if p.strategy_id not in linked_strategy_ids and p.tactic_id not in linked_tactic_ids
    ]
    return AlignmentReport(
        edition=edition,
        years=years,
        has_it_plan=bool(it_ids),
        frameworks=report_frameworks,
        it_budgets=it_budgets,
        it_total=it_total,
        orphan_strategies=[ItemRef(_strategy_label(s), s.framework.is_sample) for s in orphan_strategies],
        orphan_tactics=[ItemRef(_tactic_label(t), t.framework.is_sample) for t in orphan_tactics],
        orphan_projects=orphan_projects,
        has_sample=any(f.is_sample for f in frameworks) or any(p.is_sample for p in projects),
    )
