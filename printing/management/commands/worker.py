"""Run the task worker of the configured queue (TASKS_BACKEND): `python manage.py worker`.

One command for the Procfile, systemd and `make run`, whichever backend the
environment chooses; it hands over to django-tasks-db's db_worker or
django-rq's rqworker with the arguments they need.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from printing import queue


class Command(BaseCommand):
    help = "เริ่มตัวประมวลผลงานเบื้องหลัง (สร้าง PDF) ตามคิวที่ตั้งไว้ใน TASKS_BACKEND"

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="run the tasks that are due, then exit")

    def handle(self, *args, burst=False, **options):
        name, *rest = queue.worker_command(burst=burst)
        self.stdout.write(f"worker: {queue.backend_path()} ({name} {' '.join(rest)})")
        call_command(name, *rest)
