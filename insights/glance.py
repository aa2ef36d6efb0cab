"""The plan at a glance: one page for the council and residents.

Vision, the IT strategies, the budget per year and per strategy, and progress from the
latest published monitoring round. Every figure comes from the selectors the full pages
use (ผ.01 from ``projects.selectors``, progress from ``monitoring.selectors``), so the
summary cannot disagree with them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from monitoring.models import EvaluationRound, ProjectProgress
from monitoring.rollups import Rollup
from monitoring.selectors import published_rounds, round_results
from plans.models import Edition
from projects.selectors import BudgetSummary, edition_budget_summary
from strategies.models import Framework


@dataclass
class Progress:
    round: EvaluationRound
    plan: Rollup
    status_rows: list[tuple[str, int]]  # (Thai status, number of projects)
    missing: int


@dataclass
class Glance:
    edition: Edition
    vision: str
    vision_is_sample: bool
    budget: BudgetSummary
    progress: Progress | None
    has_sample: bool
    generated_on: dt.date

    @property
    def year_totals(self) -> list[tuple[int, Decimal]]:
        return [(y, t["amount"]) for y, t in zip(self.budget.years, self.budget.totals, strict=True)]


def _progress(edition: Edition) -> Progress | None:
    rounds = published_rounds(edition)
    if not rounds:
        return None
    latest = rounds[0]
    latest.edition = edition
    results = round_results(latest)
    labels = dict(ProjectProgress.Status.choices)
    counts = results.rollup.plan.status_counts
    return Progress(
        round=latest,
        plan=results.rollup.plan,
        status_rows=[(labels[key], counts[key]) for key in labels if counts.get(key)],
        missing=len(results.rollup.missing),
    )


def plan_at_a_glance(edition: Edition) -> Glance:
    """Runs a fixed number of queries (about fifteen) whatever the plan's size."""
    budget, projects_sample = edition_budget_summary(edition)
    it_plan = Framework.objects.filter(edition=edition, kind=Framework.Kind.IT_PLAN).first()
    progress = _progress(edition)
    vision_is_sample = bool(it_plan and it_plan.is_sample)
    return Glance(
        edition=edition,
        vision=it_plan.vision if it_plan else "",
        vision_is_sample=vision_is_sample,
        budget=budget,
        progress=progress,
        has_sample=projects_sample or vision_is_sample or bool(progress and progress.round.is_sample),
        generated_on=timezone.localdate(),
    )
