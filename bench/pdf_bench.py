"""Benchmark of the plan PDF at 1x, 10x and 40x the demo plan: WeasyPrint against Chromium on the
same HTML, the render as the task runs it, and the download of the stored file.

    DEBUG=1 .venv/bin/python bench/pdf_bench.py [--scales 1 10 40] [--projects 300]

Run it from a detached copy (git worktree add --detach /tmp/NAME-bench BRANCH) so that edits do
not change a run midway. Uses DATABASE_URL if set, else a scratch SQLite file in /tmp. The plan
is the tests' Tai Mueang plan (tests/factories.py) at scale 4 (16 projects, 12 IT strategies)
times each --scales value; each --projects value adds a plan with that many projects (rounded
up to a multiple of 4). Prints, in one run, per size:
- the render as the worker runs it (printing.limits: a forked child): wall time, processor
  time (user + system, which a machine shared with other work inflates far less than wall
  time) and peak resident memory; pages and bytes;
- Chromium ``--print-to-pdf`` of the same HTML: wall time of a fresh process, and the
  processor time of all its processes (sampled); the ratios WeasyPrint / Chromium of both;
- a fresh PDF after a one-chapter edit (the task's whole path: the HTML built again and the
  whole document rendered again), wall time and the render's processor time;
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


def build(index: int, factory_scale: int):
    from plans.models import Edition
    from tests.factories import build_plan

    start_year = 2563 + 3 * index  # one edition per size, side by side in one database
    Edition.objects.filter(start_year=start_year).delete()
    return build_plan(start_year=start_year, end_year=start_year + 2, scale=factory_scale)


_TICK = os.sysconf("SC_CLK_TCK")


def run_measuring_cpu(command: list[str], timeout: float) -> tuple[float, float]:
    """Wall time and processor time of ``command`` and every process it starts.

    Chromium's renderer and GPU processes are not waited for by their parent, so their time
    never reaches RUSAGE_CHILDREN: the processes of the command's session are read from /proc
    every 20 ms instead, each one's last user + system time summed (a process living under
    20 ms is missed, and each loses at most its last 20 ms).
    """
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    seen: dict[int, int] = {}
    while child.poll() is None:
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as handle:
                    fields = handle.read().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[3]) == child.pid:  # the session id: every process chromium started
                seen[int(entry.name)] = int(fields[11]) + int(fields[12])
        if time.perf_counter() - start > timeout:
            child.kill()
            raise TimeoutError(command[0])
        time.sleep(0.02)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return time.perf_counter() - start, sum(seen.values()) / _TICK


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
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 40])
    parser.add_argument("--projects", type=int, nargs="*", default=[])
    args = parser.parse_args()
    # (label, tests.factories scale): the factory adds 4 projects per unit of scale.
    sizes = [(f"{scale}x", 4 * scale) for scale in args.scales]
    sizes += [(f"{-(-projects // 4) / 4:g}x", -(-projects // 4)) for projects in args.projects]

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
    print(f"{'size':>6}{'projects':>9}{'pages':>7}{'KiB':>7}{'render s':>9}{'cpu s':>7}{'peak MiB':>9}"
          f"{'chrom s':>8}{'cpu s':>7}{'wall/chr':>9}{'cpu/chr':>8}{'edit s':>8}{'cpu s':>7}{'stored ms':>10}{'prepare ms':>11}")
    for index, (label, factory_scale) in enumerate(sizes):
        edition = Edition.objects.get(pk=build(index, factory_scale).pk)
        html = documents.plan_html(edition)
        result = render_as_the_task_does(html)
        pdf_path = work / f"plan-{label}.pdf"
        pdf_path.write_bytes(result.value)
        chromium_s = chromium_cpu = float("nan")
        if shutil.which("chromium"):
            chromium_html = work / f"chromium-{label}.html"
            chromium_html.write_text(html.replace('href="/static/', f'href="file://{static_dir}/'))
            chromium_s, chromium_cpu = run_measuring_cpu(
                [*CHROMIUM, f"--print-to-pdf={work / f'chromium-{label}.pdf'}", str(chromium_html)], timeout=1800
            )
        # One chapter edited: what it costs to have a fresh PDF again.
        block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).first()
        block.text = "<p>แก้ไขหนึ่งบทเพื่อวัดเวลา</p>"
        block.save()
        edition.refresh_from_db()
        client = Client(HTTP_HOST="localhost")
        url = reverse("pdf:plan", kwargs={"org": edition.organization.slug, "period": edition.slug})
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
        projects = edition.projects.count()
        print(f"{label:>6}{projects:>9}{pages(pdf_path):>7}{len(result.value) / 1024:>7.0f}{result.seconds:>9.2f}"
              f"{result.cpu_seconds:>7.2f}{result.peak_memory / 2**20:>9.0f}{chromium_s:>8.2f}{chromium_cpu:>7.2f}"
              f"{result.seconds / chromium_s:>9.2f}{result.cpu_seconds / chromium_cpu:>8.2f}"
              f"{edit_s:>8.2f}{outcome['cpu_seconds']:>7.2f}{stored_ms:>10.1f}{prepare_ms:>11.1f}", flush=True)
    print(f"files in {work}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        render_in_fresh_process(sys.argv[2], sys.argv[3])
    else:
        main()
