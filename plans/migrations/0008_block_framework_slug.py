"""Block.framework (a foreign key up to strategies) becomes Block.framework_slug.

plans stands below strategies: its models point at no strategies row. Every embed keeps its
framework: the slug is copied from the framework the block pointed at (unique per edition).
"""

from django.db import migrations, models


def copy_slugs(apps, schema_editor):
    Block = apps.get_model("plans", "Block")
    for block in Block.objects.exclude(framework=None).select_related("framework"):
        block.framework_slug = block.framework.slug
        block.save(update_fields=["framework_slug"])


def restore_links(apps, schema_editor):
    Block = apps.get_model("plans", "Block")
    Framework = apps.get_model("strategies", "Framework")
    for block in Block.objects.exclude(framework_slug="").select_related("section"):
        block.framework = Framework.objects.filter(
            edition_id=block.section.edition_id, slug=block.framework_slug
        ).first()
        block.save(update_fields=["framework"])


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0007_editions_revisions"),
        ("strategies", "0004_placed_in_framework_base"),
    ]

    operations = [
        migrations.AddField(
            model_name="block",
            name="framework_slug",
            field=models.SlugField(
                blank=True,
                help_text="สำหรับชนิด “แสดงข้อมูลจากตาราง” ที่เป็นข้อมูลของกรอบยุทธศาสตร์: ชื่อในที่อยู่เว็บของกรอบ เช่น dla "
                "(เว้นว่างเพื่อแสดงแผนแม่บทไอที) หน้าเว็บและ PDF แจ้งไว้เมื่อแผนไม่มีกรอบชื่อนี้",
                max_length=50,
                verbose_name="กรอบยุทธศาสตร์",
            ),
        ),
        migrations.RunPython(copy_slugs, restore_links),
        migrations.RemoveField(model_name="block", name="framework"),
    ]
