"""Nothing a web process keeps is needed by another: two processes on one database and cache.

Two gunicorn processes serve the same SQLite file and its database cache. An
editor changes a paragraph through the admin of one; the other's next answer
for that chapter (which it had cached) shows the change.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEW_TEXT = "ข้อความที่แก้ผ่านเว็บอีกเครื่องหนึ่ง"

SETUP = """
from django.contrib.auth.models import User
from plans.models import Block
from tests.factories import build_plan
edition = build_plan()
User.objects.create_superuser("admin", password="two-process-pass")
block = Block.objects.filter(section__edition=edition, kind=Block.Kind.PARAGRAPH).select_related("section").first()
chapter = block.section
while chapter.parent_id:
    chapter = chapter.parent
print(f"{block.pk} {chapter.key}")
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Form(HTMLParser):
    """The fields of the admin change form, as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.fields, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


@pytest.fixture
def two_sites(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "PDF_ROOT": str(tmp_path / "pdfs"),
        "PDF_RENDER_DELAY": "3600",
        "PAGE_CACHE": "1",
        "PYTHONPATH": str(ROOT),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "createcachetable"], env=env, check=True, cwd=ROOT)
    out = subprocess.run([*manage, "shell", "-c", SETUP], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    block_pk, chapter_key = out.stdout.split()[-2:]
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "thaimuang_plan.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
            env=env, cwd=ROOT,
        )
        for port in ports
    ]
    try:
        for port in ports:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
        yield [f"http://127.0.0.1:{port}" for port in ports], block_pk, chapter_key
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def test_an_edit_through_one_process_is_what_the_other_serves_next(two_sites):
    (site_a, site_b), block_pk, chapter_key = two_sites
    chapter = f"/taimueang/plans/2563-2565/chapters/{chapter_key}/"

    def fetch(site):
        with urllib.request.urlopen(site + chapter, timeout=60) as response:
            return response.read().decode(), response.headers.get("X-Page-Cache")

    fetch(site_b)
    before, state = fetch(site_b)
    assert state == "hit" and NEW_TEXT not in before

    # An editor, signed in on site A, changes the paragraph in the admin.
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def form_of(url):
        form = _Form()
        form.feed(browser.open(site_a + url, timeout=60).read().decode())
        return form.fields

    login = form_of("/admin/login/")
    login.update(username="admin", password="two-process-pass")
    browser.open(site_a + "/admin/login/", urllib.parse.urlencode(login).encode(), timeout=60)
    change = f"/admin/plans/block/{block_pk}/change/"
    fields = form_of(change)
    assert "text" in fields, "not signed in to the admin"
    fields["text"] = f"<p>{NEW_TEXT}</p>"
    fields["_save"] = "บันทึก"
    saved = browser.open(site_a + change, urllib.parse.urlencode(fields).encode(), timeout=60)
    assert "/admin/plans/block/" in saved.geturl() and "/change/" not in saved.geturl(), "the admin refused the edit"

    after, state = fetch(site_b)
    assert NEW_TEXT in after
    assert state == "miss"
