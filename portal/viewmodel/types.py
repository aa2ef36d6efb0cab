"""The typed view of one plan, as both the web pages and the PDF show it.

Every display decision is made once, when portal.viewmodel.build builds these: which
strategies get their details, the text of every target and budget cell, what is sample, each
address. Templates (templates/partials/embeds, plans, strategies and templates/pdf) only lay
them out. Texts from the plan are kept as written; texts the portal writes itself (numbers,
years, "ยุทธศาสตร์ที่ N") come from thaimuang_plan.lib.formatting.

A page's view holds only what the page shows (build.chapter_view, build.strategies_view): what
it leaves out is empty, never different. The PDF's (build.plan_view) holds the whole plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from monitoring.models import Committee, EvaluationMethod, ScheduleRound
from plans.models import Edition, Organization
from projects.selectors import BudgetSummary


@dataclass(frozen=True)
class Link:
    label: str
    title: str
    url: str


@dataclass
class PointView:
    """A mission, principle, value, success factor or positioning point."""

    number: str
    title: str
    text: str


@dataclass
class TacticView:
    number: str
    text: str


@dataclass
class GoalView:
    number: str
    text: str
    tactics: list[TacticView]


@dataclass
class IndicatorView:
    number: str
    name: str
    unit: str
    target_texts: list[str]  # one per year of the framework's indicator table, as shown in the cell
    total_text: str
    # A unit column only where the targets don't already say it ("๙๐" vs "๑ บริการ").
    unit_not_in_targets: bool


@dataclass
class ProjectRef:
    number: int
    label: str  # "โครงการที่ ๓ name"
    url: str
    is_sample: bool


@dataclass
class StrategyView:
    pk: int
    number: int
    label: str  # "ยุทธศาสตร์ที่ ๓"
    title: str  # as listed
    heading: str  # "ยุทธศาสตร์ที่ ๓ <the title as printed above its details>"
    description: str
    goals: list[GoalView]
    tactics: list[TacticView]  # directly under the strategy, not under a goal
    indicators: list[IndicatorView]
    # Printed with the strategy's details (the framework has no indicators table of its own).
    indicators_in_details: list[IndicatorView]
    # A number the source lists twice (the DLA plan's ยุทธศาสตร์ที่ ๓) is detailed once: a repeat
    # with nothing of its own is listed but not detailed, on the web and in print alike.
    show_details: bool
    anchor: str  # its section on the framework page; a repeat not detailed: its number's first
    url: str
    # Links, shown by the strategy pages only (build.strategies_view); empty in chapters and the PDF.
    aligns_with: list[Link] = field(default_factory=list)  # the higher strategies it supports
    supporters: list[Link] = field(default_factory=list)  # IT strategies that support it
    projects: list[ProjectRef] = field(default_factory=list)
    project_count: int = 0  # on the strategy pages, also where the projects themselves are not listed

    @property
    def indicator_unit_column(self) -> bool:
        return any(i.unit_not_in_targets for i in self.indicators_in_details)


@dataclass
class IndicatorGroup:
    heading: str  # "ยุทธศาสตร์ที่ N title", or "" for indicators of the whole framework
    indicators: list[IndicatorView]


@dataclass
class FrameworkView:
    pk: int
    kind: str
    slug: str
    name: str
    label: str  # the short name where there is one
    period_label: str
    is_sample: bool
    is_it_plan: bool
    vision: str
    values: str
    points: dict[str, list[PointView]]  # by FrameworkPoint.Kind
    strategies: list[StrategyView]
    loose_tactics: list[TacticView]
    indicator_groups: list[IndicatorGroup]
    year_labels: list[str]  # the columns of the indicator table
    indicator_count: int
    url: str
    indicators_anchor: str

    @property
    def detailed_strategies(self) -> list[StrategyView]:
        return [s for s in self.strategies if s.show_details]

    @property
    def missions(self) -> list[PointView]:
        return self.points.get("mission", [])

    @property
    def principles(self) -> list[PointView]:
        return self.points.get("principle", [])

    @property
    def success_factors(self) -> list[PointView]:
        return self.points.get("success_factor", [])

    @property
    def positioning(self) -> list[PointView]:
        return self.points.get("positioning", [])

    @property
    def value_points(self) -> list[PointView]:
        return self.points.get("value", [])


@dataclass
class ProjectView:
    number: int
    number_text: str  # "๓"
    label: str  # "โครงการที่ ๓"
    name: str
    url: str
    unit: str
    strategy_heading: str  # "ยุทธศาสตร์ที่ N title", or ""
    tactic: str
    rationale: str
    objectives: str
    targets: str
    method: str
    duration: str
    kpi: str
    outcomes: str
    budget_texts: list[str]  # one per year of the edition
    total_text: str
    is_sample: bool


@dataclass
class SwotItemView:
    text: str
    is_sample: bool


@dataclass
class SwotTable:
    """Two kinds side by side (S and W, then O and T), one row per pair of items."""

    left: str
    right: str
    left_items: list[SwotItemView]
    right_items: list[SwotItemView]
    rows: list[tuple[SwotItemView | None, SwotItemView | None]]


@dataclass
class BlockView:
    kind: str
    marker: str
    text: SafeString  # sanitised rich text (plans.fields.RichTextField)
    is_sample: bool
    embed: str = ""
    framework: FrameworkView | None = None
    # Whether what the embed shows is sample: the block itself or the content it prints.
    content_is_sample: bool = False
    # The slug of a framework the embed names but the plan does not have (shown, not dropped).
    missing_framework: str = ""


@dataclass
class SectionView:
    pk: int
    key: str  # the address word: /chapters/<key>/ for a chapter
    anchor: str
    level: int
    number: str
    title: str
    toc_pages: str
    in_toc: bool
    blocks: list[BlockView]
    children: list[SectionView]
    position: int  # of its chapter among the chapters, for the reader's previous/next
    url: str  # the chapter page, at this section's heading
    has_text: bool = False  # it or a section below has narrative from the source
    has_sample: bool = False  # one of its own blocks is sample (the print heading says so)
    shows_sample: bool = False  # anything shown in it or below is sample (the web banner says so)

    @property
    def toc_children(self) -> list[SectionView]:
        return [s for s in self.children if s.in_toc]


@dataclass
class PlanView:
    edition: Edition
    organization: Organization
    # The whole plan (the PDF's); a page's view holds every chapter's heading but only the
    # text, frameworks and data that the page shows, and says sample only of those.
    complete: bool
    chapters: list[SectionView]
    frameworks: list[FrameworkView]
    projects: list[ProjectView]
    budget_summary: BudgetSummary | None  # form ผ.01, where it is shown
    year_labels: list[str]  # the edition's years, for the project tables
    swot: dict[str, list[SwotItemView]]
    swot_tables: list[SwotTable]
    committees: list[Committee]
    methods: list[EvaluationMethod]
    schedule: list[ScheduleRound]
    # What is sample, decided once for every page and the PDF.
    has_sample: bool
    projects_have_sample: bool
    swot_is_sample: bool
    committees_have_sample: bool
    methods_have_sample: bool
    schedule_has_sample: bool
    it_plan: FrameworkView | None = None

    def framework(self, slug: str) -> FrameworkView | None:
        return next((f for f in self.frameworks if f.slug == slug), None)

    def chapter(self, position: int) -> SectionView | None:
        return self.chapters[position - 1] if 1 <= position <= len(self.chapters) else None

    def chapter_at(self, key: str) -> SectionView | None:
        """The chapter whose address is /chapters/<key>/."""
        return next((c for c in self.chapters if c.key == key), None)

    @property
    def front_matter(self) -> list[SectionView]:
        """Unnumbered top-level sections before the first chapter (the foreword), without the source's TOC."""
        front = []
        for chapter in self.chapters:
            if chapter.number:
                break
            if chapter.title.strip() not in TOC_TITLES:
                front.append(chapter)
        return front

    @property
    def body(self) -> list[SectionView]:
        """The chapters from the first numbered one on."""
        for n, chapter in enumerate(self.chapters):
            if chapter.number:
                return self.chapters[n:]
        return []

    @property
    def toc(self) -> list[SectionView]:
        """The body's chapters and their sections, as the source's table of contents lists them."""
        entries = []
        for chapter in self.body:
            entries.append(chapter)
            entries.extend(chapter.toc_children)
        return entries


# The source's own table of contents: the PDF writes one with its own page numbers instead.
TOC_TITLES = {"สารบัญ"}
