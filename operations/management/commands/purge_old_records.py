from django.core.management.base import BaseCommand

from operations.retention import purge_old_records


class Command(BaseCommand):
    help = "Delete login records older than LOGIN_RECORD_RETENTION_DAYS and expired sessions; run daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days instead of the setting")

    def handle(self, *args, days=None, **options):
        for kind, count in purge_old_records(days=days).items():
            self.stdout.write(f"{kind}: {count} deleted")
