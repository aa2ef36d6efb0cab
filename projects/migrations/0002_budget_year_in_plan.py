from django.db import migrations

from thaimuang_plan.lib.dbtriggers import year_in_period_trigger

forward, backward = year_in_period_trigger(
    name="budget_year_in_plan_period",
    table="projects_projectbudget",
    year_col="fiscal_year",
    period_sql=(
        "SELECT e.start_year, e.end_year FROM projects_project p "
        "JOIN plans_edition e ON e.id = p.edition_id WHERE p.id = NEW.project_id"
    ),
    message="budget year outside the plan period",
)


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
