"""Backup and restore: one file holds every row and uploaded file; restored, it is the same portal."""

import io
import json
import zipfile

import pytest
import reversion
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.models import Version

from operations import backup
from projects.models import Project
from tests.factories import build_plan

pytestmark = pytest.mark.django_db

LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    # flush and restore give content types new ids inside the test's transaction; the
    # rollback puts the old ids back, so the per-process cache must not outlive a test.
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def _everything() -> list[dict]:
    """Every row the backup promises to keep, as Django serialises it (ordered by model and key)."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        *[f"--exclude={label}" for label in backup.NOT_COPIED],
        natural_foreign=True,
        format=backup.SERIAL_FORMAT,  # to the microsecond
        stdout=out,
    )
    return json.loads(out.getvalue())


@pytest.fixture
def portal(settings, tmp_path, editor):
    settings.MEDIA_ROOT = tmp_path / "media"
    edition = build_plan()
    edition.organization.logo.save("tai-mueang.png", ContentFile(LOGO))
    project = Project.objects.filter(edition=edition).order_by("number").first()
    for name in ["ชื่อโครงการฉบับแก้ไขครั้งที่หนึ่ง", "ชื่อโครงการฉบับแก้ไขครั้งที่สอง"]:
        with reversion.create_revision():
            project.name = name
            project.save()
            reversion.set_user(editor)
            reversion.set_comment(f"แก้ชื่อเป็น {name}")
    TOTPDevice.objects.create(user=editor, name="แอป", confirmed=True)
    return project


def _empty_the_database():
    if connection.vendor == "postgresql":
        # Inside the test's transaction PostgreSQL refuses TRUNCATE while deferred checks are pending.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        # Back to how a restore's own transaction starts: rows may refer forward until commit.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    assert backup.is_empty()


def test_a_backup_restores_into_an_empty_database_row_for_row(portal, tmp_path, settings):
    before = _everything()
    target = tmp_path / "portal.zip"
    call_command("backup", str(target), stdout=io.StringIO())
    _empty_the_database()
    (settings.MEDIA_ROOT / "logos" / "tai-mueang.png").unlink()

    out = io.StringIO()
    call_command("restore", str(target), stdout=out)
    assert "restored" in out.getvalue()
    assert _everything() == before
    assert (settings.MEDIA_ROOT / "logos" / "tai-mueang.png").read_bytes() == LOGO


def test_the_edit_history_survives_and_can_still_be_reverted(portal, tmp_path):
    target = tmp_path / "portal.zip"
    call_command("backup", str(target), stdout=io.StringIO())
    _empty_the_database()
    call_command("restore", str(target), stdout=io.StringIO())

    project = Project.objects.get(pk=portal.pk)
    versions = list(Version.objects.get_for_object(project))
    assert [v.revision.comment for v in versions] == [
        "แก้ชื่อเป็น ชื่อโครงการฉบับแก้ไขครั้งที่สอง",
        "แก้ชื่อเป็น ชื่อโครงการฉบับแก้ไขครั้งที่หนึ่ง",
    ]
    assert versions[0].revision.user.username == "editor"
    versions[1].revision.revert()
    project.refresh_from_db()
    assert project.name == "ชื่อโครงการฉบับแก้ไขครั้งที่หนึ่ง"


def test_a_restore_refuses_a_database_that_is_not_empty(portal, tmp_path):
    target = tmp_path / "portal.zip"
    call_command("backup", str(target), stdout=io.StringIO())
    with pytest.raises(CommandError, match="ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว"):
        call_command("restore", str(target), stdout=io.StringIO())
    assert User.objects.filter(username="editor").count() == 1


def test_a_damaged_backup_is_refused_before_anything_is_loaded(portal, tmp_path):
    target = tmp_path / "portal.zip"
    call_command("backup", str(target), stdout=io.StringIO())
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(damaged, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            copy.writestr(item, data.replace("ชื่อโครงการ".encode(), "ชื่อปลอมแปลง".encode()) if item.filename == "data.json" else data)
    _empty_the_database()
    with pytest.raises(CommandError, match="ไม่ใช่ไฟล์สำรองข้อมูล"):
        call_command("restore", str(damaged), stdout=io.StringIO())
    assert backup.is_empty()


def test_the_backup_is_one_file_with_a_manifest(portal, tmp_path):
    target = tmp_path / "portal.zip"
    call_command("backup", str(target), stdout=io.StringIO())
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert names == {"manifest.json", "data.json", "media/logos/tai-mueang.png"}
    assert manifest["rows"]["projects.Project"] == Project.objects.count()
    assert manifest["rows"]["reversion.Version"] == Version.objects.count()
    assert not list(tmp_path.glob("*.partial"))
