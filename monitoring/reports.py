"""The annual monitoring report: everything the PDF (monitoring/printed_report.py) prints for one fiscal year.

Usage from the PDF view::

    if not report_is_public(edition, 2564) and not can_export:
        raise Http404
    report = annual_report(edition, 2564, include_unpublished=can_export)

``annual_report`` reads in a fixed number of queries (about twelve) and
raises ``ReportNotAvailable`` when the year has no round to report on.
The figures come from ``monitoring.rollups`` (see its docstring for the
rules: budget-weighted progress, cancelled and postponed projects, indicators
met when actual ≥ target).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from monitoring.models import Committee, CommitteeMember, EvaluationRound, RoundFinding
from monitoring.rollups import IndicatorSummary, ProjectLine, Rollup
from monitoring.selectors import committees_with_members, round_results
from plans.models import Edition, Organization
from thaimuang_plan.lib.thai import format_year

NO_ROUND_FOR_YEAR = "ยังไม่มีผลการติดตามที่เผยแพร่แล้วสำหรับปีงบประมาณ {year}"


class ReportNotAvailable(LookupError):
    """The fiscal year has no (published) round; the message is Thai and fit to show."""


@dataclass
class AnnualReport:
    """One fiscal year's report.

    - ``round``: the round the report is built on, the one covering most of the
      year (the annual round when it exists); ``rounds`` all rounds used.
    - ``period_start`` / ``period_end``: the period covered (from that round).
    - ``committee``, ``members`` (in order, each with ``name``, ``position``,
      ``get_role_display()``), ``chair`` and ``secretary`` (or None): who signs.
    - ``projects``: ``ProjectLine`` per project (``.project``, ``.status`` and
      ``.record.get_status_display()``, ``.record.percent_done``, ``.planned``,
      ``.spent``, ``.execution``; ``.record`` is None when missing).
    - ``strategies``: ``Rollup`` per strategy (``.strategy`` None = no strategy),
      ``plan`` the whole plan (``.planned``, ``.spent``, ``.execution``,
      ``.progress``, ``.weighting``, ``.missing``, ``.cancelled``).
    - ``indicators``: ``IndicatorSummary`` (``.lines`` with ``.indicator``,
      ``.target`` (text/value), ``.result`` (actual_text/actual_value),
      ``.state_label``; ``.met``, ``.not_met``, ``.not_assessed``).
    - ``findings`` and ``recommendations``: the committee's text, in order.
    - ``report_date``: the date to print under the signatures (the round's
      report date); ``is_published``: whether residents may see it;
      ``has_sample``: print "ข้อมูลตัวอย่าง" when true.
    """

    edition: Edition
    organization: Organization
    fiscal_year: int
    round: EvaluationRound
    rounds: list[EvaluationRound]
    period_start: dt.date
    period_end: dt.date
    committee: Committee | None
    members: list[CommitteeMember]
    chair: CommitteeMember | None
    secretary: CommitteeMember | None
    projects: list[ProjectLine]
    strategies: list[Rollup]
    plan: Rollup
    indicators: IndicatorSummary
    findings: list[RoundFinding]
    recommendations: list[RoundFinding]
    report_date: dt.date
    is_published: bool
    has_sample: bool

    @property
    def title(self) -> str:
        return f"รายงานผลการติดตามและประเมินผลแผนแม่บทเทคโนโลยีสารสนเทศ ประจำปีงบประมาณ {format_year(self.fiscal_year)}"

    @property
    def planned_total(self) -> Decimal:
        return self.plan.planned

    @property
    def spent_total(self) -> Decimal:
        return self.plan.spent


def _rounds_of_year(
    edition: Edition, fiscal_year: int, *, include_unpublished: bool
) -> list[EvaluationRound]:
    rounds = EvaluationRound.objects.filter(edition=edition, fiscal_year=fiscal_year).select_related(
        "schedule_round"
    )
    if not include_unpublished:
        rounds = rounds.published()
    return list(rounds.order_by("-period_end", "-pk"))


def report_is_public(edition: Edition, fiscal_year: int) -> bool:
    """Residents may download the year's report: the edition is public and a round of the year is published."""
    return (
        edition.is_public
        and EvaluationRound.objects.filter(edition=edition, fiscal_year=fiscal_year).published().exists()
    )


def _committee_for(committees: list[Committee], on: dt.date) -> Committee | None:
    """The committee whose term covers ``on``; else the one appointed last."""
    for committee in committees:
        starts_ok = committee.term_start is None or committee.term_start <= on
        ends_ok = committee.term_end is None or on <= committee.term_end
        if starts_ok and ends_ok:
            return committee
    return committees[0] if committees else None


def annual_report(edition: Edition, fiscal_year: int, *, include_unpublished: bool = False) -> AnnualReport:
    """The report for ``fiscal_year`` (BE). Pass ``include_unpublished=True`` for the committee's export."""
    rounds = _rounds_of_year(edition, fiscal_year, include_unpublished=include_unpublished)
    if not rounds:
        raise ReportNotAvailable(NO_ROUND_FOR_YEAR.format(year=format_year(fiscal_year)))
    main = rounds[0]
    main.edition = edition
    results = round_results(main)
    committee = _committee_for(committees_with_members(edition), main.report_date)
    members = committee.member_list if committee else []
    Role = CommitteeMember.Role
    return AnnualReport(
        edition=edition,
        organization=edition.organization,
        fiscal_year=fiscal_year,
        round=main,
        rounds=rounds,
        period_start=main.period_start,
        period_end=main.period_end,
        committee=committee,
        members=members,
        chair=next((m for m in members if m.role == Role.CHAIR), None),
        secretary=next((m for m in members if m.role == Role.SECRETARY), None),
        projects=results.rollup.lines,
        strategies=results.rollup.strategies,
        plan=results.rollup.plan,
        indicators=results.indicators,
        findings=results.findings,
        recommendations=results.recommendations,
        report_date=main.report_date,
        is_published=main.is_published,
        has_sample=results.has_sample or bool(committee and committee.is_sample),
    )
