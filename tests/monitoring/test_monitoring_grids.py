"""The committee's grids: every indicator against its target on one screen per round, and the
working group's target grid per framework (years across)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import IndicatorResult
from monitoring.results_entry import RESULTS_SAVED
from plans.forms import STALE_SAVE
from strategies.models import Indicator, IndicatorTarget

pytestmark = pytest.mark.django_db


def _results_url(round):
    return reverse("admin:monitoring_evaluationround_results", args=[round.pk])


def _grid_data(response):
    data = {}
    for row in response.context["entry"].rows:
        for name in row.fields:
            value = row[name].value()
            data[row.add_prefix(name)] = "" if value is None else str(value)
    return data


def test_the_round_shows_every_indicator_against_its_target_for_the_year(
    client, committee_member, round_2564, plan
):
    second = Indicator.objects.create(framework=plan["framework"], name="ร้อยละความพึงพอใจ", unit="%", order=20)
    client.force_login(committee_member)
    response = client.get(_results_url(round_2564))
    assert response.status_code == 200
    rows = response.context["entry"].rows
    assert [row.indicator for row in rows] == [plan["indicator"], second]
    assert rows[0].target.text == "๒ ระบบ" and rows[1].target is None
    assert "ไม่มีเป้าหมายปีนี้" in response.text


def test_results_of_all_indicators_are_saved_together_and_the_number_is_read_from_the_text(
    client, committee_member, round_2564, plan
):
    client.force_login(committee_member)
    indicator = plan["indicator"]
    data = _grid_data(client.get(_results_url(round_2564)))
    data[f"i{indicator.pk}-actual_text"] = "๓ ระบบ"
    response = client.post(_results_url(round_2564), data, follow=True)
    assert RESULTS_SAVED.format(count="๑") in response.text
    result = IndicatorResult.objects.get(indicator=indicator, fiscal_year=2564)
    assert (result.actual_text, result.actual_value) == ("๓ ระบบ", Decimal(3))


def test_a_wrong_row_saves_nothing_and_keeps_what_was_typed(client, committee_member, round_2564, plan):
    other = Indicator.objects.create(framework=plan["framework"], name="ตัวชี้วัดที่สอง", order=20)
    client.force_login(committee_member)
    data = _grid_data(client.get(_results_url(round_2564)))
    data[f"i{plan['indicator'].pk}-actual_text"] = "๒ ระบบ"
    data[f"i{other.pk}-actual_value"] = "มาก"
    response = client.post(_results_url(round_2564), data)
    assert response.status_code == 200
    assert 'value="๒ ระบบ"' in response.text
    assert not IndicatorResult.objects.exists()


def test_a_result_changed_by_someone_else_meanwhile_is_not_overwritten(
    client, committee_member, round_2564, plan
):
    result = IndicatorResult.objects.create(
        indicator=plan["indicator"], fiscal_year=2564, actual_text="๑ ระบบ"
    )
    client.force_login(committee_member)
    data = _grid_data(client.get(_results_url(round_2564)))
    IndicatorResult.objects.filter(pk=result.pk).update(
        actual_text="๒ ระบบ"
    )  # another member, updated_at moves
    result.refresh_from_db()
    result.save()
    data[f"i{plan['indicator'].pk}-actual_text"] = "๕ ระบบ"
    response = client.post(_results_url(round_2564), data)
    assert STALE_SAVE in response.text
    result.refresh_from_db()
    assert result.actual_text == "๒ ระบบ"


def _reads_of_results_while_saving(client, round, indicators) -> int:
    """Post the grid with a result typed in every row; the SELECTs of results the save made."""
    data = _grid_data(client.get(_results_url(round)))
    for indicator in indicators:
        data[f"i{indicator.pk}-actual_text"] = "๔ ระบบ"
    with CaptureQueriesContext(connection) as captured:
        response = client.post(_results_url(round), data)
    assert response.status_code == 302
    table = IndicatorResult._meta.db_table
    return sum(1 for query in captured if query["sql"].startswith("SELECT") and table in query["sql"])


def test_checking_the_lock_of_every_stored_row_reads_the_results_once(client, committee_member, round_2564, plan):
    # Each stored row is checked against its token (a 300-row grid must not read 300 times).
    client.force_login(committee_member)
    indicators = [plan["indicator"]]
    _reads_of_results_while_saving(client, round_2564, indicators)  # the row is now stored
    one_row = _reads_of_results_while_saving(client, round_2564, indicators)
    for order in range(20, 28):
        indicator = Indicator.objects.create(framework=plan["framework"], name=f"ตัวชี้วัด {order}", order=order)
        IndicatorResult.objects.create(indicator=indicator, fiscal_year=2564, actual_text="๑ ระบบ")
        indicators.append(indicator)
    assert _reads_of_results_while_saving(client, round_2564, indicators) == one_row
    assert set(IndicatorResult.objects.values_list("actual_text", flat=True)) == {"๔ ระบบ"}


def test_the_working_group_only_reads_the_results(client, editor, round_2564):
    client.force_login(editor)
    assert client.get(_results_url(round_2564)).status_code == 200
    assert client.post(_results_url(round_2564), {}).status_code == 403


def _targets_url(framework):
    return reverse("admin:strategies_framework_targets", args=[framework.pk])


def _cells(response):
    return {cell.name: cell.value for _indicator, cells in response.context["rows"] for cell in cells}


def test_the_target_grid_has_the_years_across_and_saves_changes_additions_and_removals(client, editor, plan):
    framework, indicator = plan["framework"], plan["indicator"]
    client.force_login(editor)
    response = client.get(_targets_url(framework))
    assert response.context["years"] == [2563, 2564, 2565]
    data = {"lock_token": response.context["lock_token"], **_cells(response)}
    data[f"t{indicator.pk}-2563"] = "๑ ระบบ"
    data[f"t{indicator.pk}-2564"] = ""
    data[f"t{indicator.pk}-2565"] = "-"
    response = client.post(_targets_url(framework), data, follow=True)
    assert "เพิ่ม ๒ แก้ไข ๐ ลบ ๑ ช่อง" in response.text
    targets = {t.year: (t.text, t.value) for t in IndicatorTarget.objects.filter(indicator=indicator)}
    assert targets == {2563: ("๑ ระบบ", Decimal(1)), 2565: ("-", None)}


def test_a_stale_target_grid_is_refused_with_the_cells_kept(client, editor, plan):
    framework, indicator = plan["framework"], plan["indicator"]
    client.force_login(editor)
    response = client.get(_targets_url(framework))
    data = {"lock_token": response.context["lock_token"], **_cells(response)}
    IndicatorTarget.objects.get(indicator=indicator, year=2564).save()  # someone saved meanwhile
    data[f"t{indicator.pk}-2563"] = "๙ ระบบ"
    response = client.post(_targets_url(framework), data)
    assert STALE_SAVE in response.text
    assert 'value="๙ ระบบ"' in response.text
    assert not IndicatorTarget.objects.filter(indicator=indicator, year=2563).exists()


def test_the_committee_reads_the_target_grid_but_cannot_change_it(client, committee_member, plan):
    client.force_login(committee_member)
    response = client.get(_targets_url(plan["framework"]))
    assert response.status_code == 200 and "disabled" in response.text
    assert client.post(_targets_url(plan["framework"]), {}).status_code == 403
