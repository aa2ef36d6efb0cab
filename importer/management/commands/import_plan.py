"""python manage.py import_plan PATH [--sample] [--publish] [--replace-published] [--period 2566-2570] [--organization NAME]"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from importer import report
from importer.services import ImportRejected, plan_import, read_source


class Command(BaseCommand):
    help = (
        "นำเข้าแผนแม่บทจากไฟล์ Word (.docx) หรือไฟล์ข้อความ (.txt, UTF-8): สร้างฉบับร่าง "
        "หรือปรับปรุงฉบับเดิมของหน่วยงานและช่วงปีเดียวกัน แล้วพิมพ์รายงานสิ่งที่อ่านได้และข้อสังเกต"
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="ไฟล์แผน .docx หรือ .txt (UTF-8)")
        parser.add_argument("--period", type=_period, help="ช่วงปีของแผน เช่น 2566-2570 (ใช้เมื่อไฟล์ไม่ได้ระบุช่วงปีไว้)")
        parser.add_argument("--organization", default="", help="ชื่อเต็มของหน่วยงานเจ้าของแผน (แทนชื่อที่อ่านได้จากไฟล์)")
        parser.add_argument(
            "--sample",
            action="store_true",
            help="ไฟล์เป็นข้อมูลตัวอย่าง: เพิ่มเข้าแผนช่วงปีเดียวกันที่มีอยู่ โดยทำเครื่องหมาย “ข้อมูลตัวอย่าง” ทุกแถว",
        )
        parser.add_argument("--publish", action="store_true", help="เผยแพร่แผนทันทีหลังนำเข้าสำเร็จ")
        parser.add_argument(
            "--replace-published",
            action="store_true",
            help="ยอมให้แทนที่เนื้อหาของแผนที่เผยแพร่แล้ว (ประชาชนจะเห็นเนื้อหาใหม่ทันที)",
        )

    def handle(self, *args, path, sample, publish, replace_published, period, organization, **options):
        try:
            result = plan_import(
                data=read_source(path),
                name=Path(path).name,
                sample=sample,
                replace_published=replace_published,
                publish=publish,
                period=period,
                organization=organization,
                progress=lambda message: self.stdout.write(message),
            )
        except ImportRejected as exc:
            raise CommandError(f"{exc} (ไม่มีการเปลี่ยนแปลงในฐานข้อมูล)") from None
        self.stdout.write("")
        self.stdout.write(result.report())
        self.stdout.write("")
        clean, closing = report.outcome(result.plan)
        where = f"{result.edition} ({result.edition.get_status_display()})"
        if clean:
            self.stdout.write(self.style.SUCCESS(f"{closing}: {where}"))
            return
        self.stdout.write(self.style.WARNING(f"{closing}: {where}"))
        for line in report.problem_lines(result.plan):
            self.stdout.write(line)


def _period(text: str) -> tuple[int, int]:
    from argparse import ArgumentTypeError

    from thaimuang_plan.lib.thai import to_arabic_digits

    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", to_arabic_digits(text))
    if not match or not 2400 <= int(match.group(1)) <= int(match.group(2)) <= 2700:
        raise ArgumentTypeError("ช่วงปีต้องเป็นปี พ.ศ. เช่น 2566-2570")
    return int(match.group(1)), int(match.group(2))
