"""python manage.py remove_sample [--period 2563-2565]"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from importer.services import sample_remove
from plans.models import Edition
from thaimuang_plan.lib.thai import to_thai_digits


class Command(BaseCommand):
    help = "ลบข้อมูลตัวอย่างทั้งหมด (ทุกแถวที่ทำเครื่องหมาย “ข้อมูลตัวอย่าง”) เนื้อหาจริงของแผนไม่ถูกแตะต้อง"

    def add_arguments(self, parser):
        parser.add_argument("--period", help="ลบเฉพาะในแผนช่วงปีนี้ เช่น 2563-2565 (ไม่ระบุ = ทุกแผน)")

    @transaction.atomic
    def handle(self, *args, period=None, **options):
        edition = None
        if period:
            edition = Edition.objects.for_period(period).first()
            if edition is None:
                raise CommandError(f"ไม่พบแผนช่วงปี {period}")
        counts = sample_remove(edition=edition)
        for name, count in counts.items():
            self.stdout.write(f"{name}: ลบ {to_thai_digits(count)} รายการ")
        self.stdout.write(
            self.style.SUCCESS(f"ลบข้อมูลตัวอย่างแล้ว รวม {to_thai_digits(sum(counts.values()))} รายการ")
        )
