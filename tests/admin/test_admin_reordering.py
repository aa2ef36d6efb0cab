"""Reordering without retyping: one action gives a list 10, 20, 30 ... again."""

from django.urls import reverse
from reversion.models import Version

from plans.admin_base import RENUMBER
from strategies.models import Strategy


def test_renumbering_restores_even_gaps_in_the_current_order(client, editor, framework, action_data):
    first, second = framework.strategies.order_by("order")
    inserted = Strategy.objects.create(framework=framework, number=3, title="แทรกระหว่างกลาง", order=15)
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_changelist")
    response = client.post(url, action_data(client.get(url), "renumber_selected", [first]))
    assert response.status_code == 302
    ordered = list(framework.strategies.order_by("order").values_list("pk", "order"))
    assert ordered == [(first.pk, 10), (inserted.pk, 20), (second.pk, 30)]
    # The history says who renumbered and what they did.
    revision = Version.objects.get_for_object(inserted).get().revision
    assert (revision.user, revision.comment) == (editor, RENUMBER)


def test_the_framework_page_shows_points_and_strategies_in_order(client, editor, framework):
    Strategy.objects.filter(framework=framework, number=2).update(order=5)
    client.force_login(editor)
    page = client.get(reverse("admin:strategies_framework_change", args=[framework.pk])).text
    assert page.index("พันธกิจแรก") < page.index("พันธกิจที่สอง")
    assert page.index("ยุทธศาสตร์ 2") < page.index("ยุทธศาสตร์ 1")


def test_the_strategy_page_shows_goals_tactics_and_indicators_inline(client, editor, framework):
    strategy = framework.strategies.get(number=1)
    client.force_login(editor)
    page = client.get(reverse("admin:strategies_strategy_change", args=[strategy.pk])).text
    for text in ("เป้าประสงค์ของ 1", "กลยุทธ์ของ 1", "ตัวชี้วัดของ 1"):
        assert text in page
    indicator = strategy.indicators.get()
    assert reverse("admin:strategies_indicator_change", args=[indicator.pk]) in page
    assert "เป้าประสงค์ของ 2" not in page, "goal choices are limited to this strategy"


def test_a_tactic_added_under_a_strategy_belongs_to_its_framework(client, editor, framework, form_data):
    strategy = framework.strategies.get(number=1)
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_change", args=[strategy.pk])
    data = form_data(client.get(url))
    data.update({"tactics-TOTAL_FORMS": "2", "tactics-1-text": "กลยุทธ์ใหม่", "tactics-1-order": "๒๐"})
    assert client.post(url, data).status_code == 302
    tactic = strategy.tactics.get(text="กลยุทธ์ใหม่")
    assert (tactic.framework, tactic.order) == (framework, 20)
