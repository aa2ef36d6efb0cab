from pathlib import Path

import pytest
from django.conf import settings
from reversion.models import Revision

from importer.services import plan_import
from plans.models import Edition, Organization
from projects.models import Unit

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SOURCE = FIXTURES / "tai_mueang_2563-2565.txt"
SAMPLE = FIXTURES / "sample_chapters_3-6.txt"

# A small plan in the source's conventions; tests swap pieces of it to try variants.
SMALL_PLAN = """คำนำ

แผนนี้จัดทำขึ้นเพื่อทดสอบการนำเข้า

คณะทำงานระบบเทคโนโลยีสารสนเทศ
องค์การบริหารส่วนตำบลทดสอบ

สารบัญ
\tหน้า
บทที่ ๑ วัตถุประสงค์การจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๔ - ๒๕๖๖\t๑
บทที่ ๒ กรอบแนวคิด\t
๒.๑ แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น\t๒-๓

บทที่ ๑ วัตถุประสงค์การจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๔ - ๒๕๖๖

องค์การบริหารส่วนตำบลทดสอบ จัดทำแผนโดยมีวัตถุประสงค์ดังนี้

๑. เพื่อกำหนดทิศทาง
๒. เพื่อใช้ทรัพยากรอย่างคุ้มค่า

บทที่ ๒ กรอบแนวคิด

๒.๑ แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น พ.ศ. ๒๕๖๔ - ๒๕๖๖

๒.๑.๑ ประเด็นยุทธศาสตร์

ยุทธศาสตร์ที่ ๑ การพัฒนาบริการ

เป้าประสงค์ :

(๑) ประชาชนได้รับบริการที่ดี

กลยุทธ์ :

(๑) พัฒนาบริการออนไลน์
(๒) พัฒนาบุคลากร
"""


def small_plan(**replace) -> bytes:
    """SMALL_PLAN with pieces swapped: small_plan(**{"old text": "new text"})."""
    text = SMALL_PLAN
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text.encode("utf-8")


def to_arabic(text: str) -> str:
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def clear_plans() -> None:
    Edition.objects.all().delete()
    Unit.objects.all().delete()
    Organization.objects.all().delete()


@pytest.fixture(scope="module")
def tai_mueang(django_db_setup, django_db_blocker):
    """The real source imported once for a module of read-only tests."""
    with django_db_blocker.unblock():
        clear_plans()
        last_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        result = plan_import(data=SOURCE.read_bytes(), name=SOURCE.name)
    yield result
    with django_db_blocker.unblock():
        clear_plans()
        # The import's history goes too: left behind, its rows would be "deleted and recoverable"
        # in the admin of whatever test runs next.
        Revision.objects.filter(pk__gt=last_revision).delete()


@pytest.fixture
def imported_source(db):
    return plan_import(data=SOURCE.read_bytes(), name=SOURCE.name)
