"""Sample monitoring records for the sample projects, so that a fresh portal shows a round with results.

Everything created here is marked as sample (rounds and indicator results carry
``is_sample``; the pages and the PDF say "ข้อมูลตัวอย่าง"). Running it again
updates the same rows; records someone entered for real are never touched.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from monitoring.models import EvaluationRound, IndicatorResult, ProjectProgress, RoundFinding, ScheduleRound
from monitoring.selectors import it_plan_indicators, year_projects
from plans.models import Edition, parse_period
from thaimuang_plan.lib.thai import format_number, to_thai_digits

Status = ProjectProgress.Status

# (name, fiscal year, covers months, period start, period end, report date, published on or None)
ROUNDS = [
    (
        "รอบ ๖ เดือน (ตุลาคม ๒๕๖๓ - มีนาคม ๒๕๖๔)",
        2564,
        6,
        dt.date(2020, 10, 1),
        dt.date(2021, 3, 31),
        dt.date(2021, 4, 30),
        dt.date(2021, 5, 10),
    ),
    # Published 24 days after the report: shows the "announced late" flag.
    (
        "รอบ ๑๒ เดือน (ตุลาคม ๒๕๖๓ - กันยายน ๒๕๖๔)",
        2564,
        12,
        dt.date(2020, 10, 1),
        dt.date(2021, 9, 30),
        dt.date(2021, 10, 29),
        dt.date(2021, 11, 22),
    ),
    (
        "รอบ ๖ เดือน (ตุลาคม ๒๕๖๔ - มีนาคม ๒๕๖๕)",
        2565,
        6,
        dt.date(2021, 10, 1),
        dt.date(2022, 3, 31),
        dt.date(2022, 4, 29),
        None,
    ),
]

# Per covers-months, a repeating pattern of (status, percent done, share of the planned budget spent).
PATTERNS = {
    6: [
        (Status.IN_PROGRESS, 45, "0.40"),
        (Status.IN_PROGRESS, 60, "0.55"),
        (Status.NOT_STARTED, 0, "0"),
        (Status.IN_PROGRESS, 30, "0.20"),
        (Status.POSTPONED, 0, "0"),
    ],
    12: [
        (Status.DONE, 100, "0.96"),
        (Status.DONE, 100, "0.88"),
        (Status.IN_PROGRESS, 80, "0.70"),
        (Status.DONE, 100, "1.00"),
        (Status.CANCELLED, 10, "0.05"),
    ],
}

FINDINGS = {
    6: [
        (RoundFinding.Kind.FINDING, "โครงการส่วนใหญ่เริ่มดำเนินการตามแผน การเบิกจ่ายยังต่ำกว่าร้อยละ ๕๐ ของงบประมาณทั้งปี"),
        (RoundFinding.Kind.RECOMMENDATION, "ให้หน่วยงานที่รับผิดชอบเร่งจัดซื้อจัดจ้างให้แล้วเสร็จภายในไตรมาสที่ ๓"),
    ],
    12: [
        (RoundFinding.Kind.FINDING, "โครงการที่แล้วเสร็จส่งผลให้ประชาชนได้รับบริการผ่านช่องทางออนไลน์มากขึ้น"),
        (RoundFinding.Kind.FINDING, "มีโครงการหนึ่งโครงการที่ต้องยกเลิกเนื่องจากได้รับการจัดสรรงบประมาณไม่เพียงพอ"),
        (RoundFinding.Kind.RECOMMENDATION, "ควรจัดทำแผนบำรุงรักษาระบบที่พัฒนาแล้วเสร็จ และตั้งงบประมาณในปีถัดไป"),
        (RoundFinding.Kind.RECOMMENDATION, "ควรพัฒนาทักษะดิจิทัลของบุคลากรต่อเนื่องทุกปี"),
    ],
}

SAMPLE_NOTE = "ข้อมูลตัวอย่าง ไม่ใช่ผลการติดตามจริง"


class Command(BaseCommand):
    help = "สร้างผลการติดตามตัวอย่าง (ปีงบประมาณ ๒๕๖๔ และ ๒๕๖๕) ให้โครงการของแผนฉบับปัจจุบัน"

    def add_arguments(self, parser):
        parser.add_argument("--period", help="แผนที่ต้องการ เช่น 2563-2565 (ค่าเริ่มต้น: แผนที่เผยแพร่ล่าสุด)")

    @transaction.atomic
    def handle(self, *args, period=None, **options):
        edition = self._edition(period)
        created = updated = 0
        for name, year, months, start, end, report, published in ROUNDS:
            if not edition.start_year <= year <= edition.end_year:
                continue
            round, was_created = self._round(edition, name, year, months, start, end, report, published)
            if round is None:
                continue
            created += was_created
            updated += not was_created
            self._progress(round, months)
            self._findings(round, months)
        results = self._indicator_results(edition, 2564)
        self.stdout.write(
            f"ผลการติดตามตัวอย่างของ {edition}: สร้างรอบใหม่ {created} รอบ ปรับปรุง {updated} รอบ "
            f"ผลตัวชี้วัด {results} รายการ"
        )

    def _edition(self, period):
        if period:
            if parse_period(period) is None:
                raise CommandError("ระบุแผนเป็นช่วงปี เช่น 2563-2565")
            edition = Edition.objects.for_period(period).first()
        else:
            edition = Edition.objects.current() or Edition.objects.order_by("-start_year").first()
        if edition is None:
            raise CommandError("ยังไม่มีแผนในระบบ นำเข้าแผนก่อน (manage.py import_plan หรือ load_demo)")
        return edition

    def _round(self, edition, name, year, months, start, end, report, published):
        existing = EvaluationRound.objects.filter(edition=edition, fiscal_year=year, name=name).first()
        if existing is not None and not existing.is_sample:
            self.stdout.write(f"ข้าม “{name}”: มีรอบชื่อนี้ที่บันทึกจริงอยู่แล้ว")
            return None, False
        round = existing or EvaluationRound(edition=edition, fiscal_year=year, name=name, is_sample=True)
        round.schedule_round = (
            ScheduleRound.objects.filter(edition=edition, covers_months=months).order_by("order").first()
        )
        round.period_start, round.period_end, round.report_date = start, end, report
        round.published_at = (
            timezone.make_aware(dt.datetime.combine(published, dt.time(10, 0))) if published else None
        )
        round.full_clean()
        round.save()
        return round, existing is None

    def _progress(self, round, months):
        pattern = PATTERNS[months]
        projects = year_projects(round.edition, round.fiscal_year)
        for index, project in enumerate(projects):
            status, percent, share = pattern[index % len(pattern)]
            planned = project.planned_in_year or Decimal(0)
            spent = (planned * Decimal(share)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            target = next((line.strip() for line in project.targets.splitlines() if line.strip()), "")
            ProjectProgress.objects.update_or_create(
                round=round,
                project=project,
                defaults={
                    "status": status,
                    "percent_done": percent,
                    "budget_spent": spent,
                    "outputs": f"{SAMPLE_NOTE}: "
                    + (f"ได้ตามเป้าหมาย “{target}”" if target else "ดำเนินการตามแผน"),
                    "problems": ""
                    if status in (Status.DONE, Status.IN_PROGRESS)
                    else f"{SAMPLE_NOTE}: งบประมาณไม่เพียงพอ",
                    "next_steps": "" if status == Status.DONE else "ติดตามต่อในรอบถัดไป",
                },
            )

    def _findings(self, round, months):
        round.findings.all().delete()
        RoundFinding.objects.bulk_create(
            RoundFinding(round=round, kind=kind, text=f"({SAMPLE_NOTE}) {text}", order=(i + 1) * 10)
            for i, (kind, text) in enumerate(FINDINGS[months])
        )

    def _indicator_results(self, edition, year) -> int:
        indicators, results = it_plan_indicators(edition, year)
        real = {r.indicator_id for r in results if not r.is_sample}
        count = 0
        for index, indicator in enumerate(indicators):
            target = next((t for t in indicator.target_list if t.year == year), None)
            if indicator.pk in real or target is None or target.value is None:
                continue
            # Two of every three indicators reach their target in the sample.
            actual = target.value if index % 3 != 2 else (target.value / 2).quantize(Decimal(1))
            text = to_thai_digits(format_number(actual, digits="arabic")) + (
                f" {indicator.unit}" if indicator.unit else ""
            )
            IndicatorResult.objects.update_or_create(
                indicator=indicator,
                fiscal_year=year,
                defaults={
                    "actual_value": actual,
                    "actual_text": text,
                    "note": SAMPLE_NOTE,
                    "is_sample": True,
                },
            )
            count += 1
        return count
