"""The plan PDF's text is the plan's text (issue 8): the real Tai Mueang source and the labelled sample.

One session-wide render of the imported plan, downloaded through the view like a resident would,
then read back with ``pdftotext -raw``. Default ``pdftotext`` joins a line that ends in "-" to the
next and drops the "-" (see bench/pdf_textlayer.py); ``-raw`` keeps the text as drawn.
"""

import re
import subprocess
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from reversion.models import Revision

from editions.services import edition_publish_as_told
from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, Organization, Section, SwotItem
from printing.models import RenderedDocument
from projects.models import Project
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from tests.factories import tai_mueang
from tests.pdf.conftest import PERIOD, WorkerClient
from thaimuang_plan.lib.richtext import to_plain_text

pytestmark = pytest.mark.django_db

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SOURCE = FIXTURES / "tai_mueang_2563-2565.txt"
SAMPLE = FIXTURES / "sample_chapters_3-6.txt"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def plan_pieces(edition: Edition) -> list[tuple[str, str]]:
    """(where, text) for every piece of plan text the PDF must print, straight from the tables."""
    pieces = []

    def add(where, *texts):
        text = "".join(t for t in texts if t)
        if squash(text):
            pieces.append((where, text))

    for section in Section.objects.filter(edition=edition):
        add(f"section {section.pk}", section.number, section.title)
    for block in Block.objects.filter(section__edition=edition).exclude(kind=Block.Kind.EMBED):
        add(f"block {block.pk}", to_plain_text(block.text))
    for item in SwotItem.objects.filter(edition=edition):
        add(f"swot {item.pk}", item.text)
    for framework in Framework.objects.filter(edition=edition):
        add(f"framework {framework.pk} name", framework.name)
        add(f"framework {framework.pk} vision", framework.vision)
        add(f"framework {framework.pk} values", framework.values)
    for point in FrameworkPoint.objects.filter(framework__edition=edition):
        # Title and text as one run: nothing may be printed between them.
        add(f"point {point.pk}", point.title, point.text)
    for strategy in Strategy.objects.filter(framework__edition=edition):
        add(f"strategy {strategy.pk} title", strategy.title)
        add(f"strategy {strategy.pk} heading", strategy.heading_in_detail)
        add(f"strategy {strategy.pk} description", strategy.description)
    for goal in Goal.objects.filter(strategy__framework__edition=edition):
        add(f"goal {goal.pk}", goal.number, goal.text)
    for tactic in Tactic.objects.filter(framework__edition=edition):
        add(f"tactic {tactic.pk}", tactic.number, tactic.text)
    for indicator in Indicator.objects.filter(framework__edition=edition):
        add(f"indicator {indicator.pk}", indicator.number, indicator.name)
        add(f"indicator {indicator.pk} total", indicator.total_text)
    for target in IndicatorTarget.objects.filter(indicator__framework__edition=edition):
        add(f"target {target.pk}", target.text)
    for project in Project.objects.filter(edition=edition).select_related("unit", "tactic"):
        for field in ("name", "rationale", "objectives", "targets", "method", "duration", "kpi", "outcomes"):
            add(f"project {project.number} {field}", getattr(project, field))
        if project.unit:
            add(f"project {project.number} unit", project.unit.name)
        if project.tactic:
            add(f"project {project.number} tactic", project.tactic.text)
    for committee in Committee.objects.filter(edition=edition):
        add(f"committee {committee.pk}", committee.name)
        add(f"committee {committee.pk} appointed by", committee.appointed_by)
    for member in CommitteeMember.objects.filter(committee__edition=edition):
        add(f"member {member.pk} name", member.name)
        add(f"member {member.pk} position", member.position)
    for method in EvaluationMethod.objects.filter(edition=edition):
        add(f"method {method.pk}", method.number, method.title)
        add(f"method {method.pk} text", method.text)
    for round_ in ScheduleRound.objects.filter(edition=edition):
        add(f"round {round_.pk}", round_.number, round_.name)
        add(f"round {round_.pk} period", round_.period_text)
        add(f"round {round_.pk} description", round_.description)
    add("foreword signatory", edition.foreword_signatory)
    return pieces


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _last_pk(model) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


_SIDE_ROWS = [Revision, RenderedDocument]


@pytest.fixture(scope="session")
def real_plan_pdf(django_db_setup, django_db_blocker, cache_table):
    """Import the source and the sample, publish, download the PDF once; leave the database as found."""
    with django_db_blocker.unblock():
        # Rows the import, the publication and the download write beside the plan (history,
        # rendered files, task results) go too, or later tests would find them.
        before = {model: _last_pk(model) for model in _SIDE_ROWS}
        tasks_before = set(DBTaskResult.objects.values_list("pk", flat=True))
        tai_mueang()
        call_command("import_plan", str(SOURCE), stdout=StringIO())
        call_command("import_plan", str(SAMPLE), "--sample", stdout=StringIO())
        edition = Edition.objects.get(start_year=2563, end_year=2565)
        edition_publish_as_told(edition=edition)
        pieces = plan_pieces(edition)
        running_title = f"{edition.title} {edition.period_label}"
        response = WorkerClient(HTTP_HOST="localhost").get(reverse("pdf:plan", kwargs={"org": "taimueang", "period": PERIOD}))
        organization = edition.organization
        Project.objects.filter(edition=edition).delete()  # projects protect their strategy and unit
        Edition.objects.filter(pk=edition.pk).delete()
        Organization.objects.filter(pk=organization.pk).delete()
        for model, last in before.items():
            model.objects.filter(pk__gt=last).delete()
        DBTaskResult.objects.exclude(pk__in=tasks_before).delete()
        cache.clear()
    assert response.status_code == 200, response.content[:500]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "plan.pdf"
        path.write_bytes(response.content)
        raw = pdftotext(path, "-raw")
        yield {
            "pieces": pieces,
            "raw": raw,
            "body": without_page_furniture(raw, running_title),
            "text": pdftotext(path),
            "organization": organization,
        }


# Page furniture, drawn after each page's content: "หน้า ๓ / ๔๑", "ก", and the running header.
_FOOTER = re.compile(r"^(หน้า [๐-๙]+ / [๐-๙]+|[ก-ฮ])$")


def without_page_furniture(raw: str, running_title: str) -> str:
    """``pdftotext -raw`` text with each page's header and footer lines taken off its end.

    A paragraph that runs over a page would otherwise have them in its middle.
    """
    pages = []
    for page in raw.split("\f"):
        lines = page.rstrip("\n").split("\n")
        while lines and (_FOOTER.match(lines[-1].strip()) or lines[-1].startswith(running_title)):
            lines.pop()
        pages.append("\n".join(lines))
    return "\n".join(pages)


def missing(pieces, text):
    squashed = squash(text)
    return [(where, piece) for where, piece in pieces if squash(piece) not in squashed]


def test_the_real_plan_has_plenty_of_text_to_compare(real_plan_pdf):
    pieces = real_plan_pdf["pieces"]
    kinds = {where.split()[0] for where, _ in pieces}
    assert len(pieces) > 400
    assert {
        "section",
        "block",
        "point",
        "strategy",
        "goal",
        "tactic",
        "indicator",
        "target",
        "project",
    } <= kinds


def test_every_piece_of_plan_text_is_in_the_pdf_character_for_character(real_plan_pdf):
    lost = missing(real_plan_pdf["pieces"], real_plan_pdf["body"])
    report = "\n".join(f"  {where}: {piece[:120]!r}" for where, piece in lost[:20])
    assert not lost, f"{len(lost)} of {len(real_plan_pdf['pieces'])} pieces not in pdftotext -raw:\n{report}"


def test_year_ranges_are_never_split_at_a_line_end(real_plan_pdf):
    # Default pdftotext drops a "-" that ends a line; kept unbroken, no range can end one.
    lines = real_plan_pdf["raw"].splitlines()
    assert not [line for line in lines if re.search(r"[๐-๙]{4}[ \t]*[-–]$", line.rstrip())]
    assert not [line for line in lines if line.rstrip().endswith("พ.ศ.")]


@pytest.mark.parametrize("word", ["ตำบล", "น้ำตกละอองดาว", "ท้ายเหมือง", "องค์การบริหารส่วนตำบลท้ายเหมือง"])
def test_a_resident_searching_the_pdf_finds_hard_thai_words(real_plan_pdf, word):
    for text in (real_plan_pdf["raw"], real_plan_pdf["text"]):
        assert word in squash(text)


def test_the_organization_name_is_found_as_often_as_the_plan_writes_it(real_plan_pdf):
    name = real_plan_pdf["organization"].name
    written = sum(squash(piece).count(name) for _, piece in real_plan_pdf["pieces"])
    assert written > 5
    # The TOC, cover, running text and title repeat it: at least as often as the plan text has it.
    assert squash(real_plan_pdf["raw"]).count(name) >= written
