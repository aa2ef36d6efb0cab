"""The importer finds or creates the organization from the document, within what the person may do:
a clerk imports into their own organization only and never creates or changes another; a file
naming someone else is flagged, not followed; a host may let a file bring a new organization."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from importer.messages import NEW_ORGANIZATION_NOT_ALLOWED, ORGANIZATION_MISMATCH, ImportRejected
from importer.models import PlanImport
from importer.uploads import upload_confirm, upload_create
from plans.models import Edition, ImportFlag, Organization
from plans.roles import EDITORS, HOSTS
from printing import queue
from tests.importer.conftest import small_plan
from tests.orgs.organizations import SECRET

ADD = reverse("admin:importer_planimport_add")
NEW_NAME = "องค์การบริหารส่วนตำบลทดสอบ"  # the small plan's owner, on no deployment yet


@pytest.fixture(autouse=True)
def _enqueue_on_commit(monkeypatch):
    monkeypatch.setattr("importer.uploads.transaction.on_commit", lambda callback: callback())


@pytest.fixture
def host(db):
    user = User.objects.create_user("province", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=HOSTS), Group.objects.get(name=EDITORS))
    return user


def _upload(client, data, organization=None, **extra) -> PlanImport:
    fields = {"file": SimpleUploadedFile("plan.txt", data), **extra}
    if organization is not None:
        fields["organization"] = organization.pk
    response = client.post(ADD, fields)
    assert response.status_code == 302, response.context and response.context["form"].errors
    queue.run_due_tasks()
    return PlanImport.objects.order_by("-pk").first()


def _confirm(client, upload):
    return client.post(reverse("admin:importer_planimport_confirm", args=[upload.pk]))


def test_the_upload_form_offers_a_clerk_only_their_own_organization(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    form = client.get(ADD).context["form"]
    assert list(form.fields["organization"].queryset) == [a.organization]
    assert form.fields["organization"].required and "new_organization_slug" not in form.fields
    response = client.post(ADD, {"file": SimpleUploadedFile("plan.txt", small_plan()), "organization": b.organization.pk})
    assert response.status_code == 200 and "organization" in response.context["form"].errors
    response = client.post(ADD, {"file": SimpleUploadedFile("plan.txt", small_plan())})  # "from the file": not theirs
    assert response.status_code == 200 and "organization" in response.context["form"].errors
    assert not PlanImport.objects.exclude(pk=a.row(PlanImport).pk).exclude(pk=b.row(PlanImport).pk).exists()


def test_a_file_naming_another_organization_is_imported_into_the_chosen_one_with_a_visible_flag(client, orgs):
    a, b = orgs
    client.force_login(a.editor)
    theirs = small_plan(**{"องค์การบริหารส่วนตำบลทดสอบ": b.organization.name})
    b_before = (Organization.objects.filter(pk=b.organization.pk).values().get(), b.organization.editions.count())

    upload = _upload(client, theirs, a.organization)

    assert upload.preview["document_organization"] == b.organization.name
    assert upload.preview["organization"] == a.organization.name
    page = client.get(reverse("admin:importer_planimport_change", args=[upload.pk])).content.decode()
    assert f"ไฟล์นี้ระบุว่าเป็นแผนของ “{b.organization.name}”" in page
    assert _confirm(client, upload).status_code == 302
    edition = Edition.objects.get(organization=a.organization, start_year=2564)
    message = ORGANIZATION_MISMATCH.format(document=b.organization.name, chosen=a.organization.name)
    assert ImportFlag.objects.filter(edition=edition, kind=ImportFlag.Kind.FOREIGN_NAME, message=message).exists()
    assert (Organization.objects.filter(pk=b.organization.pk).values().get(), b.organization.editions.count()) == b_before


def test_a_clerks_file_of_an_organization_not_on_the_deployment_creates_no_organization(client, orgs):
    a, _ = orgs
    client.force_login(a.editor)
    organizations = set(Organization.objects.values_list("pk", flat=True))
    upload = _upload(client, small_plan(), a.organization)
    assert _confirm(client, upload).status_code == 302
    assert set(Organization.objects.values_list("pk", flat=True)) == organizations
    assert Edition.objects.get(start_year=2564).organization == a.organization


def test_a_host_lets_the_file_bring_a_new_organization_at_the_address_they_chose(client, orgs, host):
    client.force_login(host)
    form = client.get(ADD).context["form"]
    assert not form.fields["organization"].required and "new_organization_slug" in form.fields

    upload = _upload(client, small_plan(), new_organization_slug="thotsop")

    assert upload.organization is None and "/thotsop/" in upload.preview["target"]["reason"]
    assert _confirm(client, upload).status_code == 302
    new = Organization.objects.get(slug="thotsop")
    assert new.name == NEW_NAME
    upload.refresh_from_db()
    assert upload.organization == new and Edition.objects.get(start_year=2564).organization == new


def test_without_a_chosen_address_the_new_organization_gets_the_suggested_one(client, orgs, host):
    client.force_login(host)
    upload = _upload(client, small_plan())
    assert "/org-1/" in upload.preview["target"]["reason"]
    _confirm(client, upload)
    assert Organization.objects.get(name=NEW_NAME).slug == "org-1"


def test_a_host_importing_a_file_of_an_existing_organization_finds_it(client, orgs, host):
    a, b = orgs
    client.force_login(host)
    count = Organization.objects.count()
    upload = _upload(client, small_plan(**{"องค์การบริหารส่วนตำบลทดสอบ": b.organization.name}))
    _confirm(client, upload)
    assert Organization.objects.count() == count
    assert Edition.objects.get(start_year=2564).organization == b.organization


def test_an_address_taken_before_confirmation_stops_the_import(client, orgs, host):
    client.force_login(host)
    upload = _upload(client, small_plan(), new_organization_slug="thotsop")
    Organization.objects.create(name="เทศบาลอื่น", slug="thotsop")
    response = _confirm(client, upload)
    assert response.status_code == 302
    assert not Edition.objects.filter(start_year=2564).exists()
    assert not Organization.objects.filter(name=NEW_NAME).exists()


def test_a_clerk_neither_sees_nor_confirms_a_hosts_upload_for_a_new_organization(client, orgs, host):
    a, _ = orgs
    client.force_login(host)
    upload = _upload(client, small_plan(**{"องค์การบริหารส่วนตำบลทดสอบ": f"องค์การบริหารส่วนตำบล{SECRET}ใหม่"}))
    client.force_login(a.editor)
    assert client.get(reverse("admin:importer_planimport_change", args=[upload.pk])).status_code == 404
    assert _confirm(client, upload).status_code == 404
    listed = client.get(reverse("admin:importer_planimport_changelist"))
    assert upload not in listed.context["cl"].queryset and SECRET not in listed.content.decode()
    with pytest.raises(ImportRejected, match=NEW_ORGANIZATION_NOT_ALLOWED):
        upload_confirm(upload=upload, user=a.editor)
    assert not Organization.objects.filter(name__endswith="ใหม่").exists()


def test_the_service_writes_only_into_the_upload_organization(orgs):
    a, b = orgs
    upload = upload_create(
        organization=a.organization, user=a.editor, name="plan.txt",
        data=small_plan(**{"องค์การบริหารส่วนตำบลทดสอบ": b.organization.name}), period=None,
    )
    queue.run_due_tasks()
    result = upload_confirm(upload=upload, user=a.editor)
    assert result.edition.organization == a.organization
    assert not b.organization.editions.filter(start_year=2564).exists()
