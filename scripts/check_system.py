#!/usr/bin/env python3
"""Check the machine before anything else runs: Python version and the system
libraries that WeasyPrint loads at import time.

Standard library only (it runs before Django or the requirements are usable), and
it prints one line per problem instead of the traceback WeasyPrint would give.

    python scripts/check_system.py            # for make run
    python scripts/check_system.py --browser  # for make test: also look for chromium
"""

import argparse
import ctypes.util
import glob
import os
import sys

MIN_PYTHON = (3, 11)

# Library name as ctypes.util.find_library spells it.
PDF_LIBRARIES = ("pango-1.0", "pangoft2-1.0", "harfbuzz", "harfbuzz-subset", "fontconfig")
# Laksaman is the Debian font the PDF is set in; without it WeasyPrint silently falls back.
PDF_FONT_PATTERN = "/usr/share/fonts/**/Laksaman.ttf"
DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-tlwg-laksaman-ttf poppler-utils"
CHROMIUM = "/usr/bin/chromium"


def missing_pdf_requirements() -> list[str]:
    missing = [name for name in PDF_LIBRARIES if ctypes.util.find_library(name) is None]
    if not glob.glob(PDF_FONT_PATTERN, recursive=True):
        missing.append("Laksaman font")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also look for chromium (browser tests)")
    args = parser.parse_args(argv)

    if sys.version_info < MIN_PYTHON:
        print(
            "Python {}.{}+ is needed, this is {}.{}.".format(*MIN_PYTHON, *sys.version_info[:2]),
            file=sys.stderr,
        )
        return 1

    missing = missing_pdf_requirements()
    if missing:
        print(
            f"Missing system libraries for PDF output ({', '.join(missing)}). "
            f"Install them with: sudo apt-get install -y {DEBIAN_PACKAGES}",
            file=sys.stderr,
        )
        return 1

    if args.browser and not os.access(CHROMIUM, os.X_OK):
        print(
            f"Warning: {CHROMIUM} not found; browser tests will be skipped. "
            "Install it with: sudo apt-get install -y chromium",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
