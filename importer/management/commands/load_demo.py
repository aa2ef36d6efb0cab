"""python manage.py load_demo: the Tai Mueang plan from its source, plus the labelled sample,
and a sample revision of it (ฉบับแก้ไข ครั้งที่ ๑) so that the comparison has something to show.

Idempotent: each step is skipped when its result is already in the database,
so ``make run`` can call it every time. The organization's address is /taimueang/.
"""

import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editions.demo import demo_revision_load
from editions.services import edition_publish_as_told
from importer.parser import parse
from importer.services import ImportRejected, plan_import, read_source, sample_remove
from plans.models import Block, Edition, Organization
from thaimuang_plan.lib.thai import short_organization_name

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SOURCE = FIXTURES / "tai_mueang_2563-2565.txt"
SAMPLE = FIXTURES / "sample_chapters_3-6.txt"
DEMO_SLUG = "taimueang"


class Command(BaseCommand):
    help = "โหลดแผนตัวอย่างของ อบต.ท้ายเหมือง (เอกสารจริง + ข้อมูลตัวอย่างบทที่ ๓-๖) และเผยแพร่"

    def handle(self, *args, **options):
        with transaction.atomic():  # all of the demo or none of it
            try:
                edition = self._source()
                self._sample(edition)
            except ImportRejected as exc:
                raise CommandError(str(exc)) from None
            edition.refresh_from_db()
            if edition.status == Edition.Status.DRAFT:
                edition_publish_as_told(edition=edition)
                self.stdout.write(f"เผยแพร่ {edition} แล้ว")
            revision = demo_revision_load(edition=edition)
            self.stdout.write(f"ฉบับแก้ไขตัวอย่าง: {revision} ({revision.get_status_display()})")
            edition = revision
            if "load_sample_monitoring" in get_commands():
                call_command("load_sample_monitoring", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS(f"พร้อมใช้งาน: {edition} ({edition.get_status_display()})"))

    def _import(self, path: Path, **kwargs):
        result = plan_import(
            data=read_source(path),
            name=path.name,
            replace_published=True,
            progress=lambda message: self.stdout.write(message),
            **kwargs,
        )
        self.stdout.write(result.report())
        return result.edition

    def _source(self) -> Edition:
        data = read_source(SOURCE)
        plan = parse(data, name=SOURCE.name)
        organization = _organization(plan.organization_name)
        edition = Edition.objects.filter(
            organization=organization, start_year=plan.start_year, end_year=plan.end_year, revision_number=0
        ).first()
        if edition is not None and edition.source_sha256 == hashlib.sha256(data).hexdigest():
            self.stdout.write(f"{SOURCE.name}: นำเข้าไว้แล้ว ข้าม")
            return edition
        if edition is not None:
            # The demo's sample (and sample monitoring) hangs on the real content: reload both.
            sample_remove(edition=edition)
        return self._import(SOURCE, organization=organization)

    def _sample(self, edition: Edition) -> None:
        if Block.objects.filter(section__edition=edition, is_sample=True).exists():
            self.stdout.write(f"{SAMPLE.name}: มีข้อมูลตัวอย่างอยู่แล้ว ข้าม")
            return
        self._import(SAMPLE, sample=True)


def _organization(name: str) -> Organization:
    """Tai Mueang at /taimueang/: made if missing; a provisional org-N address (given by a
    migration or an earlier import) becomes taimueang while nobody else has it."""
    organization = Organization.objects.filter(name=name).first()
    free = not Organization.objects.filter(slug=DEMO_SLUG).exists()
    if organization is None:
        organization = Organization(name=name, short_name=short_organization_name(name), slug=DEMO_SLUG if free else "")
        organization.save()
    elif free and re.fullmatch(r"org-\d+", organization.slug):
        organization.slug = DEMO_SLUG
        organization.save(update_fields=["slug", "updated_at"])
    return organization
