"""Each role's boundary in the admin: editors edit and publish, the committee only reads."""

import pytest
from django.urls import reverse

from plans.models import Edition
from strategies.models import Strategy

PLAN_CONTENT_PAGES = ["strategies_framework", "strategies_strategy", "projects_project", "plans_section"]


@pytest.mark.parametrize("page", PLAN_CONTENT_PAGES)
def test_an_editor_can_open_add_and_change_pages_of_plan_content(client, editor, framework, page):
    client.force_login(editor)
    assert client.get(reverse(f"admin:{page}_add")).status_code == 200
    assert client.get(reverse(f"admin:{page}_changelist")).status_code == 200


def test_an_editor_can_change_a_strategy(client, editor, framework, form_data):
    client.force_login(editor)
    strategy = framework.strategies.first()
    url = reverse("admin:strategies_strategy_change", args=[strategy.pk])
    data = form_data(client.get(url))
    data["title"] = "ยุทธศาสตร์ที่แก้แล้ว"
    assert client.post(url, data).status_code == 302
    strategy.refresh_from_db()
    assert strategy.title == "ยุทธศาสตร์ที่แก้แล้ว"


def test_an_editor_can_publish(client, editor, edition, framework):
    from projects.models import Project

    Project.objects.create(edition=edition, number=1, name="โครงการ", strategy=framework.strategies.first())
    client.force_login(editor)
    url = reverse("editions_admin:publish", args=[edition.pk])
    report = client.get(url).context["report"]
    data = {"fingerprint": report.fingerprint, **{f"ack_{code}": "on" for code in report.warning_codes}}
    response = client.post(url, data)
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.status == Edition.Status.PUBLISHED


def test_the_committee_can_read_plan_content(client, committee_member, framework):
    client.force_login(committee_member)
    strategy = framework.strategies.first()
    assert client.get(reverse("admin:strategies_strategy_changelist")).status_code == 200
    page = client.get(reverse("admin:strategies_strategy_change", args=[strategy.pk]))
    assert page.status_code == 200
    assert 'name="title"' not in page.text  # read-only: no input to type into


def test_the_committee_cannot_change_add_or_delete_plan_content(client, committee_member, framework):
    client.force_login(committee_member)
    strategy = framework.strategies.first()
    change = reverse("admin:strategies_strategy_change", args=[strategy.pk])
    assert client.post(change, {"title": "แอบแก้", "number": "9", "framework": framework.pk}).status_code == 403
    assert client.get(reverse("admin:strategies_strategy_add")).status_code == 403
    assert client.post(reverse("admin:strategies_strategy_delete", args=[strategy.pk]), {"post": "yes"}).status_code == 403
    strategy.refresh_from_db()
    assert strategy.title != "แอบแก้"
    assert Strategy.objects.filter(pk=strategy.pk).exists()


def test_the_committee_cannot_publish(client, committee_member, edition):
    client.force_login(committee_member)
    assert client.get(reverse("editions_admin:publish", args=[edition.pk])).status_code == 403
    assert client.post(reverse("editions_admin:publish", args=[edition.pk]), {"fingerprint": "x"}).status_code == 403
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT


def test_anonymous_visitors_are_sent_to_the_login_page(client, framework):
    response = client.get(reverse("admin:strategies_framework_change", args=[framework.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("page", [*PLAN_CONTENT_PAGES, "plans_edition", "plans_importflag", "auth_user"])
def test_a_superuser_can_open_every_list(client, superuser, framework, page):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:{page}_changelist")).status_code == 200


def test_a_superuser_can_delete_plan_content(client, superuser, framework):
    client.force_login(superuser)
    strategy = framework.strategies.first()
    response = client.post(reverse("admin:strategies_strategy_delete", args=[strategy.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Strategy.objects.filter(pk=strategy.pk).exists()
