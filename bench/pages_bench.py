"""Throughput and latency of public pages under gunicorn on PostgreSQL.

    .venv/bin/python bench/pages_bench.py [--requests 400] [--concurrency 8] [--workers 4] [--data demo|factory]

Creates (or recreates) the database thaimuang_pages_bench on 127.0.0.1:5432,
migrates it, loads the plan (``--data demo``, the default: ``manage.py load_demo``,
the Tai Mueang source with its labelled sample, 8 projects; ``--data factory``:
the page tests' factory at ten times the sample size, 40 projects, so the
project list shows a full page of 25), runs
gunicorn on 127.0.0.1:8104 and requests each page a bounded number of times
from a thread pool. Prints requests/s and p50/p90/p99 latency per page, next
to a trivial Django view served by the same processes.
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = 8104
DB_NAME = "thaimuang_pages_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"


def environment() -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=DATABASE_URL,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="pages_settings",
        PYTHONPATH=f"{ROOT}:{ROOT / 'bench'}",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare_database(env: dict, data: str) -> None:
    import psycopg

    manage = [PYTHON, str(ROOT / "manage.py")]

    def fresh_database():
        connection = psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
            cursor.execute(f"CREATE DATABASE {DB_NAME}")
        connection.close()
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "createcachetable"], env=env, check=True, cwd=ROOT)

    fresh_database()
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    if data == "demo" and (ROOT / "plans" / "management" / "commands" / "load_demo.py").exists():
        demo = subprocess.run([*manage, "load_demo"], env=env, cwd=ROOT, capture_output=True, text=True)
        if demo.returncode == 0:
            print("data: manage.py load_demo")
            return
        print(f"data: manage.py load_demo failed ({demo.stderr.strip().splitlines()[-1:]}), using the factory")
        fresh_database()
    script = "import django; django.setup(); from tests.pages.factories import build_plan; build_plan(scale=10)"
    subprocess.run([PYTHON, "-c", script], env=env, check=True, cwd=ROOT)
    print("data: tests/pages/factories.build_plan(scale=10): 30 IT strategies, 40 projects")


def wait_until_up(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def fetch(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
    return time.perf_counter() - start


def measure(url: str, requests: int, concurrency: int) -> dict:
    for _ in range(min(10, requests)):  # warm up connections and caches
        fetch(url)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        latencies = sorted(pool.map(lambda _: fetch(url), range(requests)))
    elapsed = time.perf_counter() - start
    quantiles = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "rps": requests / elapsed,
        "p50": quantiles[49] * 1000,
        "p90": quantiles[89] * 1000,
        "p99": quantiles[98] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per page (default 400)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--data", choices=("demo", "factory"), default="demo", help="plan to load (default demo)")
    args = parser.parse_args()

    env = environment()
    prepare_database(env, args.data)
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "thaimuang_plan.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", str(args.workers),
         "--access-logfile", "-", "--log-level", "warning"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        wait_until_up(base + "/bench/trivial")
        period = _current_period(env)
        pages = [
            ("trivial Django view", "/bench/trivial"),
            ("home /", "/"),
            ("project list", f"/plans/{period}/projects/"),
            ("project page", f"/plans/{period}/projects/1/"),
        ]
        print(f"gunicorn {args.workers} sync workers, PostgreSQL, {args.requests} requests per page, "
              f"{args.concurrency} client threads")
        print(f"{'page':<22}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}")
        for label, path in pages:
            r = measure(base + path, args.requests, args.concurrency)
            print(f"{label:<22}{r['rps']:>9.1f}{r['p50']:>9.1f}{r['p90']:>9.1f}{r['p99']:>9.1f}")
    finally:
        server.terminate()
        server.wait(timeout=20)


def _current_period(env: dict) -> str:
    script = (
        "import django; django.setup(); from plans.models import Edition; "
        "e = Edition.objects.current(); print(e.slug if e else '')"
    )
    out = subprocess.run([PYTHON, "-c", script], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    period = out.stdout.strip()
    if not period:
        raise SystemExit("no published edition in the bench database")
    return period


if __name__ == "__main__":
    sys.exit(main())
