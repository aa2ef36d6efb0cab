"""The public summary of a plan's completeness: how many places each live check finds, without admin links.

The plan's front page shows only a title and a count per check, so it does not run the
checks (``editions.checks.run_checks`` loads every project, indicator and strategy and
writes a message with an admin link for each finding: the front page took 1.7 times as
long at 40 times the plan). Each count here is the number of findings the check's own
``find`` yields, counted by the database where the rule is a plain condition, and read
from a reduced set of rows where it is not (the chapters' outline, texts that name a
local government). tests/editions/test_completeness.py holds the two to the same numbers;
publishing still runs the full checks. The counts over one kind of row (the projects, the IT
plan's strategies) are one conditional aggregate each (``_Tally``), read once for all the
checks that count from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import or_

from django.db.models import Count, Exists, F, Max, OuterRef, Q, Subquery, Sum

from editions.check_types import Severity
from editions.checks import CHECKS
from editions.consistency import SAMPLE_MODELS, outside_link_rows
from plans.models import Block, Edition, ImportFlag, Section
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib.richtext import to_plain_text
from thaimuang_plan.lib.thai import (
    LOCAL_GOVERNMENT_ABBREVIATIONS,
    LOCAL_GOVERNMENT_PREFIXES,
    foreign_organization_mentions,
    organization_place,
)


@dataclass
class Completeness:
    checked: int  # how many checks ran
    found: list[tuple[str, int]]  # (the check's title, how many places it found)

    @property
    def is_complete(self) -> bool:
        return not self.found


def public_completeness(edition: Edition) -> Completeness:
    """Sixteen queries at most, whatever the plan's size and content; the checks that found
    something, blocking first, then in the order of CHECKS (as ``run_checks`` reports them)."""
    tally = _Tally(edition)
    counts = {check.code: COUNTS[check.code](tally) for check in CHECKS}
    found = [check for check in CHECKS if counts[check.code]]
    found.sort(key=lambda check: check.severity != Severity.BLOCKING)
    return Completeness(checked=len(CHECKS), found=[(check.title, counts[check.code]) for check in found])


# --- one count per check, the same number as len(list(check.find(facts))) ----------

# str.strip() removes exactly these characters (those of str.isspace()); a KPI of nothing else is no KPI.
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


class _Tally:
    """One edition's counts that several checks read: each kind of row counted in one query
    (a conditional aggregate), the first time a check asks."""

    def __init__(self, edition: Edition):
        self.edition = edition

    @cached_property
    def projects(self) -> dict:
        return Project.objects.filter(edition=self.edition).aggregate(
            total=Count("pk"),
            without_budget=Count("pk", filter=~Exists(ProjectBudget.objects.filter(project=OuterRef("pk")))),
            without_unit=Count("pk", filter=Q(unit__isnull=True)),
            without_strategy=Count("pk", filter=Q(strategy__isnull=True)),
            without_indicator=Count("pk", filter=Q(kpi__regex=f"^[{_WHITESPACE}]*$")),
            # Numbers 1..highest are all there exactly when as many distinct numbers from 1 up as the highest.
            highest=Max("number"),
            numbered=Count("number", distinct=True, filter=Q(number__gte=1)),
        )

    @cached_property
    def it_strategies(self) -> dict:
        return _it_strategies(self.edition).aggregate(
            total=Count("pk"),
            without_goals=Count("pk", filter=~Exists(Goal.objects.filter(strategy=OuterRef("pk")))),
            without_tactics=Count(
                "pk",
                filter=~Exists(Tactic.objects.filter(framework=OuterRef("framework"), strategy=OuterRef("pk")))
                & ~Exists(Tactic.objects.filter(goal__strategy=OuterRef("pk"))),
            ),
        )


def _it_plan(edition: Edition) -> Subquery:
    # The first IT plan framework by order, as load_facts picks it; a subquery, so that each
    # count that needs it stays one query (NULL, so no rows, when the edition has none).
    return Subquery(
        Framework.objects.filter(edition=edition, kind=Framework.Kind.IT_PLAN).order_by("order").values("pk")[:1]
    )


def _it_strategies(edition: Edition):
    return Strategy.objects.filter(framework=_it_plan(edition))


def _revision_approval(tally):
    edition = tally.edition
    return int(bool(edition.revision_number and not (edition.approval_reference and edition.approved_on)))


def _budget_outside(tally):
    edition = tally.edition
    return (
        ProjectBudget.objects.filter(project__edition=edition)
        .exclude(fiscal_year__range=(edition.start_year, edition.end_year))
        .count()
    )


def _empty_chapters(tally):
    # The outline only (a plan has tens of sections whatever the number of projects), each
    # section with whether it has a block of its own.
    sections = Section.objects.filter(edition=tally.edition).annotate(
        has_text=Exists(Block.objects.filter(section=OuterRef("pk")))
    )
    parent_of, with_text = {}, set()
    for pk, parent, has_text in sections.order_by().values_list("id", "parent_id", "has_text"):
        parent_of[pk] = parent
        if has_text:
            with_text.add(pk)
    chapters_with_text = set()
    for section_id in with_text:
        while parent_of.get(section_id) is not None:
            section_id = parent_of[section_id]
        chapters_with_text.add(section_id)
    return sum(1 for pk, parent in parent_of.items() if parent is None and pk not in chapters_with_text)


def _indicators_missing_targets(tally):
    edition = tally.edition
    # Targets are one per year (a constraint), so fewer targets inside the framework's
    # years than it has years means a year is missing.
    return (
        Indicator.objects.filter(
            framework__edition=edition, framework__start_year__isnull=False, framework__end_year__isnull=False
        )
        .annotate(
            in_years=Count(
                "targets",
                filter=Q(targets__year__gte=F("framework__start_year"), targets__year__lte=F("framework__end_year")),
            )
        )
        .filter(in_years__lt=F("framework__end_year") - F("framework__start_year") + 1)
        .count()
    )


def _indicator_totals(tally):
    """Indicator.total_matches(...) is False: a total is given, the rule checks it, some
    year has a value, and the sum (or the last year's value) differs."""
    edition = tally.edition
    valued = IndicatorTarget.objects.filter(indicator=OuterRef("pk"), value__isnull=False)
    rows = (
        Indicator.objects.filter(framework__edition=edition, total_value__isnull=False)
        .exclude(total_rule=Indicator.TotalRule.NONE)
        .annotate(
            valued=Count("targets", filter=Q(targets__value__isnull=False)),
            total_of_years=Sum("targets__value"),
            last_year=Subquery(valued.order_by("-year").values("value")[:1]),
        )
        .filter(valued__gt=0)
    )
    # Compared here, in Decimal, as Indicator.total_matches compares (SQLite sums in floats).
    return sum(
        1
        for rule, total, summed, last in rows.values_list("total_rule", "total_value", "total_of_years", "last_year")
        if (last if rule == Indicator.TotalRule.LAST else summed) != total
    )


def _unresolved_flags(tally):
    return ImportFlag.objects.filter(edition=tally.edition, resolved=False).count()


def _links_outside_plan(tally):
    return outside_link_rows(tally.edition, Strategy).count() + outside_link_rows(tally.edition, Tactic).count()


def _numbering(tally):
    """Per framework, each number used more than once and one finding for any gaps; one for gaps in project numbers."""
    strategies = Strategy.objects.filter(framework__edition=tally.edition)
    repeated = strategies.values("framework", "number").annotate(n=Count("pk")).filter(n__gt=1).count()
    gapped = _with_gaps(strategies.values("framework"))
    highest, numbered = tally.projects["highest"], tally.projects["numbered"]
    projects_gapped = int(highest is not None and highest >= 1 and numbered < highest)
    return repeated + gapped + projects_gapped


def _with_gaps(grouped) -> int:
    # Numbers 1..highest are all there exactly when as many distinct numbers from 1 up as the highest.
    return (
        grouped.annotate(highest=Max("number"), present=Count("number", distinct=True, filter=Q(number__gte=1)))
        .filter(highest__gte=1, present__lt=F("highest"))
        .count()
    )


def _tactics_without_project(tally):
    return (
        Tactic.objects.filter(framework__edition=tally.edition, framework__kind=Framework.Kind.IT_PLAN)
        .filter(~Exists(Project.objects.filter(tactic=OuterRef("pk"))))
        .count()
    )


def _sample_content(tally):
    # One query for every kind of row that may be sample (a plan without any asked each in turn).
    any_sample = reduce(
        or_,
        (Exists(model.objects.filter(is_sample=True, **{path: OuterRef("pk")})) for model, path in SAMPLE_MODELS),
    )
    return int(Edition.objects.filter(pk=tally.edition.pk).filter(any_sample).exists())


def _foreign_names(tally):
    """Only the texts that contain a kind of local government are read: a mention needs one."""
    edition = tally.edition
    own = edition.organization.name
    if not organization_place(own):
        return 0
    kinds = LOCAL_GOVERNMENT_PREFIXES + LOCAL_GOVERNMENT_ABBREVIATIONS

    def naming(*fields):
        return reduce(or_, (Q(**{f"{field}__contains": kind}) for field in fields for kind in kinds))

    # Block text is rich text: tags may split a name, so every block is read as consistency reads it.
    texts = [to_plain_text(text) for text in Block.objects.filter(section__edition=edition).values_list("text", flat=True) if text]
    texts += [
        f"{name} {rationale}"
        for name, rationale in Project.objects.filter(edition=edition)
        .filter(naming("name", "rationale"))
        .values_list("name", "rationale")
    ]
    texts += [
        f"{title} {description}"
        for title, description in Strategy.objects.filter(framework__edition=edition)
        .filter(naming("title", "description"))
        .values_list("title", "description")
    ]
    return sum(len(dict.fromkeys(foreign_organization_mentions(text, own))) for text in texts)


COUNTS: dict[str, Callable[[_Tally], int]] = {
    "revision_approval": _revision_approval,
    "no_it_strategies": lambda tally: int(not tally.it_strategies["total"]),
    "no_projects": lambda tally: int(not tally.projects["total"]),
    "budget_outside_period": _budget_outside,
    "empty_chapter": _empty_chapters,
    "strategy_without_goals": lambda tally: tally.it_strategies["without_goals"],
    "strategy_without_tactics": lambda tally: tally.it_strategies["without_tactics"],
    "indicator_missing_target": _indicators_missing_targets,
    "indicator_total_mismatch": _indicator_totals,
    "project_without_budget": lambda tally: tally.projects["without_budget"],
    "project_without_unit": lambda tally: tally.projects["without_unit"],
    "project_without_strategy": lambda tally: tally.projects["without_strategy"],
    "unresolved_import_flags": _unresolved_flags,
    "alignment_outside_plan": _links_outside_plan,
    "numbering": _numbering,
    "project_without_indicator": lambda tally: tally.projects["without_indicator"],
    "tactic_without_project": _tactics_without_project,
    "sample_content": _sample_content,
    "foreign_organization_name": _foreign_names,
}
