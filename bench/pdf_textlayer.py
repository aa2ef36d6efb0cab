"""How much of the plan's text survives copy and search in the PDF, without and with textlayer.

Renders the source plan (/work/shared/seed/..., one <p> per line) with the project's PDF font,
plainly and through printing.textlayer.write_pdf, extracts each PDF with `pdftotext`, and prints
the share of the plan's Thai words found, the share of whole lines found, render time and size.

    .venv/bin/python bench/pdf_textlayer.py [--source FILE] [--variant pdf/ua-1] [--repeat 3]
"""

import argparse
import html
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import weasyprint  # noqa: E402

from printing import textlayer  # noqa: E402

SOURCE = Path("/work/shared/seed/000_a1e98dc7ddb37713.txt")
FONT = ROOT / "static/pdf/fonts/Laksaman-Regular.ttf"


def build_html(lines: list[str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        '<html lang="th"><head><meta charset="utf-8"><title>แผนแม่บทเทคโนโลยีสารสนเทศ</title><style>'
        f'@font-face {{ font-family: "Plan Thai"; src: url("{FONT.as_uri()}"); }}'
        '@page { size: A4; margin: 2.5cm 2cm 2cm 3cm }'
        'body { font-family: "Plan Thai"; font-size: 16pt; line-height: 1.3 }'
        f"</style></head><body>{paragraphs}</body></html>"
    )


def extract(pdf: bytes, *options: str) -> str:
    result = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return "".join(result.stdout.decode().split())


def is_thai(token: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in token)


def report(label, pdf, seconds, source, words, lines):
    text = extract(pdf)
    found_words = sum(word in text for word in words)
    found_lines = sum("".join(line.split()) in text for line in lines)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pages = next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
    whole = "".join(source.split())
    print(
        f"{label:<17} Thai words found {found_words:>4}/{len(words)} ({100 * found_words / len(words):5.1f} %)"
        f"  lines {found_lines:>3}/{len(lines)}  pages {pages}"
        f"  render {statistics.median(seconds):5.2f} s (median of {len(seconds)})  size {len(pdf) / 1024:5.1f} KiB"
    )
    print(f"{'':<17} whole text equal: pdftotext {text == whole}, pdftotext -raw {extract(pdf, '-raw') == whole}")
    missing = [word for word in words if word not in text]
    if missing:
        print(f"{'':<17} e.g. missing: {' '.join(missing[:5])}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--variant", default=None, help="pdf_variant, e.g. pdf/ua-1")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    source = args.source.read_text(encoding="utf-8")
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    words = [token for token in source.split() if is_thai(token)]
    source_html = build_html(lines)
    options = {"pdf_variant": args.variant} if args.variant else {}
    print(f"source {args.source.name}: {len(lines)} lines, {len(words)} Thai words; "
          f"WeasyPrint {weasyprint.__version__}, variant {args.variant or 'default'}")

    renderers = {
        "plain WeasyPrint": lambda document: document.write_pdf(**options),
        "with textlayer": lambda document: textlayer.write_pdf(document, **options),
    }
    weasyprint.HTML(string="<p>warm-up</p>").write_pdf()  # fonts and imports: not the fix's cost
    seconds = {label: [] for label in renderers}
    pdfs = {}
    for _ in range(args.repeat):  # interleaved, so machine load hits both alike
        for label, render in renderers.items():
            started = time.perf_counter()
            pdfs[label] = render(weasyprint.HTML(string=source_html))
            seconds[label].append(time.perf_counter() - started)
    for label in renderers:
        report(label, pdfs[label], seconds[label], source, words, lines)
    print("(default pdftotext joins a line that ends in '-' to the next and drops the '-'; -raw keeps it)")

if __name__ == "__main__":
    main()
