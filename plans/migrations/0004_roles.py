from django.db import migrations

from plans.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_edition_publish_permission"),
        ("strategies", "0002_target_year_in_period"),
        ("projects", "0002_budget_year_in_plan"),
        ("monitoring", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
