"""How much of a plan's structure the importer recovers from the files people actually have.

    .venv/bin/python bench/import_corpus.py [--out DIR] [FILE ...]

Builds a corpus from the Tai Mueang source and the labelled sample (fixtures/): each as
.txt, as .docx written with python-docx (bench/import_variants.as_docx), wrapped at 80
characters, with runs of spaces for tabs, with invisible characters (zero-width
spaces and joiners, NBSPs, a BOM, soft hyphens), and with all three at once. Parses every file (no database) and
prints, per file, the share of its baseline's structure recovered (frameworks,
strategies, goals, tactics, indicators, targets, projects, budget rows, committee,
schedule) and the lines left unplaced or lost. FILE arguments (plans by other hands)
are measured against nothing: their counts are printed as found. ``--out`` keeps the
generated files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thaimuang_plan.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from bench import import_variants as variants  # noqa: E402
from importer.accounting import structure_counts  # noqa: E402
from importer.messages import ImportRejected  # noqa: E402
from importer.parser import parse  # noqa: E402

SOURCES = {
    "source": ROOT / "fixtures" / "tai_mueang_2563-2565.txt",
    "sample": ROOT / "fixtures" / "sample_chapters_3-6.txt",
}
VARIANTS = {
    "txt": lambda text: text.encode("utf-8"),
    "docx": variants.as_docx,
    "wrapped": lambda text: variants.wrapped(text).encode("utf-8"),
    "spaces": lambda text: variants.spaces_for_tabs(text).encode("utf-8"),
    "invisible": lambda text: variants.invisible(text).encode("utf-8"),
    # All three at once, as a real export may do.
    "all-three": lambda text: variants.invisible(variants.spaces_for_tabs(variants.wrapped(text))).encode(
        "utf-8"
    ),
}
KINDS = [
    "frameworks",
    "strategies",
    "goals",
    "tactics",
    "indicators",
    "targets",
    "projects",
    "budget_rows",
    "committee",
    "schedule",
]
SHORT = ["fw", "str", "goal", "tac", "ind", "tgt", "proj", "budg", "comm", "sched"]


def measure(data: bytes, name: str):
    try:
        plan = parse(data, name=name)
    except ImportRejected as exc:
        return None, str(exc)
    return plan, ""


def share(found: int, base: int) -> str:
    if base == 0:
        return "   -" if found == 0 else f"+{found}"
    return f"{100 * found / base:4.0f}%"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", help="keep the generated corpus in this directory")
    parser.add_argument("files", nargs="*", help="more plan files (.txt or .docx) to measure as found")
    args = parser.parse_args()
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="import-corpus-"))
    out.mkdir(parents=True, exist_ok=True)

    header = f"{'file':32} " + " ".join(f"{s:>5}" for s in SHORT) + f" {'unpl':>5} {'lost':>5}"
    print("Share of the baseline's structure recovered (baseline = the .txt as in fixtures/)")
    print(header)
    print("-" * len(header))
    below = 0
    for label, path in SOURCES.items():
        text = path.read_text(encoding="utf-8")
        baseline, _ = measure(text.encode("utf-8"), path.name)
        base = structure_counts(baseline)
        for variant, make in VARIANTS.items():
            name = f"{label}.{variant}" if variant in ("txt", "docx") else f"{label}.{variant}.txt"
            data = make(text)
            (out / name).write_bytes(data)
            plan, error = measure(data, name)
            if plan is None:
                print(f"{name:32} REFUSED: {error}")
                below += 1
                continue
            found = structure_counts(plan)
            cells = [share(found[k], base[k]) for k in KINDS]
            below += any(found[k] != base[k] for k in KINDS)
            print(
                f"{name:32} "
                + " ".join(f"{c:>5}" for c in cells)
                + f" {len(plan.unplaced_flags):>5} {len(plan.lost):>5}"
            )
        print(
            f"{'  (baseline counts)':32} "
            + " ".join(f"{base[k]:>5}" for k in KINDS)
            + f" {len(baseline.unplaced_flags):>5}"
        )
    for extra in args.files:
        path = Path(extra)
        plan, error = measure(path.read_bytes(), path.name)
        if plan is None:
            print(f"{path.name[:32]:32} REFUSED: {error}")
            continue
        found = structure_counts(plan)
        print(
            f"{path.name[:32]:32} "
            + " ".join(f"{found[k]:>5}" for k in KINDS)
            + f" {len(plan.unplaced_flags):>5} {len(plan.lost):>5}  (counts)"
        )
    print(
        f"\nvariants below 100% of their baseline: {below} of {len(SOURCES) * len(VARIANTS)}; corpus in {out}"
    )


if __name__ == "__main__":
    main()
