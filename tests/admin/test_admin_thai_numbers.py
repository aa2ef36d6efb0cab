"""Numbers typed with Thai digits are read as numbers; nonsense gets a Thai message."""

from decimal import Decimal

import pytest
from django.urls import reverse

from plans.forms import NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, ThaiDecimalField, ThaiIntegerField
from projects.models import Project


@pytest.mark.parametrize(("typed", "number"), [("๒๕๖๓", 2563), ("2563", 2563), ("๒,๕๖๓", 2563), (" ๑๒ ", 12)])
def test_a_whole_number_can_be_typed_in_thai_or_arabic_digits(typed, number):
    assert ThaiIntegerField().clean(typed) == number


@pytest.mark.parametrize(("typed", "amount"), [("๑,๒๕๐.๕๐", Decimal("1250.50")), ("1250.5", Decimal("1250.5"))])
def test_an_amount_can_be_typed_in_thai_or_arabic_digits(typed, amount):
    assert ThaiDecimalField(max_digits=14, decimal_places=2).clean(typed) == amount


def test_an_unreadable_number_gets_a_thai_message():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as whole:
        ThaiIntegerField().clean("สองพัน")
    assert whole.value.messages == [NOT_A_WHOLE_NUMBER]
    with pytest.raises(ValidationError) as amount:
        ThaiDecimalField().clean("๑๒ก")
    assert amount.value.messages == [NOT_A_NUMBER]


def test_admin_number_inputs_accept_thai_digits(client, editor, edition):
    client.force_login(editor)
    page = client.get(reverse("admin:projects_project_add"))
    assert 'type="number"' not in page.text, "browsers refuse Thai digits in number inputs"

    response = client.post(
        reverse("admin:projects_project_add"),
        {"edition": edition.pk, "number": "๑๒", "name": "โครงการทดสอบ", "status": "planned",
         "budgets-TOTAL_FORMS": "1", "budgets-INITIAL_FORMS": "0",
         "budgets-0-fiscal_year": "๒๕๖๔", "budgets-0-amount": "๑,๒๕๐.๕๐", "budgets-0-source": "งบประมาณ อบต."},
    )

    assert response.status_code == 302
    project = Project.objects.get()
    assert project.number == 12
    budget = project.budgets.get()
    assert (budget.fiscal_year, budget.amount) == (2564, Decimal("1250.50"))


def test_a_bad_number_in_the_admin_keeps_the_rest_of_the_form(client, editor, edition):
    client.force_login(editor)
    response = client.post(
        reverse("admin:projects_project_add"),
        {"edition": edition.pk, "number": "สิบสอง", "name": "ชื่อที่พิมพ์ไว้", "status": "planned",
         "budgets-TOTAL_FORMS": "0", "budgets-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert NOT_A_WHOLE_NUMBER in response.text
    assert "ชื่อที่พิมพ์ไว้" in response.text
