"""An embed names its framework by slug (plans stand below strategies); existing embeds kept theirs."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from plans.models import Block, Section
from portal.pdf.documents import plan_html

BEFORE = [("plans", "0007_editions_revisions"), ("strategies", "0004_placed_in_framework_base")]
AFTER = [("plans", "0008_block_framework_slug"), ("strategies", "0005_remove_framework_section")]


def test_an_embed_naming_a_framework_the_plan_lacks_says_so_on_the_page_and_in_the_pdf(client, plan):
    section = Section.objects.get(edition=plan, number="๖.๑")
    Block.objects.create(section=section, order=9, kind=Block.Kind.EMBED, embed=Block.Embed.VISION, framework_slug="gone")
    notice = "ส่วนนี้อ้างถึงกรอบยุทธศาสตร์ “gone” ซึ่งไม่มีในแผนฉบับนี้"
    html = client.get(reverse("plans:chapter", kwargs={**plan.address_kwargs, "key": "6"})).content.decode()
    assert notice in html
    assert notice in plan_html(plan)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_embed_on_its_framework():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Organization = apps.get_model("plans", "Organization")
    Edition = apps.get_model("plans", "Edition")
    Section = apps.get_model("plans", "Section")
    OldBlock = apps.get_model("plans", "Block")
    Framework = apps.get_model("strategies", "Framework")
    org = Organization.objects.create(name="องค์การบริหารส่วนตำบลท้ายเหมือง")
    edition = Edition.objects.create(organization=org, title="แผน", start_year=2563, end_year=2565)
    section = Section.objects.create(edition=edition, title="บทที่ ๒", order=1)
    dla = Framework.objects.create(edition=edition, kind="dla", name="กสถ.", slug="dla", section=section)
    OldBlock.objects.create(section=section, order=1, kind="embed", embed="vision", framework=dla)
    OldBlock.objects.create(section=section, order=2, kind="paragraph", text="ข้อความ")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    rows = apps.get_model("plans", "Block").objects.order_by("order").values_list("embed", "framework_slug")
    assert list(rows) == [("vision", "dla"), ("", "")]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
