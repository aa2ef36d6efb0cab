"""A file that cannot be imported gets one clear Thai message and changes nothing."""

import pytest
from django.core.management import CommandError, call_command

from importer.messages import EMPTY_FILE, NO_PERIOD, NO_PLAN, NOT_DOCX, NOT_FOUND, NOT_TEXT
from monitoring.models import Committee
from plans.models import Block, Edition, ImportFlag, Organization, Section
from projects.models import Project
from strategies.models import Framework, Strategy

from .conftest import SMALL_PLAN

pytestmark = pytest.mark.django_db


def snapshot():
    rows = {
        m.__name__: m.objects.count()
        for m in (Organization, Edition, Section, Block, Framework, Strategy, Project, Committee, ImportFlag)
    }
    rows["edition_updated"] = list(Edition.objects.values_list("updated_at", flat=True))
    return rows


def rejected(tmp_path, data: bytes, *args) -> str:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    with pytest.raises(CommandError) as error:
        call_command("import_plan", str(path), *args)
    return str(error.value)


def first_words(message: str) -> str:
    return message.split("{")[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("คำนำ\nสารบัญ\n".encode("cp874"), "ไม่ได้เข้ารหัสแบบ UTF-8"),
        (b"", first_words(EMPTY_FILE)),
        (b"  \n\n\t\n", first_words(EMPTY_FILE)),
        (b"PK\x03\x04\x00\x00word/document.xml", first_words(NOT_DOCX)),
        (b"%PDF-1.7\n\x00\x01binary", first_words(NOT_TEXT)),
        ("สวัสดีครับ\nไฟล์นี้ไม่ใช่แผน\n".encode(), first_words(NO_PLAN)),
        (SMALL_PLAN.replace("พ.ศ. ๒๕๖๔ - ๒๕๖๖", "").encode(), first_words(NO_PERIOD)),
    ],
    ids=["not-utf8", "empty", "blank", "broken-docx", "binary", "no-plan", "no-period"],
)
def test_bad_files_are_refused_with_a_message_and_change_nothing(tmp_path, imported_source, data, expected):
    before = snapshot()
    message = rejected(tmp_path, data)
    assert expected in message
    assert "ไม่มีการเปลี่ยนแปลงในฐานข้อมูล" in message
    assert snapshot() == before


def test_a_missing_file_is_named_in_the_message(tmp_path, db):
    with pytest.raises(CommandError, match=first_words(NOT_FOUND)):
        call_command("import_plan", str(tmp_path / "nope.txt"))


def test_a_value_that_cannot_be_stored_rolls_back_everything_already_written(tmp_path, imported_source):
    too_big = SMALL_PLAN + (
        "\nบทที่ ๕ บัญชีโครงการพัฒนา\n\n๕.๑ รายละเอียดโครงการพัฒนา\n\nโครงการที่ ๑\nชื่อโครงการ: ทดสอบ\n"
        "งบประมาณ ๒๕๖๔: ๑,๐๐๐,๐๐๐,๐๐๐,๐๐๐,๐๐๐ บาท\n"
    )
    before = snapshot()
    message = rejected(tmp_path, too_big.encode())
    assert "บรรทัด" in message and "งบประมาณ" in message
    assert snapshot() == before
    assert not Organization.objects.filter(name="องค์การบริหารส่วนตำบลทดสอบ").exists()
