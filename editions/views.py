"""Public pages: the comparison of two editions of a plan, as a page and as CSV."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from editions.compare import compare_editions, previous_edition
from plans.access import edition_for, visible_editions
from plans.models import Edition
from thaimuang_plan.lib.spreadsheet import safe_cell
from thaimuang_plan.lib.thai import format_year

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection");
# tab and carriage return can hide the sign after them. Plan text comes from editors and Word files.


def _pair(request, org, period, other) -> tuple[Edition, Edition]:
    old, new = edition_for(request, org, period), edition_for(request, org, other)
    if old.organization_id != new.organization_id:
        raise Http404("เปรียบเทียบได้เฉพาะแผนของหน่วยงานเดียวกัน")
    return old, new


def _choices(request, edition: Edition) -> list[Edition]:
    return list(
        visible_editions(request.user, edition.organization_id)
        .exclude(status=Edition.Status.WITHDRAWN)
        .order_by("-start_year", "-revision_number")
    )


def compare_previous(request, org, period):
    """"เปรียบเทียบกับฉบับก่อนหน้า": to the comparison of this edition with the one it came from."""
    edition = edition_for(request, org, period)
    previous = previous_edition(edition)
    if previous is not None:
        try:
            previous = edition_for(request, org, previous.permanent_slug)
        except Http404:
            previous = None
    if previous is None:
        context = {"edition": edition, "choices": _choices(request, edition), "nav": "edition"}
        return render(request, "editions/no_previous.html", context)
    return redirect("editions:compare", org=org, period=previous.permanent_slug, other=edition.permanent_slug)


def compare(request, org, period, other):
    if "a" in request.GET and "b" in request.GET:
        # The picker on the page: go to the comparison's own address.
        try:
            url = reverse("editions:compare", kwargs={"org": org, "period": request.GET["a"], "other": request.GET["b"]})
        except NoReverseMatch:
            raise Http404("ไม่พบแผนตามที่เลือก") from None
        return redirect(url)
    old, new = _pair(request, org, period, other)
    comparison = compare_editions(old, new)
    here = reverse("editions:compare", kwargs={"org": org, "period": old.permanent_slug, "other": new.permanent_slug})
    context = {
        "edition": new,
        "permanent_url": request.build_absolute_uri(here),
        "comparison": comparison,
        "choices": _choices(request, new),
        "nav": "edition",
        "has_sample": old.is_sample or new.is_sample,
    }
    return render(request, "editions/compare.html", context)


def _cell(value) -> str:
    return safe_cell(value)


def _amount(value):
    """Baht as a number a spreadsheet adds up: Arabic digits, no separators, no satang when whole."""
    if value is None:
        return ""
    return int(value) if value == value.to_integral_value() else value


def compare_csv(request, org, period, other):
    old, new = _pair(request, org, period, other)
    comparison = compare_editions(old, new)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["หมวด", "การเปลี่ยนแปลง", "รายการ", "หัวข้อ", f"{old} {old.edition_label}", f"{new} {new.edition_label}", "ผลต่าง (บาท)"]
    )
    for total in comparison.budget_by_year:
        writer.writerow(
            [
                "งบประมาณรวมรายปี (บาท)",
                "",
                f"ปี {format_year(total.year)}",
                "งบประมาณรวม",
                _amount(total.old),
                _amount(total.new),
                _amount(total.difference),
            ]
        )
    for group in comparison.groups:
        for change in group.changes:
            for f in change.fields:
                writer.writerow(
                    [
                        _cell(group.title),
                        change.status_label,
                        _cell(change.label),
                        _cell(f.name),
                        _amount(f.old) if f.is_amount else _cell(f.old),
                        _amount(f.new) if f.is_amount else _cell(f.new),
                        _amount(f.difference),
                    ]
                )
    response = HttpResponse(("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    filename = f"compare-{old.file_slug}-{new.file_slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

