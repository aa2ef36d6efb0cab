"""Framework.section went unread by every page: strategies point down at plans, not back.

SQLite rebuilds strategies_framework to drop the column, and a rename fails while the
target-year trigger of 0002 (on strategies_indicatortarget) names the table: the trigger is
dropped for the rebuild and made again after it (harmless on PostgreSQL).
"""

from importlib import import_module

from django.db import migrations

target_trigger = import_module("strategies.migrations.0002_target_year_in_period")


class Migration(migrations.Migration):
    dependencies = [
        ("strategies", "0004_placed_in_framework_base"),
    ]

    operations = [
        migrations.RunPython(target_trigger.backward, target_trigger.forward),
        migrations.RemoveField(model_name="framework", name="section"),
        migrations.RunPython(target_trigger.forward, target_trigger.backward),
    ]
