"""Live checks of a plan's consistency, run on the data at any time (not only at import).

Numbering gaps and repeats, projects without an indicator, IT tactics no project carries,
alignment links that leave the plan, sample content, and another organization's name in
the text. They join the checks of ``editions.checks`` (one list, ``CHECKS``), so editors
see them on the publish confirmation and their start page, and residents see their count
in the plan's public summary of completeness.

``load_consistency_facts`` runs a fixed number of queries whatever the plan's size.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q
from django.urls import reverse

from editions.check_types import Finding
from monitoring.models import Committee, EvaluationMethod, EvaluationRound, ScheduleRound
from plans.models import Block, Edition, SwotItem
from projects.models import Project
from strategies.models import Framework, Strategy, Tactic
from thaimuang_plan.lib.formatting import digits, project_label, strategy_label
from thaimuang_plan.lib.richtext import to_plain_text
from thaimuang_plan.lib.thai import foreign_organization_mentions

if TYPE_CHECKING:
    from editions.checks import PlanFacts

# Rows a sample import marks (``SampleFlag``), with the path from each to its edition.
SAMPLE_MODELS = [
    (Framework, "edition"),
    (Project, "edition"),
    (Block, "section__edition"),
    (SwotItem, "edition"),
    (Committee, "edition"),
    (EvaluationMethod, "edition"),
    (ScheduleRound, "edition"),
    (EvaluationRound, "edition"),
]


@dataclass
class TextPlace:
    where: str  # what an editor reads: "โครงการที่ ๓", "เนื้อหาในหัวข้อ ๒.๑"
    text: str
    fix_url: str


@dataclass
class ConsistencyFacts:
    strategies: list[Strategy] = field(default_factory=list)  # every framework's, with .framework loaded
    project_numbers: list[int] = field(default_factory=list)
    projects_without_kpi: list[Project] = field(default_factory=list)
    idle_tactics: list[Tactic] = field(default_factory=list)  # IT tactics no project carries
    outside_links: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, fix url)
    sample_counts: dict[str, int] = field(default_factory=dict)
    texts: list[TextPlace] = field(default_factory=list)


def _admin_change(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def outside_link_rows(edition: Edition, model):
    """Alignment links from this edition's rows to a framework of another edition or to the IT plan itself."""
    source, target = f"from_{model._meta.model_name}", f"to_{model._meta.model_name}"
    return model.aligns_with.through.objects.filter(**{f"{source}__framework__edition": edition}).filter(
        ~Q(**{f"{target}__framework__edition": F(f"{source}__framework__edition")})
        | Q(**{f"{target}__framework__kind": Framework.Kind.IT_PLAN})
    )


def _outside_links(edition: Edition, model, label) -> list[tuple[str, str, str]]:
    source, target = f"from_{model._meta.model_name}", f"to_{model._meta.model_name}"
    rows = outside_link_rows(edition, model).select_related(f"{source}__framework", f"{target}__framework__edition")
    links = []
    for row in rows:
        frm, to = getattr(row, source), getattr(row, target)
        where = to.framework.name if to.framework.edition_id == edition.pk else f"{to.framework.name} ของแผน {to.framework.edition.period_label}"
        links.append((label(frm), f"{label(to)} ({where})", _admin_change(frm)))
    return links


def load_consistency_facts(edition: Edition) -> ConsistencyFacts:
    """About fifteen queries, whatever the number of rows."""
    strategies = list(
        Strategy.objects.filter(framework__edition=edition).select_related("framework").order_by("framework__order", "order", "pk")
    )
    projects = list(Project.objects.filter(edition=edition).only("pk", "number", "name", "kpi", "rationale").order_by("number"))
    idle_tactics = list(
        Tactic.objects.filter(framework__edition=edition, framework__kind=Framework.Kind.IT_PLAN)
        .annotate(project_count=Count("projects"))
        .filter(project_count=0)
        .order_by("order", "pk")
    )
    sample_counts = {}
    for model, path in SAMPLE_MODELS:
        count = model.objects.filter(is_sample=True, **{path: edition}).count()
        if count:
            sample_counts[str(model._meta.verbose_name_plural)] = count
    blocks = Block.objects.filter(section__edition=edition).select_related("section").only("pk", "text", "section__number", "section__title")
    texts = [
        TextPlace(f"เนื้อหาในหัวข้อ {b.section}", to_plain_text(b.text), _admin_change(b)) for b in blocks if b.text
    ]
    texts += [TextPlace(project_label(p.number), f"{p.name} {p.rationale}", _admin_change(p)) for p in projects]
    texts += [TextPlace(strategy_label(s.number), f"{s.title} {s.description}", _admin_change(s)) for s in strategies]
    return ConsistencyFacts(
        strategies=strategies,
        project_numbers=[p.number for p in projects],
        projects_without_kpi=[p for p in projects if not p.kpi.strip()],
        idle_tactics=idle_tactics,
        outside_links=_outside_links(edition, Strategy, lambda s: strategy_label(s.number))
        + _outside_links(edition, Tactic, lambda t: f"กลยุทธ์ {t.number} {t.text[:60]}".replace("  ", " ")),
        sample_counts=sample_counts,
        texts=texts,
    )


def _gaps(numbers: list[int]) -> list[int]:
    present = set(numbers)
    return [n for n in range(1, max(present, default=0) + 1) if n not in present]


def numbering(facts: PlanFacts):
    by_framework: dict[int, list[Strategy]] = {}
    for strategy in facts.consistency.strategies:
        by_framework.setdefault(strategy.framework_id, []).append(strategy)
    for strategies in by_framework.values():
        framework = strategies[0].framework
        numbers = [s.number for s in strategies]
        url = _admin_change(framework)
        for number, count in sorted(Counter(numbers).items()):
            if count > 1:
                yield Finding(f"{framework.name}: {strategy_label(number)} มี {digits(count)} ครั้ง", url)
        missing = _gaps(numbers)
        if missing:
            listed = ", ".join(digits(n) for n in missing)
            yield Finding(f"{framework.name}: เลขยุทธศาสตร์ข้ามไป ไม่มียุทธศาสตร์ที่ {listed}", url)
    missing = _gaps(facts.consistency.project_numbers)
    if missing:
        listed = ", ".join(digits(n) for n in missing)
        url = reverse("admin:projects_project_changelist") + f"?edition__id__exact={facts.edition.pk}"
        yield Finding(f"เลขโครงการข้ามไป ไม่มีโครงการที่ {listed}", url)


def projects_without_indicator(facts: PlanFacts):
    for project in facts.consistency.projects_without_kpi:
        yield Finding(f"{project_label(project.number)} {project.name[:80]} ยังไม่มีตัวชี้วัด (KPI)", _admin_change(project))


def tactics_without_project(facts: PlanFacts):
    for tactic in facts.consistency.idle_tactics:
        yield Finding(f"กลยุทธ์ {tactic.number} {tactic.text[:80]} ยังไม่มีโครงการ".replace("  ", " "), _admin_change(tactic))


def links_outside_plan(facts: PlanFacts):
    for frm, to, url in facts.consistency.outside_links:
        yield Finding(f"{frm} สอดคล้องกับ {to} ซึ่งไม่ใช่กรอบที่สูงกว่าของแผนนี้", url)


def sample_content(facts: PlanFacts):
    counts = facts.consistency.sample_counts
    if counts:
        listed = ", ".join(f"{name} {digits(n)} รายการ" for name, n in counts.items())
        period = facts.edition.slug
        yield Finding(f"แผนนี้มีข้อมูลตัวอย่าง: {listed} (ลบได้ด้วยคำสั่ง remove_sample --period {period})", _admin_change(facts.edition))


def foreign_names(facts: PlanFacts):
    own = facts.edition.organization.name
    for place in facts.consistency.texts:
        for name in dict.fromkeys(foreign_organization_mentions(place.text, own)):
            yield Finding(f"{place.where}: พบชื่อ “{name}” ซึ่งไม่ใช่{own}", place.fix_url)
