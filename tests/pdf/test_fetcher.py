"""The renderer fetches our own static files and nothing else, whatever the HTML asks for."""

import http.server
import threading

import pytest

from printing import render
from tests.pdf.conftest import Pdf, squash

REFUSED_URLS = [
    "file:///etc/passwd",
    "file://localhost/etc/hostname",
    "http://127.0.0.1:5432/",
    "http://localhost/static/pdf/print.css",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "https://example.org/logo.png",
    "ftp://127.0.0.1/x",
    render.BASE_URL + "static/../../../../etc/passwd",
    render.BASE_URL + "static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    render.BASE_URL + "media/logos/x.png",
    render.BASE_URL + "static/pdf/nothing-here.css",
]


@pytest.fixture
def fetcher():
    return render.make_fetcher()


def test_it_serves_our_print_stylesheet_and_fonts(fetcher):
    css = fetcher.fetch(render.BASE_URL + "static/pdf/print.css")
    assert b"@font-face" in css.read()
    font = fetcher.fetch(render.BASE_URL + "static/pdf/fonts/Laksaman-Regular.ttf")
    assert font.read(4) == b"\x00\x01\x00\x00"


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_it_refuses_anything_but_our_static_files(fetcher, url):
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_it_allows_small_inline_images_only(fetcher):
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    with pytest.raises(ValueError):
        fetcher.fetch("data:image/png;base64," + "A" * (render.MAX_DATA_URL + 1))


@pytest.fixture
def local_server():
    """An HTTP server on this machine that records every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body::before { content: 'FETCHED-FROM-SERVER' }")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


def test_hostile_html_cannot_read_a_local_file_or_call_an_internal_address(tmp_path, local_server):
    base, hits = local_server
    secret_css = tmp_path / "secret.css"
    secret_css.write_text("body::after { content: 'LOCAL-FILE-SECRET' }")
    secret_img = tmp_path / "secret.svg"
    secret_img.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text y="20">LOCAL-SVG-SECRET</text></svg>')
    html = f"""<!doctype html><html lang="th"><head>
      <link rel="stylesheet" href="file://{secret_css}">
      <link rel="stylesheet" href="{base}/style.css">
      <style>@import url("{base}/import.css"); @font-face {{ font-family: x; src: url("{base}/font.ttf"); }}
        p {{ background: url("{base}/bg.png"); font-family: x }}</style>
      </head><body><p>ข้อความของบรรณาธิการ</p>
      <img src="file://{secret_img}"><img src="{base}/pixel.png"><object data="file://{secret_img}"></object>
      <iframe src="{base}/frame"></iframe></body></html>"""
    pdf = Pdf(render.html_to_pdf(html))
    try:
        text = pdf.text()
        # Character for character: the text layer writes what is printed, SARA AM and tone marks too.
        assert "ข้อความของบรรณาธิการ" in squash(text)
        assert "LOCAL-FILE-SECRET" not in text
        assert "LOCAL-SVG-SECRET" not in text
        assert "FETCHED-FROM-SERVER" not in text
        assert hits == []
    finally:
        pdf.remove()
