"""load_demo includes a published sample revision, so the comparison has something to show."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from editions.demo import APPROVAL, STRATEGY_TITLE
from plans.models import Edition


def test_the_demo_has_a_published_sample_revision_with_budgets_and_a_strategy_changed(db):
    call_command("load_demo", stdout=StringIO())
    revision = Edition.objects.get(revision_number=1)
    assert (revision.status, revision.is_sample, revision.revision_label) == ("published", True, "ฉบับแก้ไข ครั้งที่ ๑")
    client = Client(HTTP_HOST="localhost")
    home = client.get("/taimueang/").content.decode()
    assert "ฉบับแก้ไข ครั้งที่ ๑" in home and "ข้อมูลตัวอย่าง" in home and APPROVAL in home
    page = client.get("/taimueang/plans/2563-2565/compare/", follow=True).content.decode()
    assert STRATEGY_TITLE in page
    assert "+๗๐,๐๐๐" in page and "−๖๐,๐๐๐" in page  # ๒๕๖๔ and ๒๕๖๕ totals
    assert "ข้อมูลตัวอย่าง" in page
    # remove_sample takes the sample revision away and the plan as imported is current again.
    call_command("remove_sample", stdout=StringIO())
    assert Edition.objects.get().status == Edition.Status.PUBLISHED
