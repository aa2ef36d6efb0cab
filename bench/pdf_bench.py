"""Benchmark of the plan PDF: WeasyPrint against Chromium on the same HTML, and a cached download.

    DEBUG=1 .venv/bin/python bench/pdf_bench.py

Uses DATABASE_URL if set, else a scratch SQLite file in /tmp. Loads the Tai Mueang
plan from its source with the labelled sample chapters (``manage.py load_demo``),
then prints, for one run:
- WeasyPrint in a fresh process: import time, render time, pages, peak memory (ru_maxrss);
- Chromium ``--print-to-pdf`` of the same HTML: wall time, pages;
- the time of a second download through the view (served from the cache).
"""

from __future__ import annotations

import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thaimuang_plan.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/pdf_bench_demo.sqlite3")

CHROMIUM = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
]


def pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def render_in_fresh_process(html_path: str, pdf_path: str) -> None:
    """Child process: import, render, report times and peak memory on stdout."""
    import django

    django.setup()
    start = time.perf_counter()
    from printing import render

    render.load_weasyprint()
    imported = time.perf_counter()
    Path(pdf_path).write_bytes(render.html_to_pdf(Path(html_path).read_text()))
    done = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{imported - start:.2f} {done - imported:.2f} {peak_mib:.1f}")


def load_plan():
    """The demo data a resident sees: the real Tai Mueang source and the labelled sample (load_demo)."""
    from django.core.management import call_command

    from plans.models import Edition

    call_command("migrate", verbosity=0, skip_checks=True)
    call_command("createcachetable", verbosity=0)
    # Idempotent: skips the import when the same source is already loaded.
    call_command("load_demo", stdout=io.StringIO())
    return Edition.objects.get(start_year=2563, end_year=2565), "manage.py load_demo (source + sample)"


def main() -> None:
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from plans.models import Edition
    from portal.pdf import documents

    edition, source = load_plan()
    if edition.status == Edition.Status.DRAFT:
        edition.status = Edition.Status.PUBLISHED
        edition.save(update_fields=["status"])
    work = Path(tempfile.mkdtemp(prefix="pdf_bench_"))
    html = documents.plan_html(edition)
    (work / "plan.html").write_text(html)
    # Chromium reads the same HTML with the static URLs pointed at the files on disk.
    static_dir = ROOT / "static"
    (work / "chromium.html").write_text(html.replace('href="/static/', f'href="file://{static_dir}/'))
    print(f"plan: {edition} from {source}; HTML {len(html) / 1024:.0f} KiB")

    child = subprocess.run(
        [sys.executable, __file__, "--child", str(work / "plan.html"), str(work / "weasy.pdf")],
        capture_output=True, text=True, check=True,
    )
    import_s, render_s, peak = child.stdout.split()[-3:]
    print(f"weasyprint: import {import_s} s, render {render_s} s, {pages(work / 'weasy.pdf')} pages, "
          f"peak memory {peak} MiB (fresh process)")

    if shutil.which("chromium"):
        start = time.perf_counter()
        subprocess.run(
            [*CHROMIUM, f"--print-to-pdf={work / 'chromium.pdf'}", str(work / "chromium.html")],
            capture_output=True, check=True, timeout=120,
        )
        print(f"chromium --print-to-pdf: {time.perf_counter() - start:.2f} s wall (fresh process), "
              f"{pages(work / 'chromium.pdf')} pages")
    else:
        print("chromium: not installed")

    cache.clear()
    client = Client(HTTP_HOST="localhost")
    url = reverse("pdf:plan", kwargs={"period": edition.slug})
    start = time.perf_counter()
    first = client.get(url)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    second = client.get(url)
    warm = time.perf_counter() - start
    assert first.content == second.content
    print(f"download through the view: first {cold:.2f} s (renders), second {warm * 1000:.0f} ms (cached), "
          f"{len(second.content) / 1024:.0f} KiB")
    print(f"files in {work}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        render_in_fresh_process(sys.argv[2], sys.argv[3])
    else:
        main()
