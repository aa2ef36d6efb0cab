"""The lock token on change lists: editable columns and actions refuse rows changed since the list was shown."""

from django.urls import reverse

from plans.admin_base import STALE_ACTION
from plans.forms import STALE_SAVE
from strategies.models import Strategy


def _list_data(page) -> dict:
    """What a browser posts when "บันทึก" is pressed on a change list with editable columns."""
    formset = page.context["cl"].formset
    data = {formset.management_form.add_prefix(name): str(value) for name, value in formset.management_form.initial.items()}
    for form in formset.forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = str(value)
    data["_save"] = "บันทึก"
    return data


def _form_of(page, obj):
    return next(form for form in page.context["cl"].formset.forms if form.instance.pk == obj.pk)


def test_the_list_carries_each_rows_token(client, editor, framework):
    client.force_login(editor)
    page = client.get(reverse("admin:strategies_strategy_changelist"))
    strategy = framework.strategies.first()
    assert f'name="_lock-{strategy.pk}" value="{strategy.updated_at.isoformat()}"' in page.text
    assert f'value="{strategy.updated_at.isoformat()}"' in str(_form_of(page, strategy)["lock_token"])


def test_a_fresh_list_save_goes_through(client, editor, framework):
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_changelist")
    page = client.get(url)
    strategy = framework.strategies.get(number=1)
    data = _list_data(page)
    data[_form_of(page, strategy).add_prefix("order")] = "๕"
    assert client.post(url, data).status_code == 302
    strategy.refresh_from_db()
    assert strategy.order == 5


def test_a_list_save_is_not_refused_for_a_row_changed_elsewhere_but_not_here(client, editor, framework):
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_changelist")
    page = client.get(url)
    mine, theirs = framework.strategies.order_by("number")
    Strategy.objects.filter(pk=theirs.pk).first().save()
    theirs.refresh_from_db()
    before = theirs.updated_at
    data = _list_data(page)
    data[_form_of(page, mine).add_prefix("order")] = "๕"

    assert client.post(url, data).status_code == 302

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.order == 5
    assert theirs.updated_at == before, "a row the editor did not touch is not rewritten"


def test_a_stale_list_save_is_refused_on_that_row(client, editor, framework):
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_changelist")
    page = client.get(url)
    strategy = framework.strategies.get(number=1)
    other = Strategy.objects.get(pk=strategy.pk)
    other.title = "แก้จากหน้ายุทธศาสตร์"
    other.save()
    data = _list_data(page)
    data[_form_of(page, strategy).add_prefix("order")] = "๕"

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.text.count(STALE_SAVE) == 1, "shown once, on the row that was changed elsewhere"
    strategy.refresh_from_db()
    assert (strategy.title, strategy.order) == ("แก้จากหน้ายุทธศาสตร์", 10)


def test_an_action_on_a_row_changed_since_the_list_was_shown_is_refused(client, editor, framework, action_data):
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_changelist")
    page = client.get(url)
    first, second = framework.strategies.order_by("order")
    Strategy.objects.filter(pk=first.pk).update(order=7)  # someone else reorders meanwhile
    Strategy.objects.get(pk=first.pk).save()

    response = client.post(url, action_data(page, "renumber_selected", [first]), follow=True)

    assert STALE_ACTION.format(rows=f"“{Strategy.objects.get(pk=first.pk)}”") in response.text
    first.refresh_from_db()
    assert first.order == 7


def test_an_action_sent_without_the_lists_tokens_is_refused(client, editor, framework):
    client.force_login(editor)
    first = framework.strategies.order_by("order").first()
    Strategy.objects.filter(pk=first.pk).update(order=7)
    client.post(
        reverse("admin:strategies_strategy_changelist"),
        {"action": "renumber_selected", "_selected_action": [first.pk]},
    )
    first.refresh_from_db()
    assert first.order == 7


def test_deleting_from_the_list_carries_the_tokens_through_the_confirmation(client, editor, framework, action_data):
    client.force_login(editor)
    url = reverse("admin:strategies_strategy_changelist")
    first = framework.strategies.order_by("order").first()
    confirmation = client.post(url, action_data(client.get(url), "delete_selected", [first]))
    assert f'name="_lock-{first.pk}"' in confirmation.text
    tokens = action_data(confirmation, "delete_selected", [first])

    response = client.post(url, {**tokens, "post": "yes"})

    assert response.status_code == 302
    assert not Strategy.objects.filter(pk=first.pk).exists()
