"""Fixtures for the PDF tests: the cache table, a client, and poppler helpers."""

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client

from printing import documents

PERIOD = "2563-2565"
THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.fixture(scope="session")
def cache_table(django_db_setup, django_db_blocker):
    """settings.CACHES is a DatabaseCache: its table is not made by migrations."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


class WorkerClient(Client):
    """A client for PDF downloads, with a task worker beside it.

    A PDF is never rendered in the request: the first request for a version gets
    the "being prepared" page (202). This client then does what the worker
    would do (printing.documents.render_wanted) and asks again, as the page's
    refresh does; a streamed file comes back with its bytes in ``content``.
    """

    run_worker = True

    def get(self, path, *args, **kwargs):
        response = super().get(path, *args, **kwargs)
        if response.status_code == 202 and self.run_worker:
            self.renders = documents.render_wanted()
            response = super().get(path, *args, **kwargs)
        return _materialise(response)


def _materialise(response):
    if not getattr(response, "streaming", False):
        return response
    plain = HttpResponse(b"".join(response.streaming_content), status=response.status_code)
    for name, value in response.items():
        plain[name] = value
    plain.streamed = True
    return plain


@pytest.fixture
def client(cache_table):
    # "testserver" is not an allowed host in these settings.
    return WorkerClient(HTTP_HOST="localhost")


class Pdf:
    """A rendered PDF on disk, read with poppler-utils as a person's tools would."""

    def __init__(self, content: bytes):
        self.content = content
        handle = tempfile.NamedTemporaryFile(suffix=".pdf", delete=False)
        handle.write(content)
        handle.close()
        self.path = Path(handle.name)
        self._pages: dict[int, str] = {}

    def _run(self, *args) -> str:
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    @property
    def page_count(self) -> int:
        return int(re.search(r"^Pages:\s+(\d+)", self._run("pdfinfo", str(self.path)), re.M).group(1))

    def fonts(self) -> list[list[str]]:
        lines = self._run("pdffonts", str(self.path)).splitlines()[2:]
        return [line.split() for line in lines if line.strip()]

    def text(self) -> str:
        return self._run("pdftotext", "-enc", "UTF-8", str(self.path), "-")

    def page_text(self, number: int) -> str:
        if number not in self._pages:
            self._pages[number] = self._run(
                "pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(self.path), "-"
            )
        return self._pages[number]

    def raw_page_text(self, number: int) -> str:
        """Text in content-stream order: rotated text (the watermark) stays in reading order."""
        return self._run("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(self.path), "-")

    def body_page_total(self) -> int:
        """N in the footer "หน้า ๑ / N" of the first body page."""
        for number in range(1, self.page_count + 1):
            match = re.search(r"หน้า\s*๑\s*/\s*([๐-๙]+)", self.page_text(number))
            if match:
                return int(match.group(1).translate(THAI_TO_ARABIC))
        raise AssertionError("no page shows 'หน้า ๑ / N'")

    def remove(self):
        self.path.unlink(missing_ok=True)


def squash(text: str) -> str:
    """Text with white space removed, for comparing with pdftotext output character for character."""
    return re.sub(r"\s+", "", text)
