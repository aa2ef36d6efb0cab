"""Does one organization's site slow down when the deployment hosts a hundred others?

    .venv/bin/python bench/orgs_bench.py [--others 99] [--projects 300] [--repeat 15]

Recreates the database thaimuang_orgs_bench on 127.0.0.1:5432 (PostgreSQL) and builds the
measured organization (อบต.ท้ายเหมือง, /taimueang/) with three editions of ``--projects``
projects each (the tests' factory). Copies that database to thaimuang_orgs_bench_all and adds
``--others`` organizations there, with three editions of the same size each (copied in bulk:
documents, strategies, projects, budgets), then ANALYZEs both. Renders every public page
type of the measured organization's published edition in full (page cache off) in both
databases, in turns (one page in one database, then the same page in the other),
``--repeat`` times, and keeps the fastest render of each: the figure least disturbed by
whatever else the machine is doing, and taken under the same load in both. Prints per page
the time alone and beside the others, their ratio (the goal is at most 1.5), and the queries
per page in both (which must be the same).
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

from public_pages import public_pages  # beside this file

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "thaimuang_orgs_bench"


def setup_django() -> None:
    os.environ.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        PAGE_CACHE="0",
        PDF_RENDER_DELAY="3600",
        DJANGO_SETTINGS_MODULE="thaimuang_plan.settings",
    )
    sys.path.insert(0, str(ROOT))
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        connection.execute(f"CREATE DATABASE {DB_NAME}")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def build_measured(projects: int):
    from plans.models import Edition
    from tests.factories import build_plan

    scale = max(1, projects // 4)  # the factory makes four projects per unit of scale
    build_plan(start_year=2560, end_year=2562, status=Edition.Status.ARCHIVED, scale=scale)
    current = build_plan(start_year=2563, end_year=2565, scale=scale)
    build_plan(start_year=2566, end_year=2570, status=Edition.Status.DRAFT, scale=scale)
    return current


def copy_edition(template, organization, start_year: int, status: str) -> None:
    """A copy of ``template`` for another organization, in bulk: the rows that grow with a plan."""
    from plans.models import Block, Edition, Section
    from projects.models import Project, ProjectBudget
    from strategies.models import Framework, Strategy

    years = template.end_year - template.start_year
    edition = Edition.objects.create(
        organization=organization, title=template.title, start_year=start_year, end_year=start_year + years, status=status
    )
    sections = list(Section.objects.filter(edition=template).order_by("order"))
    copies = Section.objects.bulk_create(
        [Section(edition=edition, title=s.title, number=s.number, key=s.key, order=s.order, in_toc=s.in_toc) for s in sections]
    )
    section_of = {old.pk: new for old, new in zip(sections, copies, strict=True)}
    Block.objects.bulk_create(
        [
            Block(section=section_of[b.section_id], order=b.order, kind=b.kind, text=b.text, embed=b.embed, framework_slug=b.framework_slug)
            for b in Block.objects.filter(section__edition=template)
        ]
    )
    strategy_of = {}
    for framework in Framework.objects.filter(edition=template):
        strategies = list(Strategy.objects.filter(framework=framework).order_by("order"))
        framework_pk = framework.pk
        framework.pk = None
        framework.edition = edition
        framework.save()
        new = Strategy.objects.bulk_create(
            [Strategy(framework=framework, number=s.number, title=s.title, order=s.order) for s in strategies]
        )
        strategy_of.update({old.pk: copy for old, copy in zip(strategies, new, strict=True)})
        del framework_pk
    projects = list(Project.objects.filter(edition=template).order_by("number"))
    project_copies = Project.objects.bulk_create(
        [
            Project(edition=edition, number=p.number, name=p.name, strategy=strategy_of.get(p.strategy_id), status=p.status,
                    rationale=p.rationale, objectives=p.objectives, duration=p.duration, is_sample=True)
            for p in projects
        ]
    )
    project_of = {old.pk: new for old, new in zip(projects, project_copies, strict=True)}
    ProjectBudget.objects.bulk_create(
        [
            ProjectBudget(project=project_of[b.project_id], fiscal_year=b.fiscal_year - template.start_year + start_year, amount=b.amount)
            for b in ProjectBudget.objects.filter(project__edition=template)
        ]
    )


def add_others(others: int, template) -> None:
    from django.db import connection

    from plans.models import Edition, Organization

    for n in range(others):
        organization = Organization.objects.create(
            slug=f"tambon-{n + 1}", name=f"องค์การบริหารส่วนตำบลทดสอบที่ {n + 1}", province=f"จังหวัด {n % 20}", district=f"อำเภอ {n}"
        )
        copy_edition(template, organization, 2560, Edition.Status.ARCHIVED)
        copy_edition(template, organization, 2563, Edition.Status.PUBLISHED)
        copy_edition(template, organization, 2566, Edition.Status.DRAFT)
        if (n + 1) % 20 == 0:
            print(f"  … {n + 1} organizations added", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def use_database(name: str) -> None:
    """Point this process's connection at another database (the next query reconnects)."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()


def count_queries(client, url: str) -> int:
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(queries)


def measure(urls, repeat: int, databases: list[str]) -> dict[tuple[str, str], tuple[float, int]]:
    """The fastest of ``repeat`` renders of each page in each database, taken in turns (one
    page in one database, then in the next), so that the machine's load falls on both alike."""
    from django.test import Client

    client = Client()
    queries = {}
    for database in databases:
        use_database(database)
        for name, url in urls:
            client.get(url)  # warm the process (templates, code), not the page
            queries[database, name] = count_queries(client, url)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in queries}
    for _ in range(repeat):
        for name, url in urls:
            for database in databases:
                use_database(database)
                start = time.perf_counter()
                client.get(url)
                times[database, name].append(time.perf_counter() - start)
    return {key: (min(values), queries[key]) for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--others", type=int, default=99)
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    setup_django()
    print(f"building อบต.ท้ายเหมือง: 3 editions × {args.projects} projects …", flush=True)
    started = time.perf_counter()
    edition = build_measured(args.projects)
    urls = public_pages(edition)
    # The same organization, alone and beside the others: a copy of its database gets them.
    from django.db import connection

    connection.close()
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}_all")
        admin.execute(f"CREATE DATABASE {DB_NAME}_all TEMPLATE {DB_NAME}")
    use_database(f"{DB_NAME}_all")
    print(f"adding {args.others} organizations × 3 editions × {args.projects} projects …", flush=True)
    add_others(args.others, edition)
    from plans.models import Edition, Organization
    from projects.models import Project

    totals = (Organization.objects.count(), Edition.objects.count(), Project.objects.count())
    use_database(DB_NAME)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    result = measure(urls, args.repeat, [DB_NAME, f"{DB_NAME}_all"])
    print(
        f"\n{totals[0]} organizations, {totals[1]} editions, {totals[2]:,} projects in the second database "
        f"(built and measured in {time.perf_counter() - started:.0f} s)\n"
    )
    print(f"{'page':28} {'1 org (ms)':>11} {'all (ms)':>10} {'ratio':>6} {'queries':>9}")
    worst = 0.0
    for name, _url in urls:
        (t1, q1), (t2, q2) = result[DB_NAME, name], result[f"{DB_NAME}_all", name]
        ratio = t2 / t1
        worst = max(worst, ratio)
        print(f"{name:28} {t1 * 1000:11.1f} {t2 * 1000:10.1f} {ratio:6.2f} {q1:>4} → {q2:<3}")
    print(f"\nworst ratio {worst:.2f} (goal ≤ 1.5)")


if __name__ == "__main__":
    main()
