"""Benchmark of the plan PDF at 1x, 10x and 40x the demo plan: WeasyPrint against Chromium on the
same HTML, the render as the task runs it, and the download of the stored file.

    DEBUG=1 .venv/bin/python bench/pdf_bench.py [--scales 1 10 40]

Uses DATABASE_URL if set, else a scratch SQLite file in /tmp. The plan is the
tests' Tai Mueang plan (tests/factories.py) at scale 4 (16 projects, 12 IT
strategies) times each scale. Prints, in one run, per size:
- the render as the worker runs it (printing.limits: a forked child, its time
  and peak resident memory), pages and bytes;
- Chromium ``--print-to-pdf`` of the same HTML (wall time of a fresh process);
- a fresh PDF after a one-chapter edit (the whole document is rendered again);
- the download of the stored file through the view (ms), and the first request
  for a version not rendered yet (the "being prepared" page, ms).
"""

from __future__ import annotations

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


def build(scale: int):
    from plans.models import Edition
    from tests.factories import build_plan

    start_year = 2563 + 3 * scale  # one edition per size, side by side in one database
    Edition.objects.filter(start_year=start_year).delete()
    return build_plan(start_year=start_year, end_year=start_year + 2, scale=4 * scale)


def render_as_the_task_does(html: str):
    from django.conf import settings

    from printing import limits, render

    render.load_weasyprint()
    return limits.run_limited(
        lambda: render.html_to_pdf(html),
        seconds=settings.PDF_RENDER_SECONDS * 10,
        memory_bytes=16 * 2**30,
    )


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 40])
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from plans.models import Block, Edition
    from portal.pdf import documents
    from printing import documents as rendered_documents

    call_command("migrate", verbosity=0, skip_checks=True)
    call_command("createcachetable", verbosity=0)
    work = Path(tempfile.mkdtemp(prefix="pdf_bench_"))
    static_dir = ROOT / "static"
    print(f"{'size':>5}{'projects':>9}{'pages':>7}{'KiB':>7}{'render s':>10}{'peak MiB':>10}{'chromium s':>11}"
          f"{'weasy/chr':>10}{'edit s':>8}{'stored ms':>10}{'prepare ms':>11}")
    for scale in args.scales:
        edition = Edition.objects.get(pk=build(scale).pk)
        html = documents.plan_html(edition)
        result = render_as_the_task_does(html)
        pdf_path = work / f"plan-{scale}x.pdf"
        pdf_path.write_bytes(result.value)
        chromium_s = float("nan")
        if shutil.which("chromium"):
            chromium_html = work / f"chromium-{scale}x.html"
            chromium_html.write_text(html.replace('href="/static/', f'href="file://{static_dir}/'))
            start = time.perf_counter()
            subprocess.run(
                [*CHROMIUM, f"--print-to-pdf={work / f'chromium-{scale}x.pdf'}", str(chromium_html)],
                capture_output=True, check=True, timeout=1800,
            )
            chromium_s = time.perf_counter() - start
        # One chapter edited: what it costs to have a fresh PDF again.
        block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).first()
        block.text = "<p>แก้ไขหนึ่งบทเพื่อวัดเวลา</p>"
        block.save()
        edition.refresh_from_db()
        client = Client(HTTP_HOST="localhost")
        url = reverse("pdf:plan", kwargs={"period": edition.slug})
        start = time.perf_counter()
        waiting = client.get(url)
        prepare_ms = (time.perf_counter() - start) * 1000
        assert waiting.status_code == 202, waiting.status_code
        start = time.perf_counter()
        outcome = rendered_documents.render_now(documents.plan_key(edition), edition.content_version)
        edit_s = time.perf_counter() - start
        assert outcome["outcome"] == "rendered", outcome
        client.get(url)  # warm this process's hash check, as a running site has
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        stored_ms = (time.perf_counter() - start) * 1000
        assert response.status_code == 200 and body.startswith(b"%PDF")
        print(f"{scale:>4}x{16 * scale:>9}{pages(pdf_path):>7}{len(result.value) / 1024:>7.0f}{result.seconds:>10.2f}"
              f"{result.peak_memory / 2**20:>10.0f}{chromium_s:>11.2f}{result.seconds / chromium_s:>10.2f}"
              f"{edit_s:>8.2f}{stored_ms:>10.1f}{prepare_ms:>11.1f}")
    print(f"files in {work}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        render_in_fresh_process(sys.argv[2], sys.argv[3])
    else:
        main()
