"""Benchmark of a plan's life: copying a whole edition, the plan checks and the comparison,
for a plan and the same plan ten times larger, measured in one run.

    DEBUG=1 .venv/bin/python bench/editions_bench.py

Uses DATABASE_URL if set, else a fresh scratch SQLite file in /tmp. Builds the page tests'
Tai Mueang plan (tests/factories.py) at scale 1 and 10, then prints for each: rows in
the plan, seconds and queries to start a revision (the full copy), to run the checks and to
compare the two editions; and the ratios large/small. Queries should not grow with the plan
(the ratio stays 1.0); time should grow no faster than the rows.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thaimuang_plan.settings")
os.environ.setdefault("DEBUG", "1")
SCRATCH = Path("/tmp/editions_bench.sqlite3")
if "DATABASE_URL" not in os.environ:
    SCRATCH.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from editions.checks import run_checks
    from editions.compare import compare_editions
    from editions.copy import PARTS
    from editions.services import revision_start
    from plans.models import Organization
    from tests.factories import build_plan

    organization = Organization.objects.create(name="องค์การบริหารส่วนตำบลทดสอบความเร็ว")
    figures = {}
    for scale, start in ((1, 2563), (10, 2566)):
        plan = build_plan(organization=organization, start_year=start, end_year=start + 2, scale=scale)
        rows = sum(p.model.objects.filter(**{p.edition_lookup: plan}).count() for p in PARTS)
        measured = {"rows": rows}
        for name, work in (
            ("copy", lambda plan=plan: revision_start(
                edition=plan, kind="amendment", approval_reference="มติ ๑/๒๕๖๔", approved_on=dt.date(2021, 1, 1)
            )),
            ("checks", lambda plan=plan: run_checks(plan)),
        ):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                result = work()
                measured[name] = (time.perf_counter() - began, len(queries))
            if name == "copy":
                revision = result
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            compare_editions(plan, revision)
            measured["compare"] = (time.perf_counter() - began, len(queries))
        figures[scale] = measured
    small, large = figures[1], figures[10]
    print(f"rows in the plan: {small['rows']} and {large['rows']} (ratio {large['rows'] / small['rows']:.1f})")
    for name in ("copy", "checks", "compare"):
        (t1, q1), (t10, q10) = small[name], large[name]
        print(
            f"{name:8} small {t1 * 1000:7.1f} ms {q1:4} queries | large {t10 * 1000:7.1f} ms {q10:4} queries"
            f" | time ratio {t10 / t1:5.2f}, query ratio {q10 / q1:4.2f}"
        )


if __name__ == "__main__":
    main()
