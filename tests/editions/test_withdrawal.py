"""Withdrawing a published edition: residents see when and why at its addresses; nothing is lost."""

from django.urls import reverse

from editions.admin_views import WITHDRAWN
from editions.services import WITHDRAW_REASON_REQUIRED
from plans.models import Edition, EditionStatusChange
from tests.editions.conftest import PERIOD

REASON = "พบตัวเลขงบประมาณโครงการที่ ๒ ไม่ตรงกับมติสภา อยู่ระหว่างแก้ไข"


def _withdraw(client, editor, edition, reason=REASON):
    client.force_login(editor)
    response = client.post(reverse("editions_admin:withdraw", args=[edition.pk]), {"reason": reason}, follow=True)
    client.logout()
    return response


def test_a_withdrawn_edition_says_publicly_when_and_why(client, editor, plan):
    response = _withdraw(client, editor, plan)
    assert WITHDRAWN.format(edition=plan) in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Edition.Status.WITHDRAWN and plan.withdrawn_at is not None
    for url in [f"/taimueang/plans/{PERIOD}/", f"/taimueang/plans/{PERIOD}/r0/", f"/taimueang/plans/{PERIOD}/strategies/", f"/taimueang/plans/{PERIOD}/projects/1/",
                f"/taimueang/plans/{PERIOD}/data/projects.csv", f"/taimueang/plans/{PERIOD}/pdf/"]:
        page = client.get(url)
        assert page.status_code == 410, url
        html = page.content.decode()
        assert "ยกเลิกการเผยแพร่เมื่อ" in html and f"เหตุผล: {REASON}" in html, url
        assert "ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๑" not in html
    listing = client.get(reverse("plans:editions", kwargs={"org": "taimueang"})).content.decode()
    assert "ยกเลิกการเผยแพร่เมื่อ" in listing and REASON in listing
    assert "ยังไม่มีแผนที่เผยแพร่" in client.get("/taimueang/").content.decode()
    change = EditionStatusChange.objects.get(edition=plan)
    assert (change.from_status, change.to_status, change.note, change.changed_by) == ("published", "withdrawn", REASON, editor)


def test_editors_still_see_a_withdrawn_edition_with_its_notice(client, editor, plan):
    _withdraw(client, editor, plan)
    client.force_login(editor)
    html = client.get(f"/taimueang/plans/{PERIOD}/strategies/").content.decode()
    assert "ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๑" in html and "ยกเลิกการเผยแพร่แล้ว" in html


def test_a_reason_is_required_and_the_form_says_so_in_thai(client, editor, plan):
    client.force_login(editor)
    response = client.post(reverse("editions_admin:withdraw", args=[plan.pk]), {"reason": "   "})
    assert response.status_code == 200
    assert WITHDRAW_REASON_REQUIRED in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Edition.Status.PUBLISHED


def test_only_publishers_may_withdraw(client, committee_member, plan):
    client.force_login(committee_member)
    assert client.post(reverse("editions_admin:withdraw", args=[plan.pk]), {"reason": REASON}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == Edition.Status.PUBLISHED


def test_withdrawing_a_draft_is_refused(client, editor, revision):
    client.force_login(editor)
    response = client.post(reverse("editions_admin:withdraw", args=[revision.pk]), {"reason": REASON})
    assert "ยกเลิกการเผยแพร่ได้เฉพาะแผนที่ประชาชนเห็นอยู่" in response.content.decode()
