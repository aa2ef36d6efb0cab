"""Saving chapters ๓-๖: SWOT items, projects with budgets, committee, methods, schedule."""

from __future__ import annotations

from collections import Counter

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import ImportFlag, SwotItem
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework
from thaimuang_plan.lib.thai import project_label, strategy_label

from .lines import split_marker
from .structure import Flag


class ChapterWriter:
    """Part of ``Writer``: expects ``edition``, ``plan``, ``frameworks``, ``flags``, ``_save``, ``_sample``."""

    def _write_swot(self) -> None:
        per_kind = Counter()
        for item in self.plan.swot:
            per_kind[item.kind] += 1
            self._save(
                SwotItem(
                    edition=self.edition,
                    kind=item.kind,
                    order=per_kind[item.kind],
                    text=item.text,
                    **self._sample(),
                ),
                item.line,
            )

    def _write_projects(self) -> None:
        it_plan = (
            self.frameworks.get(Framework.Kind.IT_PLAN)
            or Framework.objects.filter(edition=self.edition, kind=Framework.Kind.IT_PLAN).first()
        )
        strategies = {}
        tactics = {}
        if it_plan is not None:
            for strategy in it_plan.strategies.order_by("order"):
                strategies.setdefault(strategy.number, strategy)
            for tactic in it_plan.tactics.exclude(strategy=None).order_by("order"):
                marker, _ = split_marker(tactic.number)
                if marker is not None and marker.numbered:
                    tactics.setdefault((tactic.strategy_id, marker.value), tactic)
        units = {}
        for parsed in self.plan.projects:
            strategy = strategies.get(parsed.strategy_number)
            if parsed.strategy_number and strategy is None:
                self.flags.append(
                    Flag(
                        ImportFlag.Kind.UNPLACED,
                        f"{project_label(parsed.number)} อ้าง{strategy_label(parsed.strategy_number)} "
                        "ซึ่งไม่มีในแผนแม่บทไอที",
                        parsed.line,
                        parsed.name,
                    )
                )
            tactic = (
                tactics.get((strategy.pk, parsed.tactic_number))
                if strategy and parsed.tactic_number
                else None
            )
            unit = None
            if parsed.unit_name:
                name = parsed.unit_name.splitlines()[0].strip()[:200]
                if name not in units:
                    # A unit the real plan already has stays real; one only the sample names is sample.
                    units[name], made = Unit.objects.get_or_create(
                        organization=self.edition.organization, name=name, defaults=self._sample()
                    )
                    self.counts[Unit._meta.verbose_name_plural] += int(made)
                unit = units[name]
            project = self._save(
                Project(
                    edition=self.edition,
                    number=parsed.number,
                    code=parsed.code[:30],
                    name=(parsed.name or project_label(parsed.number))[:500],
                    strategy=strategy,
                    tactic=tactic,
                    rationale=parsed.rationale,
                    objectives=parsed.objectives,
                    targets=parsed.targets,
                    method=parsed.method,
                    duration=parsed.duration[:200],
                    kpi=parsed.kpi,
                    outcomes=parsed.outcomes,
                    unit=unit,
                    **self._sample(),
                ),
                parsed.line,
            )
            for budget in parsed.budgets:
                extra = {"source": budget.source} if budget.source else {}
                self._save(
                    ProjectBudget(project=project, fiscal_year=budget.year, amount=budget.amount, **extra),
                    budget.line,
                )

    def _write_monitoring(self) -> None:
        plan = self.plan
        if plan.committee is not None and plan.committee.members:
            extra = {"name": plan.committee.name} if plan.committee.name else {}
            committee = self._save(
                Committee(
                    edition=self.edition,
                    appointed_by=plan.committee.appointed_by[:300],
                    **extra,
                    **self._sample(),
                ),
                plan.committee.line,
            )
            for order, member in enumerate(plan.committee.members, start=1):
                self._save(
                    CommitteeMember(
                        committee=committee,
                        name=member.name[:200],
                        position=member.position[:300],
                        role=member.role,
                        order=order,
                    ),
                    member.line,
                )
        for order, method in enumerate(plan.methods, start=1):
            self._save(
                EvaluationMethod(
                    edition=self.edition,
                    number=method.number,
                    title=method.title[:300],
                    text=method.text,
                    order=order,
                    **self._sample(),
                ),
                method.line,
            )
        for order, round_ in enumerate(plan.schedule, start=1):
            self._save(
                ScheduleRound(
                    edition=self.edition,
                    number=round_.number,
                    name=round_.name,
                    period_text=round_.period_text,
                    covers_months=round_.covers_months,
                    report_month=round_.report_month,
                    description=round_.description,
                    order=order,
                    **self._sample(),
                ),
                round_.line,
            )
