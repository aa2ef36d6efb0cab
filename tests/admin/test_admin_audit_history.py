"""The portal-wide history page: who changed what and when, filtered, and as CSV."""

import csv
import datetime as dt
import io
import re

import reversion
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision

from audit.forms import DATES_REVERSED, NOT_A_DATE
from plans.models import Edition, Membership
from projects.models import Unit
from strategies.models import Strategy

URL = reverse("audit:history")


def _save(obj, user, **values):
    with reversion.create_revision():
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        reversion.set_user(user)
        reversion.set_comment("แก้ไขทดสอบ")


def _rows(response):
    return response.context["rows"]


def test_it_lists_who_changed_which_object_when_and_what(client, editor, framework):
    strategy = framework.strategies.get(number=1)
    _save(strategy, editor, title="ยุทธศาสตร์ก่อน")
    _save(strategy, editor, title="ยุทธศาสตร์หลัง")
    client.force_login(editor)

    response = client.get(URL)

    assert response.status_code == 200
    newest = _rows(response)[0]
    assert newest.person == "editor"
    assert newest.kind == "ยุทธศาสตร์"
    assert [(c.label, c.current, c.restored) for c in newest.changes] == [
        ("ชื่อยุทธศาสตร์", "ยุทธศาสตร์ก่อน", "ยุทธศาสตร์หลัง")
    ]
    assert _rows(response)[1].action == "เพิ่มรายการใหม่"
    assert "ยุทธศาสตร์ก่อน → ยุทธศาสตร์หลัง" in response.text


def test_deletions_made_in_the_admin_are_listed(client, editor, framework):
    client.force_login(editor)
    point = framework.points.first()
    client.post(reverse("admin:strategies_frameworkpoint_delete", args=[point.pk]), {"post": "yes"})

    rows = _rows(client.get(URL))

    assert (rows[0].action, rows[0].object_repr, rows[0].person) == ("ลบรายการ", str(point), "editor")


def test_it_filters_by_person_kind_date_and_edition(client, editor, superuser, framework, organization):
    strategy = framework.strategies.get(number=1)
    _save(strategy, editor, title="แก้โดยคณะทำงาน")
    unit = Unit.objects.create(organization=organization, name="กองคลัง")
    _save(unit, superuser, name="กองคลัง (แก้)")
    other_edition = Edition.objects.create(organization=organization, title="แผนถัดไป", start_year=2566, end_year=2568)
    _save(other_edition, superuser, title="แผนถัดไป (แก้)")
    old = Revision.objects.get(version__object_id=str(unit.pk), version__content_type__model="unit")
    old.date_created = timezone.make_aware(dt.datetime(2021, 1, 15, 10))
    old.save()
    client.force_login(superuser)

    by_person = _rows(client.get(URL, {"person": editor.pk}))
    by_kind = _rows(client.get(URL, {"kind": "projects.unit"}))
    by_date = _rows(client.get(URL, {"date_from": "๑/๑/๒๕๖๔", "date_to": "31/1/2564"}))
    by_edition = _rows(client.get(URL, {"edition": framework.edition.pk, "kind": "strategies.strategy"}))

    assert {r.person for r in by_person} == {"editor"}
    assert [r.object_repr for r in by_kind] == ["กองคลัง (แก้)"]
    assert [r.object_repr for r in by_date] == ["กองคลัง (แก้)"]
    assert [r.object_repr for r in by_edition] == [str(Strategy.objects.get(pk=strategy.pk))]
    assert not any("แผนถัดไป" in r.object_repr for r in _rows(client.get(URL, {"edition": framework.edition.pk})))


def test_a_wrong_date_is_explained_in_thai_and_kept(client, editor, framework):
    client.force_login(editor)
    response = client.get(URL, {"date_from": "๓๒/๑๓/๒๕๖๔"})
    assert NOT_A_DATE in response.text
    assert 'value="๓๒/๑๓/๒๕๖๔"' in response.text
    reversed_ = client.get(URL, {"date_from": "๒/๑/๒๕๖๔", "date_to": "๑/๑/๒๕๖๔"})
    assert DATES_REVERSED in reversed_.text


def test_the_csv_has_every_change_and_no_cell_a_spreadsheet_would_run(client, editor, framework):
    strategy = framework.strategies.get(number=1)
    for title in ['=HYPERLINK("http://evil.example","คลิก")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "ปกติ"]:
        _save(strategy, editor, title=title)
    client.force_login(editor)

    response = client.get(URL, {"kind": "strategies.strategy", "format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["วันที่และเวลา", "ผู้แก้ไข", "ประเภทรายการ", "รายการ"]
    cells = [cell for row in rows[1:] for cell in row[1:]]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://evil.example\",\"คลิก\")" in cells
    assert "'\t=1" in cells and "'-2" in cells
    assert "ปกติ" in cells
    year = timezone.localtime().year + 543
    assert re.fullmatch(rf"\d\d/\d\d/{year} \d\d:\d\d:\d\d", rows[1][0]), "a Buddhist Era date"


def test_people_see_only_kinds_of_rows_they_may_view(client, framework, organization, editor):
    unit = Unit.objects.create(organization=organization, name="กองช่าง")
    _save(unit, editor, name="กองช่าง (แก้)")
    _save(framework.strategies.first(), editor, title="แก้")
    clerk = User.objects.create_user("clerk", password="x", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_unit"))
    # A member of the organization whose own permissions are narrower than the role's.
    Membership.objects.create(user=clerk, organization=organization, role=Membership.Role.COMMITTEE)
    client.force_login(clerk)

    rows = _rows(client.get(URL))

    assert {r.kind for r in rows} == {str(Unit._meta.verbose_name)}


def test_staff_who_may_view_nothing_are_refused_and_visitors_sent_to_log_in(client, db):
    assert client.get(URL).status_code == 302
    client.force_login(User.objects.create_user("nobody", password="x", is_staff=True))
    assert client.get(URL).status_code == 403


def test_queries_per_page_do_not_grow_with_the_rows_on_it(client, editor, framework):
    strategies = list(framework.strategies.all())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    client.force_login(editor)
    for suffix in ("ก", "ข"):
        for strategy in strategies:
            _save(strategy, editor, title=f"{strategy.title} {suffix}")
    few = count()
    for round_ in range(10):
        for strategy in strategies:
            _save(strategy, editor, title=f"{strategy.title} {round_}", framework=framework)
    assert count() == few


def test_a_version_that_can_no_longer_be_read_is_listed_as_such(client, editor, framework):
    from reversion.models import Version

    from audit.selectors import UNREADABLE

    strategy = framework.strategies.get(number=1)
    _save(strategy, editor, title="ก")
    _save(strategy, editor, title="ข")
    oldest = Version.objects.get_for_object(strategy).order_by("pk").first()
    Version.objects.filter(pk=oldest.pk).update(serialized_data="[{not json")
    client.force_login(editor)

    rows = _rows(client.get(URL, {"kind": "strategies.strategy"}))

    assert rows[0].action == UNREADABLE
