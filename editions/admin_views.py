"""Admin pages for a plan's life: start a revision, confirm publishing, withdraw, start the next plan.

They sit beside the edition's admin page (which links to them) and look like
it; ``thaimuang_plan.urls`` mounts them under /admin/editions/ through
``admin.site.admin_view``, so only signed-in staff reach them, and each checks
its own permission.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from editions.checks import run_checks
from editions.compare import compare_editions, previous_edition
from editions.forms import NextPlanForm, PublishForm, RevisionForm, WithdrawForm
from editions.services import (
    PublishRefused,
    edition_publish,
    edition_withdraw,
    next_plan_start,
    revision_start,
)
from plans import tenancy
from plans.models import Edition
from thaimuang_plan.lib.thai import ThaiNumberError, parse_int

REVISION_STARTED = "จัดทำ “{edition}” เป็นฉบับร่างแล้ว แก้ไขได้ตามต้องการ ประชาชนยังเห็นฉบับที่เผยแพร่อยู่จนกว่าจะเผยแพร่ฉบับนี้"
PUBLISHED = "เผยแพร่ “{edition}” แล้ว ประชาชนเห็นแผนฉบับนี้ตั้งแต่ตอนนี้"
WITHDRAWN = "ยกเลิกการเผยแพร่ “{edition}” แล้ว ที่อยู่ของแผนฉบับนี้แสดงวันที่และเหตุผลแก่ประชาชน"
NEXT_PLAN_STARTED = "เริ่ม “{edition}” เป็นฉบับร่างแล้ว ตรวจและแก้ไขเนื้อหาก่อนเผยแพร่"


def _edition(request, pk, permission: str) -> Edition:
    """The edition at ``pk`` if it is of the person's organizations (else 404) and their role
    there grants ``permission`` (else 403)."""
    editions = tenancy.scope(Edition.objects.select_related("organization"), request.user)
    edition = get_object_or_404(editions, pk=pk)
    if not tenancy.has_perm_in(request.user, permission, edition):
        raise PermissionDenied
    return edition


def _page(request, template: str, edition: Edition, title: str, **context):
    context = {
        **admin.site.each_context(request),
        "opts": Edition._meta,
        "original": edition,
        "edition": edition,
        "title": title,
        **context,
    }
    return render(request, template, context)


def _errors(error: ValidationError) -> list[str]:
    return list(error.messages)


def revise(request, pk):
    edition = _edition(request, pk, "plans.add_edition")
    form = RevisionForm(request.POST or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            revision = revision_start(edition=edition, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, REVISION_STARTED.format(edition=revision))
            return redirect("admin:plans_edition_change", revision.pk)
    return _page(request, "editions/admin/revise.html", edition, "จัดทำฉบับแก้ไข", form=form, errors=errors)


def publish(request, pk):
    """The confirmation page: what the checks found and what changed; publish once they are dealt with."""
    edition = _edition(request, pk, "plans.publish_edition")
    report = run_checks(edition)
    form = PublishForm(request.POST or None, report=report)
    errors = []
    if edition.status == Edition.Status.PUBLISHED:
        errors = ["แผนฉบับนี้เผยแพร่อยู่แล้ว"]
    elif request.method == "POST" and form.is_valid():
        try:
            edition_publish(
                edition=edition,
                user=request.user,
                acknowledged=form.acknowledged(),
                fingerprint=form.cleaned_data["fingerprint"],
            )
        except PublishRefused as refused:
            errors = [refused.message]
            # Show the findings as they are now, keeping the ticks the editor made.
            form = PublishForm(request.POST, report=refused.report)
            form.is_valid()
            report = refused.report
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, PUBLISHED.format(edition=edition))
            return redirect("admin:plans_edition_change", edition.pk)
    previous = previous_edition(edition)
    comparison = compare_editions(previous, edition) if previous else None
    current = Edition.objects.filter(organization=edition.organization, status=Edition.Status.PUBLISHED).exclude(
        pk=edition.pk
    ).first()
    return _page(
        request,
        "editions/admin/publish.html",
        edition,
        "ตรวจก่อนเผยแพร่",
        form=form,
        report=report,
        errors=errors,
        comparison=comparison,
        replaces=current,
    )


def withdraw(request, pk):
    edition = _edition(request, pk, "plans.publish_edition")
    form = WithdrawForm(request.POST or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            edition_withdraw(edition=edition, reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, WITHDRAWN.format(edition=edition))
            return redirect("admin:plans_edition_change", edition.pk)
    return _page(request, "editions/admin/withdraw.html", edition, "ยกเลิกการเผยแพร่", form=form, errors=errors)


def _period_from(data, edition: Edition) -> tuple[int, int]:
    """The new plan's period as typed so far, or the one after ``edition`` of the same length."""
    length = edition.end_year - edition.start_year
    try:
        start = parse_int(data.get("start_year", ""))
        end = parse_int(data.get("end_year", ""))
    except (ThaiNumberError, TypeError, ValueError):
        start, end = edition.end_year + 1, edition.end_year + 1 + length
    if end < start or end - start > 20:
        end = start + length
    return start, end


def next_plan(request, pk):
    edition = _edition(request, pk, "plans.add_edition")
    data = request.POST if request.method == "POST" else None
    start, end = _period_from(data or {}, edition)
    new_years = list(range(start, end + 1))
    initial = {"title": edition.title, "start_year": start, "end_year": end}
    if data is not None and "refresh" in data:
        # A changed period: offer its years again, keeping the title and the project ticks.
        initial.update(title=data.get("title", ""), copy_document="copy_document" in data)
        projects = {f"project_{n}": f"project_{n}" in data for n in edition.projects.values_list("number", flat=True)}
        initial.update(projects)
        data = None
    form = NextPlanForm(data, edition=edition, new_years=new_years, initial=initial)
    errors = []
    if data is not None and form.is_valid():
        try:
            new = next_plan_start(
                edition=edition,
                title=form.cleaned_data["title"],
                start_year=form.cleaned_data["start_year"],
                end_year=form.cleaned_data["end_year"],
                year_map=form.year_map(),
                project_numbers=form.project_numbers(),
                copy_document=form.cleaned_data["copy_document"],
                user=request.user,
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, NEXT_PLAN_STARTED.format(edition=new))
            return redirect("admin:plans_edition_change", new.pk)
    return _page(
        request, "editions/admin/next_plan.html", edition, "เริ่มแผนฉบับถัดไปจากแผนนี้", form=form, errors=errors
    )
