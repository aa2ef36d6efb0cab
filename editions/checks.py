"""Plan checks: what is missing or inconsistent in an edition, in Thai, with where to fix it.

Each ``Check`` has a code (stable, for tests and for remembering what an editor
acknowledged), a Thai title and explanation, a severity and a function that
finds its problems in ``PlanFacts`` (the edition loaded once, in a fixed number
of queries). ``run_checks(edition)`` runs them all and returns a ``CheckReport``.

Publishing (``editions.services.edition_publish``) refuses while a BLOCKING
check finds anything and asks the editor to acknowledge each WARNING check
that does. The same report serves any page that wants to show live checks
(an editor's start page): call ``run_checks`` and lay out ``report.results``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Prefetch
from django.urls import reverse

from editions import consistency
from editions.check_types import Check, CheckReport, CheckResult, Finding, Severity
from editions.consistency import ConsistencyFacts, load_consistency_facts
from plans.models import Block, Edition, ImportFlag, Section
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib import formatting as fmt
from thaimuang_plan.lib.formatting import digits, project_label, strategy_label


@dataclass
class PlanFacts:
    """What the checks look at, loaded in a fixed number of queries whatever the plan's size."""

    edition: Edition
    chapters: list[Section]
    chapters_with_text: set[int]
    frameworks: list[Framework]
    it_strategies: list[Strategy]
    indicators: list[Indicator]
    projects: list[Project]
    budgets_outside: list[ProjectBudget]
    unresolved_flags: list[ImportFlag]
    tactic_strategies: set[int] = field(default_factory=set)
    consistency: ConsistencyFacts = field(default_factory=ConsistencyFacts)


def load_facts(edition: Edition) -> PlanFacts:
    """Nine queries."""
    sections = list(Section.objects.filter(edition=edition).only("id", "parent_id", "number", "title", "order", "level"))
    with_blocks = set(Block.objects.filter(section__edition=edition).values_list("section_id", flat=True).distinct())
    parent_of = {s.pk: s.parent_id for s in sections}
    chapters_with_text = set()
    for section_id in with_blocks:
        top = section_id
        while parent_of.get(top) is not None:
            top = parent_of[top]
        chapters_with_text.add(top)
    frameworks = list(Framework.objects.filter(edition=edition).order_by("order"))
    it_plan = next((f for f in frameworks if f.kind == Framework.Kind.IT_PLAN), None)
    it_strategies = []
    tactic_strategies = set()
    if it_plan is not None:
        it_strategies = list(
            Strategy.objects.filter(framework=it_plan).annotate(goal_count=Count("goals")).order_by("order", "number")
        )
        tactic_strategies = set(
            Tactic.objects.filter(framework=it_plan, strategy__isnull=False).values_list("strategy_id", flat=True)
        ) | set(
            Goal.objects.filter(strategy__framework=it_plan, tactics__isnull=False).values_list("strategy_id", flat=True)
        )
    indicators = list(
        Indicator.objects.filter(framework__edition=edition)
        .select_related("framework")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")))
        .order_by("framework__order", "order")
    )
    projects = list(
        Project.objects.filter(edition=edition)
        .annotate(budget_count=Count("budgets"))
        .order_by("number")
    )
    budgets_outside = list(
        ProjectBudget.objects.filter(project__edition=edition)
        .exclude(fiscal_year__range=(edition.start_year, edition.end_year))
        .select_related("project")
    )
    flags = list(ImportFlag.objects.filter(edition=edition, resolved=False).order_by("line", "pk"))
    return PlanFacts(
        edition=edition,
        chapters=[s for s in sorted(sections, key=lambda s: s.order) if s.parent_id is None],
        chapters_with_text=chapters_with_text,
        frameworks=frameworks,
        it_strategies=it_strategies,
        indicators=indicators,
        projects=projects,
        budgets_outside=budgets_outside,
        unresolved_flags=flags,
        tactic_strategies=tactic_strategies,
        consistency=load_consistency_facts(edition),
    )


def _admin(model: type[models.Model], pk=None, **filters) -> str:
    meta = model._meta
    if pk is not None:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[pk])
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    if filters:
        url += "?" + "&".join(f"{k}={v}" for k, v in filters.items())
    return url


def _strategy_name(strategy: Strategy) -> str:
    return f"{strategy_label(strategy.number)} {strategy.title[:80]}"


def _project_name(project: Project) -> str:
    return f"{project_label(project.number)} {project.name[:80]}"


# --- the checks ------------------------------------------------------------


def _revision_approval(facts: PlanFacts):
    edition = facts.edition
    if edition.revision_number and not (edition.approval_reference and edition.approved_on):
        yield Finding(
            f"{edition.revision_label} ยังไม่ได้ระบุมติหรือคำสั่งที่อนุมัติ และวันที่อนุมัติ",
            _admin(Edition, edition.pk),
        )


def _no_it_strategies(facts: PlanFacts):
    if not facts.it_strategies:
        it_plan = next((f for f in facts.frameworks if f.kind == Framework.Kind.IT_PLAN), None)
        url = _admin(Framework, it_plan.pk) if it_plan else _admin(Framework, edition__id__exact=facts.edition.pk)
        yield Finding("แผนนี้ยังไม่มียุทธศาสตร์ของแผนแม่บทเทคโนโลยีสารสนเทศ หน้าแรกจะแสดง “๐ ยุทธศาสตร์”", url)


def _no_projects(facts: PlanFacts):
    if not facts.projects:
        yield Finding("แผนนี้ยังไม่มีโครงการ หน้าแรกจะแสดง “๐ โครงการ ๐ บาท”", _admin(Project, edition__id__exact=facts.edition.pk))


def _budget_outside(facts: PlanFacts):
    period = fmt.year_range(facts.edition.start_year, facts.edition.end_year)
    for budget in facts.budgets_outside:
        yield Finding(
            f"{_project_name(budget.project)}: งบประมาณปี {fmt.year(budget.fiscal_year)} อยู่นอกช่วงปีของแผน ({period})",
            _admin(Project, budget.project_id),
        )


def _empty_chapters(facts: PlanFacts):
    for chapter in facts.chapters:
        if chapter.pk not in facts.chapters_with_text:
            yield Finding(f"{chapter} ยังไม่มีเนื้อหา", _admin(Section, chapter.pk))


def _strategies_without_goals(facts: PlanFacts):
    for strategy in facts.it_strategies:
        if not strategy.goal_count:
            yield Finding(f"{_strategy_name(strategy)} ยังไม่มีเป้าประสงค์", _admin(Strategy, strategy.pk))


def _strategies_without_tactics(facts: PlanFacts):
    for strategy in facts.it_strategies:
        if strategy.pk not in facts.tactic_strategies:
            yield Finding(f"{_strategy_name(strategy)} ยังไม่มีกลยุทธ์", _admin(Strategy, strategy.pk))


def _indicators_missing_targets(facts: PlanFacts):
    for indicator in facts.indicators:
        years = indicator.framework.years
        have = {t.year for t in indicator.targets.all()}
        missing = [y for y in years if y not in have]
        if missing:
            listed = ", ".join(fmt.year(y) for y in missing)
            yield Finding(
                f"ตัวชี้วัด {indicator.number} {indicator.name[:80]} ({indicator.framework}) ไม่มีค่าเป้าหมายปี {listed}".replace("  ", " "),
                _admin(Indicator, indicator.pk),
            )


def _indicator_totals(facts: PlanFacts):
    for indicator in facts.indicators:
        if indicator.total_matches(indicator.targets.all()) is False:
            yield Finding(
                f"ตัวชี้วัด {indicator.number} {indicator.name[:80]}: ค่ารวม {indicator.total_text or indicator.total_value} "
                f"ไม่ตรงกับค่ารายปี".replace("  ", " "),
                _admin(Indicator, indicator.pk),
            )


def _projects_without(attribute: str, what: str):
    def find(facts: PlanFacts):
        for project in facts.projects:
            missing = not project.budget_count if attribute == "budget" else getattr(project, f"{attribute}_id") is None
            if missing:
                yield Finding(f"{_project_name(project)} ยังไม่มี{what}", _admin(Project, project.pk))

    return find


def _unresolved_flags(facts: PlanFacts):
    for flag in facts.unresolved_flags:
        where = f"บรรทัด {digits(flag.line)}: " if flag.line else ""
        yield Finding(f"{where}{flag.get_kind_display()} — {flag.message[:160]}", _admin(ImportFlag, flag.pk), "ตรวจสอบ")


B, W = Severity.BLOCKING, Severity.WARNING
CHECKS = [
    Check(
        "revision_approval",
        "ฉบับแก้ไขยังไม่ระบุการอนุมัติ",
        "ฉบับแก้ไข เพิ่มเติม หรือเปลี่ยนแปลงต้องอ้างมติสภาหรือคำสั่งที่อนุมัติ พร้อมวันที่ ประชาชนจะเห็นข้อความนี้บนหน้าแผน",
        B,
        _revision_approval,
    ),
    Check("no_it_strategies", "ไม่มียุทธศาสตร์ของแผน", "แผนที่ไม่มียุทธศาสตร์ของแผนแม่บทไอทีไม่ควรเผยแพร่", B, _no_it_strategies),
    Check("no_projects", "ไม่มีโครงการ", "แผนที่ไม่มีโครงการไม่ควรเผยแพร่ เพิ่มโครงการหรือนำเข้าบทที่ ๕ ก่อน", B, _no_projects),
    Check(
        "budget_outside_period",
        "งบประมาณอยู่นอกช่วงปีของแผน",
        "ยอดรวมรายปีบนหน้าเว็บและใน PDF จะไม่ตรงกับแผน แก้ปีงบประมาณให้อยู่ในช่วงปีของแผน",
        B,
        _budget_outside,
    ),
    Check("empty_chapter", "บทที่ยังไม่มีเนื้อหา", "ประชาชนจะเห็นข้อความ “ยังไม่มีเนื้อหา” ในบทนี้", W, _empty_chapters),
    Check(
        "strategy_without_goals",
        "ยุทธศาสตร์ที่ยังไม่มีเป้าประสงค์",
        "ยุทธศาสตร์ของแผนแม่บทไอทีควรมีเป้าประสงค์อย่างน้อยหนึ่งข้อ",
        W,
        _strategies_without_goals,
    ),
    Check(
        "strategy_without_tactics",
        "ยุทธศาสตร์ที่ยังไม่มีกลยุทธ์",
        "ยุทธศาสตร์ของแผนแม่บทไอทีควรมีกลยุทธ์อย่างน้อยหนึ่งข้อ",
        W,
        _strategies_without_tactics,
    ),
    Check(
        "indicator_missing_target",
        "ตัวชี้วัดที่ขาดค่าเป้าหมายบางปี",
        "ตารางตัวชี้วัดจะมีช่องว่างในปีนั้น ใส่ “-” เมื่อปีนั้นไม่มีเป้าหมายจริง ๆ",
        W,
        _indicators_missing_targets,
    ),
    Check(
        "indicator_total_mismatch",
        "ค่ารวมของตัวชี้วัดไม่ตรงกับค่ารายปี",
        "ค่ารวมที่พิมพ์ไม่ตรงกับผลรวม (หรือค่าปีสุดท้าย) ของค่ารายปี ตรวจกับเอกสารต้นฉบับ",
        W,
        _indicator_totals,
    ),
    Check("project_without_budget", "โครงการที่ไม่มีงบประมาณ", "บัญชีสรุปโครงการ (ผ.๐๑) จะนับโครงการนี้เป็น ๐ บาท", W, _projects_without("budget", "งบประมาณ")),
    Check("project_without_unit", "โครงการที่ไม่ระบุหน่วยงานรับผิดชอบ", "ประชาชนจะไม่ทราบว่าใครรับผิดชอบโครงการ", W, _projects_without("unit", "หน่วยงานรับผิดชอบ")),
    Check(
        "project_without_strategy",
        "โครงการที่ไม่ระบุยุทธศาสตร์",
        "โครงการนี้จะไม่ปรากฏในบัญชีสรุปตามยุทธศาสตร์ (ผ.๐๑)",
        W,
        _projects_without("strategy", "ยุทธศาสตร์ด้านไอที"),
    ),
    Check(
        "unresolved_import_flags",
        "ข้อสังเกตจากการนำเข้าที่ยังไม่ตรวจ",
        "ระบบพบสิ่งที่ควรตรวจกับเอกสารต้นฉบับตอนนำเข้า ติ๊ก “ตรวจสอบแล้ว” เมื่อแก้ไขหรือยืนยันแล้ว",
        W,
        _unresolved_flags,
    ),
    # Live consistency checks (editions/consistency.py).
    Check(
        "alignment_outside_plan",
        "ความสอดคล้องที่ชี้ไปนอกแผนนี้",
        "ยุทธศาสตร์หรือกลยุทธ์ชี้ไปยังกรอบของแผนฉบับอื่น หรือชี้ไปยังแผนแม่บทไอทีเอง รายงานความสอดคล้องจะผิด เลือกยุทธศาสตร์ของกรอบที่สูงกว่าในแผนนี้แทน",
        B,
        consistency.links_outside_plan,
    ),
    Check(
        "numbering",
        "เลขยุทธศาสตร์หรือเลขโครงการซ้ำหรือข้าม",
        "เลขที่ซ้ำหรือข้ามมักมาจากการพิมพ์หรือคัดลอกเอกสาร ถ้าต้นฉบับพิมพ์ไว้เช่นนั้นจริง ให้คงไว้และยืนยัน",
        W,
        consistency.numbering,
    ),
    Check(
        "project_without_indicator",
        "โครงการที่ไม่มีตัวชี้วัด",
        "การติดตามและประเมินผลต้องมีตัวชี้วัดของโครงการ",
        W,
        consistency.projects_without_indicator,
    ),
    Check(
        "tactic_without_project",
        "กลยุทธ์ด้านไอทีที่ยังไม่มีโครงการ",
        "กลยุทธ์ที่ไม่มีโครงการรองรับจะไม่เกิดผล ดูรายงานความสอดคล้องเพื่อดูภาพรวม",
        W,
        consistency.tactics_without_project,
    ),
    Check(
        "sample_content",
        "ยังมีข้อมูลตัวอย่างในแผน",
        "ข้อมูลตัวอย่างไม่ใช่ข้อมูลของแผนจริง หน้าเว็บและ PDF จะติดป้าย “ข้อมูลตัวอย่าง” จนกว่าจะลบออก",
        W,
        consistency.sample_content,
    ),
    Check(
        "foreign_organization_name",
        "พบชื่อหน่วยงานอื่นในเนื้อหา",
        "ชื่อ อบต. หรือเทศบาลอื่นในแผนมักเป็นข้อความที่คัดลอกมาจากแผนของหน่วยงานอื่น ตรวจกับเอกสารต้นฉบับ",
        W,
        consistency.foreign_names,
    ),
]
CHECKS_BY_CODE = {check.code: check for check in CHECKS}


def run_checks(edition: Edition, checks: list[Check] = CHECKS) -> CheckReport:
    """Every check on ``edition``; a fixed number of queries (``load_facts``)."""
    facts = load_facts(edition)
    results = [CheckResult(check, list(check.find(facts))) for check in checks]
    found = [r for r in results if r.findings]
    found.sort(key=lambda r: not r.is_blocking)  # stable: blocking first, then CHECKS order
    return CheckReport(edition=edition, results=found)


