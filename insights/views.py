"""Public pages of the insights app: the alignment gap report, the plan at a glance, the transparency pack."""

from __future__ import annotations

import json

import segno
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from insights.alignment import alignment_report
from insights.csvrows import alignment_rows
from insights.glance import plan_at_a_glance
from insights.transparency import transparency_pack
from plans.access import NO_PUBLISHED_PLAN, current_edition, edition_for
from plans.models import Edition, Organization
from printing.documents import make_key, schedule
from printing.responses import serve_document
from projects.exports import Dataset, to_csv
from thaimuang_plan.lib import thai


@require_GET
def alignment(request, org, period: str):
    edition = edition_for(request, org, period)
    report = alignment_report(edition)
    context = {"edition": edition, "report": report, "has_sample": report.has_sample, "nav": "strategies"}
    return render(request, "insights/alignment.html", context)


@require_GET
def alignment_csv(request, org, period: str):
    edition = edition_for(request, org, period)
    header, *rows = alignment_rows(alignment_report(edition))
    columns = [(f"c{i}", title) for i, title in enumerate(header)]
    dataset = Dataset(
        "alignment",
        "ความสอดคล้องกับกรอบที่สูงกว่า",
        columns,
        [{key: (row[i] if i < len(row) else None) for i, (key, _) in enumerate(columns)} for row in rows],
    )
    response = HttpResponse(to_csv(dataset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"alignment-{edition.file_slug}.csv"
    )
    if not edition.is_public:
        response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def summary(request, org, period: str):
    edition = edition_for(request, org, period)
    glance = plan_at_a_glance(edition)
    context = {"edition": edition, "glance": glance, "has_sample": glance.has_sample, "nav": "plan"}
    return render(request, "insights/summary.html", context)


SUMMARY = "summary"


def summary_key(edition: Edition) -> str:
    return make_key(SUMMARY, edition.pk, "public" if edition.is_public else "draft")


def summary_title(edition: Edition) -> str:
    return f"สรุปแผนแม่บท {edition.title} {edition.period_label}"


def build_summary(edition_id: str, audience: str) -> tuple[str, str] | None:
    """The builder printing.documents calls in the worker; None once the key no longer applies."""
    edition = Edition.objects.select_related("organization").filter(pk=edition_id).first()
    if edition is None or (audience == "public") != edition.is_public:
        return None
    html = render_to_string(
        "pdf/summary.html",
        {
            "edition": edition,
            "glance": plan_at_a_glance(edition),
            "is_draft": not edition.is_public,
            "watermark_text": "ฉบับร่าง",
        },
    )
    return summary_title(edition), html


def edition_changed(edition_id: int) -> None:
    """After a commit that changed a published edition, its summary is rendered before anyone asks."""
    edition = Edition.objects.filter(pk=edition_id).select_related("organization").first()
    if edition is not None and edition.is_public:
        schedule(summary_key(edition), edition.content_version, title=summary_title(edition))


@require_GET
def summary_pdf(request, org, period: str):
    """The one-page summary on A4, for the council's meeting papers and the notice board."""
    edition = edition_for(request, org, period)
    return serve_document(
        request,
        key=summary_key(edition),
        version=edition.content_version,
        title=summary_title(edition),
        filename=f"สรุปแผนแม่บท-{edition.file_slug}.pdf",
        public=edition.is_public,
        context={"edition": edition, "organization": edition.organization},
    )


def _pack_organization(request, org: str) -> Organization:
    edition = current_edition(request, org)
    if edition is None:
        raise Http404(NO_PUBLISHED_PLAN)
    return edition.organization


def _qr_data_uri(url: str) -> str:
    # Printed on the notice board and in the assessors' file: a phone opens the same address.
    return segno.make(url, error="m").svg_data_uri(scale=3, border=2)


@require_GET
def transparency(request, org):
    organization = _pack_organization(request, org)
    items = transparency_pack(organization)
    rows = [(item, request.build_absolute_uri(item.path)) for item in items]
    context = {
        "organization": organization,
        "groups": _grouped([(item, url, _qr_data_uri(url)) for item, url in rows]),
        "has_sample": any(item.is_sample for item in items),
    }
    return render(request, "insights/transparency.html", context)


def _grouped(rows):
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row[0].category, []).append(row)
    return list(groups.items())


def _index_rows(request, items) -> list[dict]:
    return [
        {
            "category": item.category,
            "title": item.title,
            "url": request.build_absolute_uri(item.path),
            "published_on": item.published_on.isoformat() if item.published_on else None,
            "published_on_be": thai.format_date(item.published_on, digits="arabic") if item.published_on else None,
            "plan_period": item.edition.slug,
            "is_sample": item.is_sample,
            "note": item.note,
        }
        for item in items
    ]


INDEX_COLUMNS = [
    ("category", "หมวด"),
    ("title", "เอกสาร"),
    ("url", "ที่อยู่"),
    ("published_on", "วันที่เผยแพร่ (ค.ศ. ISO 8601)"),
    ("published_on_be", "วันที่เผยแพร่ (พ.ศ.)"),
    ("plan_period", "แผน พ.ศ."),
    ("is_sample", "ข้อมูลตัวอย่าง"),
    ("note", "หมายเหตุ"),
]


@require_GET
def transparency_index(request, org, fmt: str):
    organization = _pack_organization(request, org)
    rows = _index_rows(request, transparency_pack(organization))
    if fmt == "json":
        body = json.dumps({"organization": organization.name, "items": rows}, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        dataset = Dataset("transparency", "ดัชนีเอกสารเพื่อการประเมิน ITA", INDEX_COLUMNS, rows)
        response = HttpResponse(to_csv(dataset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"transparency.{fmt}")
    return response
