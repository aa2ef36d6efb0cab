from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backup import create_backup


class Command(BaseCommand):
    help = "Write every row and every uploaded file of the portal to one .zip file (see README, Operations)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Where to write; default backups/portal-<date>-<time>.zip")

    def handle(self, *args, file=None, **options):
        target = Path(file or f"backups/portal-{timezone.localtime():%Y%m%d-%H%M%S}.zip")
        summary = create_backup(target)
        self.stdout.write(f"{target}: {summary.rows} rows, {summary.media_files} media files")
