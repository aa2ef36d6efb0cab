import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import plans.models.organization
from plans.roles import sync_roles


def fill_slugs(apps, schema_editor):
    # Existing organizations get an address from their website, else org-1, org-2, ...;
    # the host may change it before the plans are cited anywhere.
    Organization = apps.get_model("plans", "Organization")
    taken: set[str] = set()
    for organization in Organization.objects.order_by("pk"):
        slug = plans.models.organization.slug_from_website(organization.website)
        n = 1
        while slug in taken or not slug:
            slug = f"org-{n}"
            n += 1
        taken.add(slug)
        Organization.objects.filter(pk=organization.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0010_edition_content_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("importer", "0001_plan_import"),
        ("printing", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="slug",
            # No index yet: the unique field below makes it (with PostgreSQL's _like twin), and
            # an index made here would clash with it by name.
            field=models.SlugField(db_index=False, max_length=40, null=True, verbose_name="ที่อยู่เว็บของหน่วยงาน"),
        ),
        migrations.AddField(
            model_name="organization",
            name="code",
            field=models.CharField(
                blank=True,
                help_text="รหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น (ถ้ามี) ใช้ในข้อมูลเปิดข้ามหน่วยงาน",
                max_length=20,
                verbose_name="รหัสองค์กรปกครองส่วนท้องถิ่น",
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organization",
            name="slug",
            field=models.SlugField(
                error_messages={"unique": "มีหน่วยงานอื่นใช้ที่อยู่เว็บนี้แล้ว เลือกชื่ออื่น"},
                help_text="อักษรภาษาอังกฤษตัวเล็ก ตัวเลข และขีด (-) เช่น taimueang จะได้ที่อยู่ /taimueang/ "
                "กำหนดครั้งเดียวเมื่อสร้าง เพราะลิงก์และเอกสารที่อ้างถึงแผนใช้ที่อยู่นี้",
                max_length=40,
                unique=True,
                validators=[plans.models.organization.validate_organization_slug],
                verbose_name="ที่อยู่เว็บของหน่วยงาน",
            ),
        ),
        migrations.AlterModelOptions(
            name="organization",
            options={
                "ordering": ["province", "district", "name"],
                "permissions": [("host_organizations", "ดูแลทุกหน่วยงานบนระบบ (ผู้ดูแลของผู้ให้บริการ)")],
                "verbose_name": "หน่วยงาน",
                "verbose_name_plural": "หน่วยงาน",
            },
        ),
        migrations.CreateModel(
            name="Membership",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "role",
                    models.CharField(
                        choices=[("editor", "คณะทำงานเทคโนโลยีสารสนเทศ"), ("committee", "คณะกรรมการติดตามและประเมินผล")],
                        max_length=20,
                        verbose_name="บทบาท",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="เพิ่มเมื่อ")),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="plans.organization",
                        verbose_name="หน่วยงาน",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ผู้ใช้",
                    ),
                ),
            ],
            options={
                "verbose_name": "สมาชิกของหน่วยงาน",
                "verbose_name_plural": "สมาชิกของหน่วยงาน",
                "ordering": ["organization", "role", "user__username"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "organization", "role"),
                        name="membership_unique_role",
                        violation_error_message="ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานนี้อยู่แล้ว",
                    )
                ],
            },
        ),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
