"""The portal-wide history (/admin/history/) and its CSV show a member only their organizations'
rows: saved versions, deletions (also of rows gone since), the people and plans to filter by."""

from django.test import Client
from django.urls import reverse

from audit.selectors import DELETED
from plans.models import SwotItem
from strategies.models import Strategy
from tests.admin.conftest import change_form_data
from tests.orgs.organizations import OWN, SECRET, SECRET_LATIN

URL = reverse("audit:history")


def test_a_member_sees_the_history_of_their_organization_only(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    page = client.get(URL)
    text = page.content.decode()
    assert SECRET not in text and SECRET_LATIN not in text
    reprs = [row.object_repr for row in page.context["rows"]]
    assert any(OWN in r for r in reprs)
    deletions = [row for row in page.context["rows"] if row.action == DELETED]
    assert [row.object_repr for row in deletions] == [str(a.deleted)]
    # The filters offer their own people and plans only.
    form = page.context["form"]
    assert set(form.fields["person"].queryset) <= {a.editor, a.committee}
    assert set(form.fields["edition"].queryset) == {a.rows[type(a.row(Strategy).framework.edition)]}


def test_the_csv_export_holds_the_same_rows(client, orgs):
    a, b = orgs
    client.force_login(a.committee)
    response = client.get(URL, {"format": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert OWN in text and SECRET not in text and SECRET_LATIN not in text


def test_a_host_sees_everyones_history(client, orgs, superuser):
    client.force_login(superuser)
    text = client.get(URL).content.decode()
    assert SECRET in text and OWN in text


def test_a_change_made_later_is_shown_to_its_own_organization_only(client, orgs):
    a, b = orgs
    client.force_login(b.editor)
    url = reverse("admin:strategies_strategy_change", args=[b.row(Strategy).pk])
    data = change_form_data(client.get(url))
    data["title"] = f"ยุทธศาสตร์ใหม่ {SECRET}"
    assert client.post(url, data).status_code == 302
    client.post(reverse("admin:plans_swotitem_delete", args=[b.row(SwotItem).pk]), {"post": "yes"})

    other = Client()  # (not the same browser: its pending messages would name B's rows)
    other.force_login(a.editor)
    assert SECRET not in other.get(URL).content.decode()
    mine = client.get(URL)
    assert f"ยุทธศาสตร์ใหม่ {SECRET}" in mine.content.decode()
    assert str(b.row(SwotItem)) in [row.object_repr for row in mine.context["rows"] if row.action == DELETED]
