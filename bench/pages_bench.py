"""Throughput and latency of every public page type under gunicorn on PostgreSQL, measured with wrk.

    .venv/bin/python bench/pages_bench.py [--seconds 5] [--connections 8] [--workers 3] [--scales 1 40]
                                          [--cache database|redis]

It recreates the database thaimuang_pages_bench on 127.0.0.1:5432 with one plan
per size (the page tests' factory at ``--scales`` times its size, each its own
organization), runs gunicorn on 127.0.0.1:8104 twice, with the page cache off
(cold: every request renders the page) and on (warm, in ``--cache``: the database,
the default, or Redis at REDIS_URL), and drives each page with wrk (apt-get install
wrk; a C client, so the client is not the bottleneck) for ``--seconds``, the sizes
of one page one after the other so that a machine shared with other work loads
both alike. Prints requests/s, p50 and p99 per page next to a trivial Django view
served by the same processes (the floor), the warm ratio to the floor, and each page's
cold time at the largest size over its time at the smallest.

The warm run measures the floor again after every page and takes each page's ratio to the
mean of the floor just before and just after it: on a shared machine the throughput drifts
over a run of minutes, which a single floor charges to the pages measured last. The ratio
to the best floor of the run is printed beside it.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
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


def organization_slug(scale: int, scales: list[int]) -> str:
    """The smallest plan at the factory's own address, the others at their own."""
    return "taimueang" if scale == min(scales) else f"taimueang-{scale}x"


def prepare_database(env: dict, scales: list[int]) -> None:
    import psycopg

    manage = [PYTHON, str(ROOT / "manage.py")]
    connection = psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        cursor.execute(f"CREATE DATABASE {DB_NAME}")
    connection.close()
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "createcachetable"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    for scale in scales:
        slug = organization_slug(scale, scales)
        script = (
            "import django; django.setup(); from tests.factories import ORG_NAME, build_plan, tai_mueang; "
            f"build_plan(scale={scale}, organization=tai_mueang(slug={slug!r}, name=ORG_NAME + {f' ({scale}x)'!r}))"
        )
        subprocess.run([PYTHON, "-c", script], env={**env, "PDF_RENDER_DELAY": "3600"}, check=True, cwd=ROOT)


# Run in a process of its own with the bench's settings (this one never sets Django up).
PAGES_SCRIPT = """
import django, json, sys; django.setup()
from plans.models import Edition
from public_pages import public_pages
edition = Edition.objects.select_related("organization").filter(organization__slug=sys.argv[1]).current()
print(json.dumps(public_pages(edition)))
"""


def page_urls(env: dict, slug: str) -> list[tuple[str, str]]:
    out = subprocess.run(
        [PYTHON, "-c", PAGES_SCRIPT, slug], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    )
    return [tuple(page) for page in json.loads(out.stdout)]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def _ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, seconds: int, connections: int) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # the first answer fills the shared cache
            response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}") from error
    command = ["wrk", "-t2", f"-c{connections}", "--timeout", "60s", "--latency", url]
    # One unmeasured second first, so that every worker process has served the page (its first
    # request to a worker pays for lazy imports and this process's copy of the page).
    subprocess.run([*command, "-d1s"], check=True, capture_output=True)
    out = subprocess.run([*command, f"-d{seconds}s"], check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url}: wrk saw errors\n{out}")
    latency = dict(re.findall(r"^\s*(50|99)%\s+(\S+)\s*$", out, re.M))
    if set(latency) != {"50", "99"}:
        raise SystemExit(f"{url}: could not read wrk's output\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
    }


def run_site(
    env: dict, workers: int, page_cache: bool, pages: dict, seconds: int, connections: int, *, interleave_floor: bool
) -> dict:
    """scale -> label -> figures; ``pages``: scale -> [(label, path)], the same labels at every scale."""
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "thaimuang_plan.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", str(workers),
         "--log-level", "warning"],
        env={**env, "PAGE_CACHE": "1" if page_cache else "0"}, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    results = {scale: {} for scale in pages}
    try:
        wait_until_up(base + "/bench/trivial")
        floors = [wrk(base + "/bench/trivial", seconds, connections)]
        labels = [label for label, _ in next(iter(pages.values()))]
        for n, label in enumerate(labels):
            for scale, paths in pages.items():
                figures = wrk(base + paths[n][1], seconds, connections)
                if interleave_floor:  # the floor on either side of this page
                    floors.append(wrk(base + "/bench/trivial", seconds, connections))
                    figures["adjacent_floor_rps"] = (floors[-2]["rps"] + floors[-1]["rps"]) / 2
                results[scale][label] = figures
        if not interleave_floor:
            floors.append(wrk(base + "/bench/trivial", seconds, connections))
        floor = max(floors, key=lambda figures: figures["rps"])
        for scale in pages:
            results[scale]["floor"] = {**floor, "adjacent_floor_rps": floor["rps"]}
        return results
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page (default 5)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (default 3)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 40], help="plan sizes (default 1 40)")
    parser.add_argument("--cache", choices=["database", "redis"], default="database",
                        help="the shared page cache (PAGE_CACHE_BACKEND; default database)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")

    env = {**environment(), "PAGE_CACHE_BACKEND": args.cache}
    if args.cache == "redis":  # a database of its own on a Redis other work may share
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
    scales = sorted(set(args.scales))
    prepare_database(env, scales)
    pages = {scale: page_urls(env, organization_slug(scale, scales)) for scale in scales}
    cold = run_site(env, args.workers, False, pages, args.seconds, args.connections, interleave_floor=False)
    warm = run_site(env, args.workers, True, pages, args.seconds, args.connections, interleave_floor=True)
    labels = [label for label, _ in pages[scales[0]]]
    for scale in scales:
        c_all, w_all = cold[scale], warm[scale]
        print(f"\nplan at {scale}x the factory size; gunicorn {args.workers} sync workers, PostgreSQL, "
              f"page cache in {args.cache}, wrk {args.connections} connections, {args.seconds} s per page")
        print(f"{'page':<20}{'cold req/s':>11}{'p50 ms':>8}{'p99 ms':>8}{'warm req/s':>11}{'p50 ms':>8}"
              f"{'p99 ms':>8}{'warm/floor':>11}{'/best floor':>12}{'p99/p50':>8}")
        for label in ["floor", *labels]:
            c, w = c_all[label], w_all[label]
            print(f"{label:<20}{c['rps']:>11.0f}{c['p50']:>8.2f}{c['p99']:>8.2f}{w['rps']:>11.0f}{w['p50']:>8.2f}"
                  f"{w['p99']:>8.2f}{w['rps'] / w['adjacent_floor_rps']:>11.2f}"
                  f"{w['rps'] / w_all['floor']['rps']:>12.2f}{w['p99'] / w['p50']:>8.1f}")
    if len(scales) > 1:
        small, large = scales[0], scales[-1]
        print(f"\ncold p50 at {large}x over {small}x (goal <= 1.5)")
        for label in labels:
            print(f"{label:<20}{cold[large][label]['p50'] / cold[small][label]['p50']:>8.2f}")


if __name__ == "__main__":
    sys.exit(main())
