"""What changed between two editions of a plan: strategies, goals, tactics, indicators and their
targets, projects and their yearly budgets, and the text of each section.

Rows are matched by what is printed and stays put (a strategy's framework and
number, a project's number, a section's key), never by database id, so two
editions copied from one another, or a plan and the next one, compare
meaningfully. ``compare_editions(old, new)`` returns a ``Comparison`` that the
public page, its CSV and the publish confirmation all lay out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from plans.models import Block, Edition, Section
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib import formatting as fmt
from thaimuang_plan.lib.formatting import digits, project_label, strategy_label
from thaimuang_plan.lib.richtext import to_plain_text

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
STATUS_LABELS = {ADDED: "เพิ่มใหม่", REMOVED: "ตัดออก", CHANGED: "แก้ไข"}


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str | Decimal | None
    new: str | Decimal | None
    #: Baht amounts: shown as numbers with their difference.
    is_amount: bool = False

    @property
    def difference(self) -> Decimal | None:
        if not self.is_amount:
            return None
        return (self.new or Decimal(0)) - (self.old or Decimal(0))


@dataclass(frozen=True)
class Change:
    status: str
    label: str
    fields: list[FieldChange]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Group:
    title: str
    changes: list[Change] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


@dataclass(frozen=True)
class YearTotal:
    year: int
    old: Decimal
    new: Decimal

    @property
    def difference(self) -> Decimal:
        return self.new - self.old


@dataclass
class Comparison:
    old: Edition
    new: Edition
    groups: list[Group]
    budget_by_year: list[YearTotal]

    @property
    def has_changes(self) -> bool:
        return any(g.changes for g in self.groups) or any(t.difference for t in self.budget_by_year)

    @property
    def old_total(self) -> Decimal:
        return sum((t.old for t in self.budget_by_year), Decimal(0))

    @property
    def new_total(self) -> Decimal:
        return sum((t.new for t in self.budget_by_year), Decimal(0))


@dataclass
class Snapshot:
    """One edition as dictionaries keyed by printed identity: {group: {key: (label, {field: value})}}."""

    items: dict[str, dict[tuple, tuple[str, dict]]]
    budgets: dict[int, dict[int, Decimal]]  # project number -> year -> amount
    project_names: dict[int, str]


GROUPS = [
    ("strategies", "ยุทธศาสตร์"),
    ("goals", "เป้าประสงค์"),
    ("tactics", "กลยุทธ์"),
    ("indicators", "ตัวชี้วัดและค่าเป้าหมาย"),
    ("projects", "โครงการ"),
    ("sections", "เนื้อหาในเอกสาร"),
]


def _framework_label(framework: Framework) -> str:
    return framework.short_name or framework.name


def snapshot(edition: Edition) -> Snapshot:
    """Everything compared, in nine queries whatever the size of the plan."""
    items: dict[str, dict] = {name: {} for name, _ in GROUPS}
    frameworks = {f.pk: f for f in Framework.objects.filter(edition=edition)}
    strategies = list(Strategy.objects.filter(framework__edition=edition).order_by("framework__order", "order", "number"))
    strategy_key = {}
    seen = defaultdict(int)
    for s in strategies:
        framework = frameworks[s.framework_id]
        seen[(framework.slug, s.number)] += 1
        key = (framework.slug, s.number, seen[(framework.slug, s.number)])
        strategy_key[s.pk] = key
        repeat = f" (ครั้งที่ {digits(key[2])})" if key[2] > 1 else ""
        label = f"{_framework_label(framework)}: {strategy_label(s.number)}{repeat}"
        items["strategies"][key] = (label, {"ชื่อยุทธศาสตร์": s.title, "คำอธิบาย": s.description})
    goal_key = {}
    for g in Goal.objects.filter(strategy__framework__edition=edition).order_by("strategy", "order", "pk"):
        skey = strategy_key[g.strategy_id]
        key = (*skey, g.number or g.text)
        goal_key[g.pk] = key
        label = f"{items['strategies'][skey][0]} เป้าประสงค์ {g.number}".rstrip()
        items["goals"][key] = (label, {"เป้าประสงค์": g.text})
    for t in Tactic.objects.filter(framework__edition=edition).order_by("framework__order", "order", "pk"):
        framework = frameworks[t.framework_id]
        where = items["strategies"][strategy_key[t.strategy_id]][0] if t.strategy_id else _framework_label(framework)
        key = (framework.slug, strategy_key.get(t.strategy_id), goal_key.get(t.goal_id), t.number or t.text)
        items["tactics"][key] = (f"{where} กลยุทธ์ {t.number}".rstrip(), {"กลยุทธ์": t.text})
    indicators = Indicator.objects.filter(framework__edition=edition).prefetch_related(
        Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))
    )
    for i in indicators.order_by("framework__order", "order", "pk"):
        framework = frameworks[i.framework_id]
        key = (framework.slug, i.number or i.name)
        values = {"ตัวชี้วัด": i.name, "หน่วยนับ": i.unit}
        for target in i.targets.all():
            values[f"ค่าเป้าหมายปี {fmt.year(target.year)}"] = target.text
        values["ค่าเป้าหมายรวม"] = i.total_text
        label = f"{_framework_label(framework)}: ตัวชี้วัด {i.number or i.name[:60]}"
        items["indicators"][key] = (label, values)
    budgets: dict[int, dict[int, Decimal]] = {}
    names = {}
    projects = Project.objects.filter(edition=edition).select_related("strategy", "unit", "tactic")
    projects = projects.prefetch_related(Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year")))
    for p in projects.order_by("number"):
        names[p.number] = p.name
        budgets[p.number] = {b.fiscal_year: b.amount for b in p.budgets.all()}
        items["projects"][(p.number,)] = (
            project_label(p.number),
            {
                "ชื่อโครงการ": p.name,
                "ยุทธศาสตร์": strategy_label(p.strategy.number) if p.strategy else "",
                "กลยุทธ์": p.tactic.text if p.tactic else "",
                "หน่วยงานรับผิดชอบ": p.unit.name if p.unit else "",
                "ระยะเวลาดำเนินการ": p.duration,
                "เป้าหมาย": p.targets,
                "ตัวชี้วัด (KPI)": p.kpi,
            },
        )
    texts = defaultdict(list)
    for block in Block.objects.filter(section__edition=edition).exclude(kind=Block.Kind.EMBED).order_by("order", "pk"):
        texts[block.section_id].append(" ".join(filter(None, [block.marker, to_plain_text(block.text)])))
    for s in Section.objects.filter(edition=edition).order_by("order"):
        items["sections"][(s.key,)] = (
            f"{s.number} {s.title}".strip(),
            {"ชื่อหัวข้อ": s.title, "ข้อความ": "\n".join(texts.get(s.pk, []))},
        )
    return Snapshot(items=items, budgets=budgets, project_names=names)


def _diff_group(old: dict, new: dict) -> list[Change]:
    changes = []
    for key, (label, values) in new.items():
        if key not in old:
            changes.append(Change(ADDED, label, [FieldChange(n, None, v) for n, v in values.items() if v]))
            continue
        old_values = old[key][1]
        fields = [
            FieldChange(n, old_values.get(n, ""), values.get(n, ""))
            for n in dict.fromkeys([*old_values, *values])
            if (old_values.get(n) or "") != (values.get(n) or "")
        ]
        if fields:
            changes.append(Change(CHANGED, label, fields))
    for key, (label, values) in old.items():
        if key not in new:
            changes.append(Change(REMOVED, label, [FieldChange(n, v, None) for n, v in values.items() if v]))
    return changes


def _budget_changes(old: Snapshot, new: Snapshot) -> list[Change]:
    changes = []
    for number in sorted({*old.budgets, *new.budgets}):
        before, after = old.budgets.get(number, {}), new.budgets.get(number, {})
        fields = [
            FieldChange(f"ปี {fmt.year(year)}", before.get(year), after.get(year), is_amount=True)
            for year in sorted({*before, *after})
            if before.get(year) != after.get(year)
        ]
        if not fields:
            continue
        status = ADDED if number not in old.budgets else REMOVED if number not in new.budgets else CHANGED
        name = new.project_names.get(number) or old.project_names.get(number, "")
        changes.append(Change(status, f"{project_label(number)} {name}", fields))
    return changes


def compare_editions(old: Edition, new: Edition) -> Comparison:
    """What ``new`` changes from ``old``. Eighteen queries."""
    before, after = snapshot(old), snapshot(new)
    groups = [Group(title, _diff_group(before.items[name], after.items[name])) for name, title in GROUPS]
    groups.insert(5, Group("งบประมาณโครงการรายปี (บาท)", _budget_changes(before, after)))
    totals_old, totals_new = defaultdict(Decimal), defaultdict(Decimal)
    for by_year in before.budgets.values():
        for year, amount in by_year.items():
            totals_old[year] += amount
    for by_year in after.budgets.values():
        for year, amount in by_year.items():
            totals_new[year] += amount
    years = sorted({*old.years, *new.years, *totals_old, *totals_new})
    budget_by_year = [YearTotal(y, totals_old.get(y, Decimal(0)), totals_new.get(y, Decimal(0))) for y in years]
    return Comparison(old=old, new=new, groups=groups, budget_by_year=budget_by_year)


def previous_edition(edition: Edition) -> Edition | None:
    """The edition this one is best compared with: the one it was made from, else the public
    edition of the same organization published just before it. Runs a query or two."""
    if edition.based_on_id:
        return Edition.objects.filter(pk=edition.based_on_id).first()
    earlier = Edition.objects.filter(organization_id=edition.organization_id).exclude(pk=edition.pk)
    earlier = earlier.public()
    if edition.published_at:
        earlier = earlier.filter(published_at__lt=edition.published_at)
    return earlier.order_by("-start_year", "-revision_number").first()
