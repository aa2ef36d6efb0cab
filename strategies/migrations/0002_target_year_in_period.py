from django.db import migrations

from thaimuang_plan.lib.dbtriggers import year_in_period_trigger

forward, backward = year_in_period_trigger(
    name="target_year_in_framework_period",
    table="strategies_indicatortarget",
    year_col="year",
    period_sql=(
        "SELECT f.start_year, f.end_year FROM strategies_indicator i "
        "JOIN strategies_framework f ON f.id = i.framework_id WHERE i.id = NEW.indicator_id"
    ),
    message="target year outside the framework period",
)


class Migration(migrations.Migration):
    dependencies = [("strategies", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
