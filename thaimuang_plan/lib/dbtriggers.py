"""Database triggers for rules that a CHECK constraint cannot express.

A check constraint sees one row only; "a target year lies inside its
framework's period" needs the parent row. These helpers build the same rule as
a trigger for SQLite and PostgreSQL, for use in a migration's RunPython.

SQLite drops a table's triggers when Django rebuilds the table (some
AlterField operations do): a migration that rebuilds one of these tables
must create the trigger again. tests/admin/test_admin_constraints.py fails
if a trigger goes missing.
"""


def year_in_period_trigger(*, name: str, table: str, year_col: str, period_sql: str, message: str):
    """Return (forward, backward) functions for migrations.RunPython.

    ``period_sql`` selects ``start_year, end_year`` of the period that applies
    to the row ``NEW`` (a framework without a period selects NULLs and passes).
    """
    violation = (
        f"EXISTS (SELECT 1 FROM ({period_sql}) AS period "
        f"WHERE period.start_year IS NOT NULL "
        f"AND (NEW.{year_col} < period.start_year OR NEW.{year_col} > period.end_year))"
    )
    quoted_message = message.replace("'", "''")

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}_fn() RETURNS trigger AS $$ "
                f"BEGIN IF {violation} THEN "
                f"RAISE EXCEPTION '{quoted_message}' USING ERRCODE = 'check_violation'; "
                f"END IF; RETURN NEW; END; $$ LANGUAGE plpgsql;"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}_fn();"
            )
        elif schema_editor.connection.vendor == "sqlite":
            for event in ("INSERT", "UPDATE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {name}_{event.lower()} BEFORE {event} ON {table} "
                    f"FOR EACH ROW WHEN {violation} "
                    f"BEGIN SELECT RAISE(ABORT, '{quoted_message}'); END;"
                )

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table};")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}_fn();")
        elif schema_editor.connection.vendor == "sqlite":
            for event in ("insert", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_{event};")

    return forward, backward
