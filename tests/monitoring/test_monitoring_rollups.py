"""The roll-up arithmetic, on objects in memory (the functions run no query)."""

from decimal import Decimal

from monitoring.models import IndicatorResult, ProjectProgress
from monitoring.rollups import MET, NO_RESULT, NO_TARGET, NOT_MET, indicator_summary, round_rollup
from projects.models import Project, ProjectBudget
from strategies.models import Indicator, IndicatorTarget, Strategy

S1 = Strategy(pk=1, number=1, title="หนึ่ง")
S2 = Strategy(pk=2, number=2, title="สอง")


def project(number, strategy=S1, **budgets):
    p = Project(
        pk=number, number=number, name=f"โครงการ {number}", strategy_id=strategy.pk if strategy else None
    )
    p.budget_list = [ProjectBudget(fiscal_year=int(y[1:]), amount=Decimal(a)) for y, a in budgets.items()]
    return p


def progress(p, status="in_progress", percent=0, spent=0):
    return ProjectProgress(project_id=p.pk, status=status, percent_done=percent, budget_spent=Decimal(spent))


def rollup_of(projects, records):
    return round_rollup(fiscal_year=2564, projects=projects, records=records, strategies=[S1, S2])


def test_it_weights_progress_by_the_planned_budget_of_the_year():
    small, large = project(1, y2564=100_000, y2565=900_000), project(2, y2564=300_000)
    result = rollup_of([small, large], [progress(small, percent=50), progress(large, percent=10)])
    # (100,000 × 50 + 300,000 × 10) / 400,000 = 20, not the plain average 30.
    assert result.plan.progress == Decimal("20.00")
    assert result.plan.weighting == "budget"
    assert result.strategies[0].progress == Decimal("20.00")


def test_it_counts_a_postponed_project_as_nothing_done_with_its_full_weight():
    done, postponed = project(1, y2564=100_000), project(2, y2564=300_000)
    records = [progress(done, "done", 100), progress(postponed, "postponed", 60)]
    assert rollup_of([done, postponed], records).plan.progress == Decimal("25.00")


def test_it_leaves_cancelled_projects_out_of_progress_but_lists_them_and_keeps_their_budget():
    going, cancelled = project(1, y2564=100_000), project(2, y2564=300_000)
    records = [progress(going, percent=40, spent=10_000), progress(cancelled, "cancelled", 10, spent=5_000)]
    result = rollup_of([going, cancelled], records)
    assert result.plan.progress == Decimal("40.00")
    assert [line.project for line in result.cancelled] == [cancelled]
    assert result.plan.planned == Decimal(400_000)
    assert result.plan.spent == Decimal(15_000)
    assert result.plan.execution == Decimal("3.75")


def test_it_falls_back_to_equal_weights_when_no_project_has_budget_that_year():
    zero_line, no_line = project(3, S2, y2564=0), project(4, S2, y2565=50_000)
    result = rollup_of([zero_line, no_line], [progress(zero_line, percent=30), progress(no_line, percent=70)])
    assert result.plan.progress == Decimal("50.00")
    assert result.plan.weighting == "equal"
    assert result.plan.execution is None  # nothing planned: no ratio to show
    assert [line.has_budget_line for line in result.lines] == [True, False]


def test_a_project_without_budget_weighs_nothing_next_to_projects_with_budget():
    funded, unfunded = project(1, y2564=100_000), project(2, y2564=0)
    result = rollup_of([funded, unfunded], [progress(funded, percent=80), progress(unfunded, percent=0)])
    assert result.plan.progress == Decimal("80.00")


def test_it_lists_projects_of_the_year_without_a_record_and_does_not_guess_their_progress():
    recorded, silent, other_year = project(1, y2564=100_000), project(2, y2564=300_000), project(3, y2565=10)
    result = rollup_of([recorded, silent, other_year], [progress(recorded, percent=60)])
    assert [line.project for line in result.missing] == [silent]
    assert result.plan.progress == Decimal("60.00")
    assert result.plan.planned == Decimal(400_000)  # the plan for the year, reported or not
    assert other_year not in [line.project for line in result.lines]


def test_it_groups_by_strategy_in_plan_order_with_projects_without_strategy_last():
    a, b, c = project(1, S2, y2564=10), project(2, S1, y2564=20), project(3, None, y2564=30)
    result = rollup_of([a, b, c], [])
    assert [group.strategy for group in result.strategies] == [S1, S2, None]
    assert [group.planned for group in result.strategies] == [Decimal(20), Decimal(10), Decimal(30)]
    assert result.plan.progress is None


def test_the_plan_figure_is_not_the_average_of_strategy_figures_when_one_falls_back():
    funded, unfunded = project(1, S1, y2564=100_000), project(2, S2, y2564=0)
    result = rollup_of([funded, unfunded], [progress(funded, percent=20), progress(unfunded, percent=100)])
    assert [g.progress for g in result.strategies] == [Decimal("20.00"), Decimal("100.00")]
    assert result.plan.progress == Decimal("20.00")


def _indicator(pk, target):
    indicator = Indicator(pk=pk, name=f"ตัวชี้วัด {pk}")
    indicator.target_list = [] if target == "absent" else [IndicatorTarget(year=2564, value=target)]
    return indicator


def test_an_indicator_is_met_when_the_actual_value_reaches_the_target():
    indicators = [
        _indicator(1, Decimal(2)),
        _indicator(2, Decimal(2)),
        _indicator(3, Decimal(5)),
        _indicator(4, None),
        _indicator(5, "absent"),
        _indicator(6, Decimal(1)),
    ]
    results = [
        IndicatorResult(indicator_id=1, fiscal_year=2564, actual_value=Decimal(2)),
        IndicatorResult(indicator_id=2, fiscal_year=2564, actual_value=Decimal(3)),
        IndicatorResult(indicator_id=3, fiscal_year=2564, actual_value=Decimal("4.99")),
        IndicatorResult(indicator_id=4, fiscal_year=2564, actual_value=Decimal(1)),
        IndicatorResult(indicator_id=6, fiscal_year=2565, actual_value=Decimal(9)),
    ]
    summary = indicator_summary(fiscal_year=2564, indicators=indicators, results=results)
    assert [line.state for line in summary.lines] == [MET, MET, NOT_MET, NO_TARGET, NO_TARGET, NO_RESULT]
    assert (summary.met, summary.not_met, summary.not_assessed) == (2, 1, 3)
