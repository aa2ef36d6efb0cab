"""Publishing goes through the confirmation page; editors can preview a draft; import flags are visible
and can be ticked off."""

from django.urls import reverse

from editions.admin_views import PUBLISHED
from plans.models import Edition, ImportFlag
from projects.models import Project, ProjectBudget


def test_the_edition_page_offers_publish_and_preview(client, editor, edition):
    client.force_login(editor)
    page = client.get(reverse("admin:plans_edition_change", args=[edition.pk]))
    assert reverse("editions_admin:publish", args=[edition.pk]) in page.text
    assert "ดูตัวอย่างแบบที่ประชาชนเห็น" in page.text
    assert f'href="/taimueang/plans/{edition.slug}/"' in page.text


def test_publishing_after_the_confirmation_archives_the_previous_edition(client, editor, edition, framework):
    project = Project.objects.create(edition=edition, number=1, name="โครงการ", strategy=framework.strategies.first())
    ProjectBudget.objects.create(project=project, fiscal_year=2564, amount=1000)
    older = Edition.objects.create(
        organization=edition.organization, title="แผนเดิม", start_year=2560, end_year=2562, status="published"
    )
    client.force_login(editor)
    url = reverse("editions_admin:publish", args=[edition.pk])
    form = client.get(url).context["form"]
    data = {"fingerprint": form.report.fingerprint, **{f"ack_{code}": "on" for code in form.report.warning_codes}}
    response = client.post(url, data, follow=True)
    assert PUBLISHED.format(edition=edition) in response.text
    edition.refresh_from_db()
    older.refresh_from_db()
    assert edition.status == Edition.Status.PUBLISHED
    assert older.status == Edition.Status.ARCHIVED


def test_the_edition_list_counts_unresolved_import_flags(client, editor, edition):
    ImportFlag.objects.create(edition=edition, kind="unplaced", message="จัดเข้าที่ไม่ได้", line=12)
    ImportFlag.objects.create(edition=edition, kind="missing", message="ไม่พบบทที่ ๓", line=40)
    ImportFlag.objects.create(edition=edition, kind="other", message="ตรวจแล้ว", resolved=True)
    client.force_login(editor)
    page = client.get(reverse("admin:plans_edition_changelist"))
    assert "๒ รายการ" in page.text


def test_an_editor_ticks_off_a_flag_and_is_recorded_as_the_checker(client, editor, edition):
    flag = ImportFlag.objects.create(edition=edition, kind="unplaced", message="จัดเข้าที่ไม่ได้", line=12)
    client.force_login(editor)
    url = reverse("admin:plans_importflag_change", args=[flag.pk])
    response = client.post(url, {"resolved": "on", "resolved_note": "ย้ายไปไว้ในบทที่ ๒ แล้ว"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert (flag.resolved, flag.resolved_by, flag.resolved_note) == (True, editor, "ย้ายไปไว้ในบทที่ ๒ แล้ว")


def test_flags_can_be_filtered_by_kind_and_state(client, editor, edition):
    ImportFlag.objects.create(edition=edition, kind="unplaced", message="ข้อความหลงที่")
    ImportFlag.objects.create(edition=edition, kind="missing", message="บทที่หายไป")
    client.force_login(editor)
    page = client.get(reverse("admin:plans_importflag_changelist"), {"kind__exact": "missing", "resolved__exact": "0"})
    assert "บทที่หายไป" in page.text
    assert "ข้อความหลงที่" not in page.text
