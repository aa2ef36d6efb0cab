"""Benchmark of the plan PDF at 1x, 10x and 40x the demo plan: WeasyPrint against Chromium on the
same HTML, the render as the task runs it (joined from parts), after one edit, and the download.

    DEBUG=1 .venv/bin/python bench/pdf_bench.py [--scales 1 10 40] [--projects 300]

Run it from a detached copy (git worktree add --detach /tmp/NAME-bench BRANCH) so that edits do
not change a run midway. Uses DATABASE_URL if set, else a scratch SQLite file in /tmp. The plan
is the tests' Tai Mueang plan (tests/factories.py) at scale 4 (16 projects, 12 IT strategies)
times each --scales value; each --projects value adds a plan with that many projects (rounded
up to a multiple of 4). Prints, in one run, per size (wall seconds / processor seconds, the
latter user + system, which a machine shared with other work inflates far less):
- "whole": the HTML laid out as one document (printing.render.html_to_pdf) in a forked child as
  the worker runs it, with its peak resident memory;
- Chromium ``--print-to-pdf`` of the same HTML (processor time of all its processes, sampled);
- "task": the plan's render as the task runs it, with no part stored yet (printing.assemble:
  the document laid out in parts and joined), its peak memory and size; the ratio of its
  processor time to Chromium's;
- "chapter edit" and "project edit": a fresh PDF after editing one paragraph of a chapter, then
  one project (the task again: the HTML built again, the changed part laid out, the join), and
  each as a fraction of the task's full render;
- the download of the stored file through the view (ms), and the first request for a version
  not rendered yet (the "being prepared" page, ms).
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


def task_render(client, url: str, edition_pk: int):
    """The first request for the current version (the "being prepared" page, ms), then the task's render."""
    from plans.models import Edition
    from portal.pdf import documents
    from printing import documents as rendered_documents

    edition = Edition.objects.get(pk=edition_pk)
    start = time.perf_counter()
    waiting = client.get(url)
    prepare_ms = (time.perf_counter() - start) * 1000
    assert waiting.status_code == 202, waiting.status_code
    start = time.perf_counter()
    outcome = rendered_documents.render_now(documents.plan_key(edition), edition.content_version)
    assert outcome["outcome"] == "rendered", outcome
    return time.perf_counter() - start, outcome, prepare_ms


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
    from printing import assemble
    from projects.models import Project

    call_command("migrate", verbosity=0, skip_checks=True)
    call_command("createcachetable", verbosity=0)
    work = Path(tempfile.mkdtemp(prefix="pdf_bench_"))
    static_dir = ROOT / "static"
    print(f"{'size':>6}{'projects':>9}{'pages':>6}{'whole s':>8}{'cpu':>6}{'MiB':>5}{'KiB':>6}"
          f"{'chrom s':>8}{'cpu':>6}{'task s':>7}{'cpu':>6}{'MiB':>5}{'KiB':>6}{'cpu/chr':>8}"
          f"{'chapter edit':>13}{'cpu':>6}{'of task':>8}{'project edit':>13}{'cpu':>6}{'of task':>8}"
          f"{'stored ms':>10}{'prepare ms':>11}")
    for index, (label, factory_scale) in enumerate(sizes):
        edition = Edition.objects.get(pk=build(index, factory_scale).pk)
        html = documents.plan_html(edition)
        whole = render_as_the_task_does(html)
        pdf_path = work / f"plan-{label}.pdf"
        pdf_path.write_bytes(whole.value)
        chromium_s = chromium_cpu = float("nan")
        if shutil.which("chromium"):
            chromium_html = work / f"chromium-{label}.html"
            chromium_html.write_text(html.replace('href="/static/', f'href="file://{static_dir}/'))
            chromium_s, chromium_cpu = run_measuring_cpu(
                [*CHROMIUM, f"--print-to-pdf={work / f'chromium-{label}.pdf'}", str(chromium_html)], timeout=1800
            )
        client = Client(HTTP_HOST="localhost")
        url = reverse("pdf:plan", kwargs={"org": edition.organization.slug, "period": edition.slug})
        key = documents.plan_key(edition)
        assemble.forget(key)

        full_s, full, prepare_ms = task_render(client, url, edition.pk)
        # One chapter edited, then one project: what each costs to have a fresh PDF again.
        block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).first()
        block.text = "<p>แก้ไขหนึ่งบทเพื่อวัดเวลา</p>"
        block.save()
        chapter_s, chapter, _ = task_render(client, url, edition.pk)
        project = Project.objects.filter(edition=edition).order_by("number").last()
        project.rationale = f"{project.rationale} แก้ไขหนึ่งโครงการเพื่อวัดเวลา"
        project.save()
        project_s, project_edit, _ = task_render(client, url, edition.pk)
        client.get(url)  # warm this process's hash check, as a running site has
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        stored_ms = (time.perf_counter() - start) * 1000
        assert response.status_code == 200 and body.startswith(b"%PDF")
        (work / f"plan-{label}-task.pdf").write_bytes(body)
        projects = edition.projects.count()
        print(f"{label:>6}{projects:>9}{pages(pdf_path):>6}{whole.seconds:>8.2f}{whole.cpu_seconds:>6.2f}"
              f"{whole.peak_memory / 2**20:>5.0f}{len(whole.value) / 1024:>6.0f}{chromium_s:>8.2f}{chromium_cpu:>6.2f}"
              f"{full_s:>7.2f}{full['cpu_seconds']:>6.2f}{full['peak_memory'] / 2**20:>5.0f}{full['bytes'] / 1024:>6.0f}"
              f"{full['cpu_seconds'] / chromium_cpu:>8.2f}"
              f"{chapter_s:>13.2f}{chapter['cpu_seconds']:>6.2f}{chapter['cpu_seconds'] / full['cpu_seconds']:>8.2f}"
              f"{project_s:>13.2f}{project_edit['cpu_seconds']:>6.2f}"
              f"{project_edit['cpu_seconds'] / full['cpu_seconds']:>8.2f}"
              f"{stored_ms:>10.1f}{prepare_ms:>11.1f}", flush=True)
    print(f"files in {work}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        render_in_fresh_process(sys.argv[2], sys.argv[3])
    else:
        main()
