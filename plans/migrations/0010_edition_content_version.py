from django.db import migrations, models


def add_column(apps, schema_editor):
    # A plain ADD COLUMN on both databases: Django would rebuild the table on
    # SQLite for a NOT NULL field, which the triggers that read plans_edition
    # (projects 0002, strategies 0002) do not survive.
    check = " CHECK (content_version >= 0)" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"ALTER TABLE plans_edition ADD COLUMN content_version bigint NOT NULL DEFAULT 1{check}"
    )


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE plans_edition DROP COLUMN content_version")


class Migration(migrations.Migration):
    dependencies = [("plans", "0009_constraint_messages_th")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="edition",
                    name="content_version",
                    field=models.PositiveBigIntegerField(default=1, editable=False, verbose_name="รุ่นของเนื้อหา"),
                ),
            ],
            database_operations=[migrations.RunPython(add_column, drop_column)],
        ),
    ]
