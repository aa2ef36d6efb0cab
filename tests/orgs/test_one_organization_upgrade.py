"""A deployment of one organization notices nothing when memberships arrive: who held a role holds
it in that organization, its history stays visible to them, and the demo lives at /taimueang/."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from plans.models import Membership, Organization, VersionOrganization

BEFORE = [("plans", "0011_organizations")]
# The apps the data below is written with, as they stand at that point.
STATE = [*BEFORE, ("reversion", "0002_add_index_on_version_for_content_type_and_db"), ("auth", "0012_alter_user_first_name_max_length")]


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_gives_the_roles_of_a_single_organization_and_links_its_history():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        org, section = _one_organization_before_memberships(executor.loader.project_state(STATE).apps)
    finally:
        executor = MigrationExecutor(connection)  # forward again whatever happened: later tests need the tables
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(Membership.objects.values_list("user__username", "organization_id", "role")) == [
        ("old-editor", org.pk, "editor")
    ]
    linked = VersionOrganization.objects.values_list("version__object_id", "organization_id")
    assert set(linked) == {(str(section.pk), org.pk), ("999", org.pk)}


def _one_organization_before_memberships(apps):
    """An organization, a member of the editors' group, and two versions (one of a deleted row)."""
    org = apps.get_model("plans", "Organization").objects.create(name="องค์การบริหารส่วนตำบลท้ายเหมือง", slug="org-1")
    edition = apps.get_model("plans", "Edition").objects.create(organization=org, title="แผน", start_year=2563, end_year=2565)
    section = apps.get_model("plans", "Section").objects.create(edition=edition, title="บทที่ ๑", order=1)
    Group, User_ = apps.get_model("auth", "Group"), apps.get_model("auth", "User")
    editor = User_.objects.create(username="old-editor", is_staff=True)
    # (A transactional test before this one may have flushed the groups the migrations made.)
    editor.groups.add(Group.objects.get_or_create(name="คณะทำงานเทคโนโลยีสารสนเทศ")[0])
    kind, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(app_label="plans", model="section")
    revision = apps.get_model("reversion", "Revision").objects.create(date_created="2021-01-01T00:00:00Z", comment="")
    Version = apps.get_model("reversion", "Version")
    for object_id in (section.pk, 999):  # a saved section, and one deleted since
        data = [{"model": "plans.section", "pk": object_id, "fields": {"edition": edition.pk, "title": "บท"}}]
        Version.objects.create(
            revision=revision, object_id=str(object_id), content_type=kind, db="default", format="json",
            serialized_data=json.dumps(data), object_repr="บท",
        )
    return org, section


@pytest.mark.parametrize("before", [None, "org-1"], ids=["fresh", "provisional address from the upgrade"])
def test_load_demo_puts_tai_mueang_at_taimueang_and_dev_admin_makes_the_admin_its_member(db, settings, tmp_path, before):
    if before:
        Organization.objects.create(name="องค์การบริหารส่วนตำบลท้ายเหมือง", slug=before)
    call_command("load_demo", stdout=StringIO())
    settings.BASE_DIR, settings.DEBUG = tmp_path, True  # dev_admin: a development machine, its password file
    organization = Organization.objects.get()
    assert organization.slug == "taimueang"
    call_command("dev_admin", stdout=StringIO())
    admin = User.objects.get(username="admin")
    assert Membership.objects.filter(user=admin, organization=organization, role="editor").exists()
