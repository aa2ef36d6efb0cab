"""In development, a local administrator to sign in with: created once, its name and password printed.

`make run` calls this. It refuses to run unless DEBUG is on, so a production
site never gets an account with a password printed to a terminal. The administrator is a
superuser (a host: every organization) and also the demo organization's editor, so that
its membership shows in the admin as a member's would.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from plans.memberships import member_add
from plans.models import Membership, Organization

USERNAME = "admin"
DEMO_SLUG = "taimueang"


class Command(BaseCommand):
    help = "สร้างผู้ดูแลระบบสำหรับเครื่องพัฒนา (ครั้งเดียว) และพิมพ์ชื่อผู้ใช้กับรหัสผ่าน (เฉพาะ DEBUG=1)"

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("dev_admin ใช้ได้เฉพาะเครื่องพัฒนา (DEBUG=1) เท่านั้น")
        # The generated password is kept beside the SQLite file (var/, not in git,
        # readable only by this user), so every `make run` can print it again.
        secret = Path(settings.BASE_DIR) / "var" / "dev-admin-password"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        password = secret.read_text().strip() if secret.exists() else ""
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_superuser(USERNAME, email="", password=password)
            secret.parent.mkdir(parents=True, exist_ok=True)
            secret.write_text(password + "\n")
            os.chmod(secret, 0o600)
            created = "สร้างผู้ดูแลระบบสำหรับเครื่องพัฒนาแล้ว"
        else:
            created = "ผู้ดูแลระบบสำหรับเครื่องพัฒนา"
        demo = Organization.objects.filter(slug=DEMO_SLUG).first()
        if demo is not None:
            member_add(user=user, organization=demo, role=Membership.Role.EDITOR)
        url = "http://127.0.0.1:8000/admin/"
        if password and user.check_password(password):
            self.stdout.write(f"{created}: เข้าระบบที่ {url} ชื่อผู้ใช้ {USERNAME} รหัสผ่าน {password}")
        else:
            self.stdout.write(
                f"{created}: เข้าระบบที่ {url} ชื่อผู้ใช้ {USERNAME} (รหัสผ่านถูกเปลี่ยนแล้ว; "
                f"ตั้งใหม่ด้วย DEBUG=1 .venv/bin/python manage.py changepassword {USERNAME})"
            )
