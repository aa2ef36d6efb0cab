"""The published plan as a PDF: one render of the whole Tai Mueang plan shared by this module."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from plans.models import Edition, Section
from projects.models import Project
from strategies.models import Strategy
from tests.factories import build_plan
from tests.pdf.conftest import PERIOD, THAI_TO_ARABIC, Pdf, WorkerClient, squash

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def plan_pdf(django_db_blocker, cache_table):
    """Build the plan (16 projects) and download its PDF once (about 5-10 s), then clean up."""
    with django_db_blocker.unblock():
        edition = build_plan(scale=4)
        response = WorkerClient(HTTP_HOST="localhost").get(reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD}))
        assert response.status_code == 200, response.content[:500]
        pdf = Pdf(response.content)
        titles = {
            "chapters": [(s.number, s.title) for s in Section.objects.filter(edition=edition, parent=None)],
            "toc": [
                (s.number, s.title)
                for s in Section.objects.filter(edition=edition, level__lte=2, in_toc=True).exclude(number="")
            ],
            "strategies": list(Strategy.objects.filter(framework__edition=edition).values_list("title", flat=True)),
        }
    yield pdf, titles, response
    with django_db_blocker.unblock():
        organization = edition.organization
        # Projects protect their strategy and unit: delete them first.
        Project.objects.filter(edition=edition).delete()
        Edition.objects.filter(pk=edition.pk).delete()
        organization.delete()
        cache.clear()
    pdf.remove()


def test_it_is_a_pdf_download_with_a_thai_file_name(plan_pdf):
    _, _, response = plan_pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "2563-2565.pdf" in response["Content-Disposition"]
    assert response["ETag"]


def test_it_has_a_sane_number_of_pages_counting_the_body_only_in_the_footer(plan_pdf):
    pdf, _, _ = plan_pdf
    pages = pdf.page_count
    assert 30 <= pages <= 150
    front = pages - pdf.body_page_total()
    # Cover, foreword and the table of contents come before page ๑.
    assert 3 <= front <= 6
    assert "หน้า ๑ /" not in pdf.page_text(front)
    assert re.search(r"หน้า\s*๑\s*/", pdf.page_text(front + 1))


def test_front_matter_is_numbered_with_thai_letters(plan_pdf):
    pdf, _, _ = plan_pdf
    assert pdf.page_text(2).strip().splitlines()[-1].strip() == "ก"
    assert pdf.page_text(3).strip().splitlines()[-1].strip() == "ข"


def test_it_embeds_the_thai_font(plan_pdf):
    pdf, _, _ = plan_pdf
    fonts = pdf.fonts()
    assert fonts, "no fonts listed by pdffonts"
    for row in fonts:
        # name type... emb sub uni id gen: emb is the fourth column from the end but two.
        assert row[-5] == "yes", f"font not embedded: {row}"
    assert any("Plan-Thai" in row[0] for row in fonts)


def test_every_chapter_and_strategy_title_is_in_the_text_character_for_character(plan_pdf):
    pdf, titles, _ = plan_pdf
    text = squash(pdf.text())
    for title in [t for _, t in titles["chapters"]] + titles["strategies"]:
        assert squash(title) in text, title


def test_table_of_contents_page_numbers_are_where_the_headings_land(plan_pdf):
    pdf, titles, _ = plan_pdf
    front = pdf.page_count - pdf.body_page_total()
    # Spaces removed, line ends kept: a page number always ends its line.
    toc_text = re.sub(r"[ \t]+", "", "".join(pdf.page_text(n) for n in range(2, front + 1)))
    assert titles["toc"]
    for number, title in titles["toc"]:
        entry = squash(f"{number} {title}")
        pattern = "\n?".join(map(re.escape, entry)) + r"\n?\.{3,}([๐-๙]+)\n"
        match = re.search(pattern, squash_marks_keep_lines(toc_text))
        assert match, f"no TOC entry with a page number for {number} {title}"
        page = int(match.group(1).translate(THAI_TO_ARABIC))
        assert entry in squash(pdf.page_text(front + page)), f"{number} {title} is not on body page {page}"


def squash_marks_keep_lines(text):
    return "\n".join(squash(line) for line in text.split("\n"))


def test_long_tables_repeat_their_header_on_every_page(plan_pdf):
    pdf, _, _ = plan_pdf
    # The local development plan's indicators (๑๒) to ๒๖) in the source) run over two pages.
    first = next(n for n in range(1, pdf.page_count + 1) if "๑๒) สร้างตลาดกลาง" in pdf.page_text(n))
    last = next(n for n in range(1, pdf.page_count + 1) if "๒๖) ร้อยละของผู้รับบริการ" in pdf.page_text(n))
    assert last > first
    for n in range(first, last + 1):
        assert squash("ค่าเป้าหมาย") in squash(pdf.page_text(n))


def test_sample_content_is_marked_and_missing_source_text_is_said(plan_pdf):
    pdf, _, _ = plan_pdf
    assert "ข้อมูลตัวอย่าง" in pdf.page_text(1)
    summary = next(n for n in range(1, pdf.page_count + 1) if "ผ.๐๑" in pdf.page_text(n))
    assert "ข้อมูลตัวอย่าง" in pdf.page_text(summary)
    assert "ไม่มีข้อความในเอกสารต้นฉบับ" in pdf.text()


def test_a_published_plan_has_no_draft_watermark(plan_pdf):
    pdf, _, _ = plan_pdf
    raw = pdf._run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf.path), "-")
    assert "ฉบับร่าง" not in squash(raw)


def test_numbers_the_portal_writes_are_in_thai_digits(plan_pdf):
    pdf, _, _ = plan_pdf
    summary = next(n for n in range(1, pdf.page_count + 1) if "ผ.๐๑" in pdf.page_text(n))
    page = pdf.page_text(summary)
    assert re.search(r"[๐-๙],[๐-๙]{3}", page)
    assert not re.search(r"[0-9],[0-9]{3}", page)
