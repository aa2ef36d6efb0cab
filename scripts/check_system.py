#!/usr/bin/env python3
"""Check the machine before anything else runs: Python version and the system
libraries that WeasyPrint loads at import time.

Standard library only (it runs before Django or the requirements are usable), and
it prints one line per problem instead of the traceback WeasyPrint would give.

    python scripts/check_system.py            # for make run
    python scripts/check_system.py --browser  # for make test: also look for chromium

When a library is missing and the script may run apt-get (as root, or with
passwordless sudo), it installs the Debian packages itself; otherwise it
prints the one command to run.
"""

import argparse
import ctypes.util
import glob
import os
import shutil
import subprocess
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


def installer() -> list[str] | None:
    """How to run apt-get without a password here: as root, or through passwordless sudo; else None."""
    if not shutil.which("apt-get"):
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def install(packages: str) -> bool:
    """Install Debian packages when we may (root or passwordless sudo); True when it worked."""
    prefix = installer()
    if prefix is None:
        return False
    print(f"Installing the Debian packages for PDF output: {packages}", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    update = subprocess.run([*prefix, "apt-get", "update", "-q"], env=env)
    done = update.returncode == 0 and subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-q", *packages.split()], env=env
    ).returncode == 0
    # fontconfig caches the font list; a font installed just now must be found by this run.
    if done and shutil.which("fc-cache"):
        subprocess.run(["fc-cache"], capture_output=True)
    return done


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

    try:  # `python -m venv` needs ensurepip, a separate package on Debian
        import ensurepip  # noqa: F401
    except ImportError:
        if not install("python3-venv"):
            print("Python's venv module is missing. Install it with: sudo apt-get install -y python3-venv", file=sys.stderr)
            return 1

    missing = missing_pdf_requirements()
    if missing and install(DEBIAN_PACKAGES):
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
