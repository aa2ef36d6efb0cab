"""The web pages and the PDF show the same plan: the same strategy headings, target texts and budget figures.

Both are laid out from one view model (portal.viewmodel). Before it, the DLA chapter page detailed
the repeated ยุทธศาสตร์ที่ ๓ once while the PDF detailed it twice, and a target entered as a number
only showed the number on the web and "-" in the PDF. The comparison reads the rendered HTML of
every chapter page and the HTML the PDF is rendered from (the same one the PDF tests read back
with pdftotext), so it is the templates' output that must agree, not the view model with itself.
"""

import re
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from editions.services import edition_publish_as_told
from plans.models import Edition, Section
from portal.pdf.documents import plan_html
from projects.models import ProjectBudget
from strategies.models import IndicatorTarget

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SOURCE = FIXTURES / "tai_mueang_2563-2565.txt"
SAMPLE = FIXTURES / "sample_chapters_3-6.txt"

# The marks both template sets put on what is compared.
KINDS = ("strategy-heading", "target-cell", "budget-cell")


class _Collector(HTMLParser):
    """The text of every element carrying one of KINDS in its class, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = {kind: [] for kind in KINDS}
        self._open = []  # (tag, kind or None, parts)

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "col", "img", "input", "meta", "link", "hr"}:
            return
        classes = (dict(attrs).get("class") or "").split()
        kind = next((k for k in KINDS if k in classes), None)
        self._open.append((tag, kind, []))

    def handle_endtag(self, tag):
        while self._open:
            open_tag, kind, parts = self._open.pop()
            if kind:
                self.found[kind].append(re.sub(r"\s+", " ", "".join(parts)).strip())
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, kind, parts in self._open:
            if kind:
                parts.append(data)


def marked(html: str) -> dict[str, list[str]]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.found


@pytest.fixture
def imported_with_sample(organization) -> Edition:
    call_command("import_plan", str(SOURCE), stdout=StringIO())
    call_command("import_plan", str(SAMPLE), "--sample", stdout=StringIO())
    edition = Edition.objects.get(start_year=2563, end_year=2565)
    edition_publish_as_told(edition=edition)
    return edition


def web_html(client, edition: Edition) -> str:
    """Every chapter page of the edition, in order, as a resident reads them."""
    keys = Section.objects.filter(edition=edition, parent=None).order_by("order").values_list("key", flat=True)
    pages = []
    for key in keys:
        response = client.get(reverse("plans:chapter", kwargs={**edition.address_kwargs, "key": key}))
        assert response.status_code == 200
        pages.append(response.content.decode())
    return "\n".join(pages)


def test_the_web_pages_and_the_pdf_show_the_same_strategies_targets_and_budgets(client, imported_with_sample):
    edition = imported_with_sample
    # An editor enters a target as a number only, and a budget year is left without an amount.
    target = IndicatorTarget.objects.filter(indicator__framework__edition=edition).order_by("pk").first()
    target.text, target.value = "", Decimal(7)
    target.save()
    ProjectBudget.objects.filter(project__edition=edition).order_by("pk").first().delete()

    web, printed = marked(web_html(client, edition)), marked(plan_html(edition))

    for kind in KINDS:
        assert web[kind] == printed[kind], kind
    headings = web["strategy-heading"]
    # Every strategy detailed in the source, from three frameworks: the DLA plan's ยุทธศาสตร์ที่ ๓
    # (listed twice in the source) is detailed once, under the heading its details print.
    assert len(headings) >= 10
    assert sum(h.startswith("ยุทธศาสตร์ที่ ๓ การพัฒนาการบริหารจัดการภาครัฐ") for h in headings) == 1
    assert "๗" in web["target-cell"]
    assert len(web["target-cell"]) > 60
    assert len(web["budget-cell"]) > 20 and "–" in web["budget-cell"]
