"""import_plan says plainly whether the import needs an editor's look."""

from io import StringIO

from django.core.management import call_command

from bench import import_variants as variants

from .conftest import SOURCE, small_plan


def _run(tmp_path, name, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    out = StringIO()
    call_command("import_plan", str(path), stdout=out)
    return out.getvalue()


def test_an_import_with_problems_ends_with_their_count_and_list_not_done(db, tmp_path):
    output = _run(tmp_path, "wrapped.txt", variants.wrapped(SOURCE.read_text(encoding="utf-8")).encode())
    closing = output.strip().splitlines()
    summary = next(line for line in closing if line.startswith("นำเข้าแล้ว พบปัญหา"))
    assert "๑๐ รายการ" in summary  # the source's own problems, the same as the unwrapped file's
    assert "สารบัญมี “บทที่ ๓ การวิเคราะห์สภาพแวดล้อมขององค์กร”" in output.split(summary)[1]
    assert "เสร็จ:" not in output
    assert "หัวข้อในสารบัญ: เอกสารระบุ ๒๘ พบ" in output


def test_a_clean_import_says_so(db, tmp_path):
    output = _run(tmp_path, "small.txt", small_plan())
    assert "นำเข้าเสร็จ ไม่พบปัญหา" in output
    assert "พบปัญหา" not in output.replace("ไม่พบปัญหา", "")
