"""python manage.py add_member USERNAME ORG_SLUG ROLE [--password-from-env VAR]

Provisions a member of an organization from the command line: creates the user when
missing (a generated password printed once, or the one in the environment variable
named by --password-from-env), makes them staff, and gives them ROLE (editor: the IT
working group; committee: the monitoring committee) in the organization at /ORG_SLUG/.
Running it again changes nothing and prints no password.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from plans.memberships import member_add
from plans.models import Membership, Organization

UNKNOWN_ROLE = "ไม่รู้จักบทบาท “{role}”: ใช้ editor (คณะทำงานเทคโนโลยีสารสนเทศ) หรือ committee (คณะกรรมการติดตามและประเมินผล)"
UNKNOWN_ORGANIZATION = "ไม่พบหน่วยงานที่อยู่เว็บ “{slug}” หน่วยงานที่มี: {known}"
NO_ORGANIZATIONS = "ไม่พบหน่วยงานที่อยู่เว็บ “{slug}” และยังไม่มีหน่วยงานใดในระบบ (ผู้ดูแลระบบของผู้ให้บริการสร้างได้ในหน้าจัดการ)"
NO_PASSWORD_IN_ENV = "ไม่พบรหัสผ่านในตัวแปรสภาพแวดล้อม {name} (ไม่มีหรือว่างอยู่)"
WEAK_PASSWORD = "รหัสผ่านใน {name} ใช้ไม่ได้: {reasons}"
CREATED = "สร้างผู้ใช้ {username} แล้ว"
PASSWORD_ONCE = "รหัสผ่าน (แสดงครั้งเดียว เก็บไว้ให้ดีแล้วให้ผู้ใช้เปลี่ยนเมื่อเข้าระบบ): {password}"
PASSWORD_FROM_ENV = "ตั้งรหัสผ่านจากตัวแปร {name} แล้ว"
ADDED = "{username} เป็น{role}ของ{organization}แล้ว"
ALREADY = "{username} เป็น{role}ของ{organization}อยู่แล้ว ไม่มีอะไรเปลี่ยน"


class Command(BaseCommand):
    help = "เพิ่มสมาชิกของหน่วยงาน: สร้างผู้ใช้ถ้ายังไม่มี และให้บทบาท editor หรือ committee ในหน่วยงานนั้น"

    def add_arguments(self, parser):
        parser.add_argument("username", help="ชื่อผู้ใช้")
        parser.add_argument("org_slug", help="ที่อยู่เว็บของหน่วยงาน เช่น taimueang")
        parser.add_argument("role", help="editor หรือ committee")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            default="",
            help="ชื่อตัวแปรสภาพแวดล้อมที่เก็บรหัสผ่านของผู้ใช้ใหม่ (ไม่ระบุ: ระบบสุ่มให้และแสดงครั้งเดียว)",
        )

    def handle(self, *args, username, org_slug, role, password_from_env, **options):
        if role not in Membership.Role.values:
            raise CommandError(UNKNOWN_ROLE.format(role=role))
        organization = Organization.objects.filter(slug=org_slug).first()
        if organization is None:
            known = ", ".join(Organization.objects.order_by("slug").values_list("slug", flat=True)[:20])
            raise CommandError((UNKNOWN_ORGANIZATION if known else NO_ORGANIZATIONS).format(slug=org_slug, known=known))
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.filter(username=username).first()
            password = None
            if user is None:
                password = self._password(password_from_env, username)
                user = User.objects.create_user(username, password=password, is_staff=True)
                self.stdout.write(CREATED.format(username=username))
            _, created = member_add(user=user, organization=organization, role=role)
        if password is not None:
            if password_from_env:
                self.stdout.write(PASSWORD_FROM_ENV.format(name=password_from_env))
            else:
                self.stdout.write(PASSWORD_ONCE.format(password=password))
        label = Membership.Role(role).label
        message = ADDED if created else ALREADY
        self.stdout.write(self.style.SUCCESS(message.format(username=username, role=label, organization=organization)))

    def _password(self, variable: str, username: str) -> str:
        if not variable:
            return secrets.token_urlsafe(12)
        password = os.environ.get(variable, "")
        if not password:
            raise CommandError(NO_PASSWORD_IN_ENV.format(name=variable))
        try:
            validate_password(password, user=get_user_model()(username=username))
        except ValidationError as error:
            raise CommandError(WEAK_PASSWORD.format(name=variable, reasons=" ".join(error.messages))) from None
        return password
