from django.db import migrations

from plans.roles import sync_roles


class Migration(migrations.Migration):
    # Gives the committee its records (plans.roles.MONITORING_RECORDS) on every database.
    dependencies = [
        ("plans", "0004_roles"),
        ("monitoring", "0003_evaluation_records"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
