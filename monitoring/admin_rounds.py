"""Admin of the committee's evaluation rounds: the list, publishing, and the one-screen entry.

The committee records a round on one screen (``EvaluationRoundAdmin.entry_view``):
every project of the round's fiscal year, one row each, saved all together or
not at all. Registered in ``monitoring/admin.py`` with the rest of the app's admin.
"""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from monitoring.admin_access import check_may_see, round_for
from monitoring.forms import RoundEntry
from monitoring.models import EvaluationRound, ProjectProgress, RoundFinding
from monitoring.printed_report import can_export_report
from monitoring.results_entry import results_view
from monitoring.selectors import due_a_record, year_projects
from monitoring.services import PublishError, round_progress_save, round_publish
from monitoring.spreadsheet_views import download_view, upload_view
from monitoring.warnings import SAVED_OVER_PLAN, SAVED_OVER_PLAN_NO_REASON
from plans import tenancy
from plans.admin_base import PlanContentAdmin, PlanContentStackedInline
from projects.models import Project
from thaimuang_plan.lib.formatting import date as thaidate
from thaimuang_plan.lib.formatting import digits, project_label

PUBLISHED = "เผยแพร่ผล “{round}” แล้ว ประชาชนเห็นผลรอบนี้ตั้งแต่ตอนนี้"
PUBLISHED_LATE = "เผยแพร่ผล “{round}” แล้ว แต่ช้ากว่ากำหนด (ควรประกาศภายใน {deadline})"
PUBLISHED_WITH_MISSING = "รอบ “{round}” ยังไม่มีผลของ {count} โครงการ ซึ่งจะแสดงว่า “ยังไม่รายงาน” บนหน้าเว็บ"
NOT_PUBLISHED = "เผยแพร่ผล “{round}” ไม่ได้: {reason}"
ENTRY_SAVED = "บันทึกผลการดำเนินงาน {count} โครงการแล้ว"


class RoundFindingInline(PlanContentStackedInline):
    model = RoundFinding
    fields = [("kind", "order"), "text"]
    show_change_link = False
    extra = 0


def _missing_count():
    """Projects with a budget line in the round's year and no record in the round, per round."""
    missing = (
        Project.objects.filter(due_a_record(OuterRef("fiscal_year")), edition=OuterRef("edition"))
        .exclude(
            Exists(ProjectProgress.objects.filter(round=OuterRef(OuterRef("pk")), project=OuterRef("pk")))
        )
        .order_by()
        .values("edition")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(missing, output_field=IntegerField()), Value(0))


class FollowUpFilter(admin.SimpleListFilter):
    """Rounds that need the committee's attention."""

    title = "ต้องติดตาม"
    parameter_name = "follow_up"

    def lookups(self, request, model_admin):
        return [
            ("missing", "ถึงวันรายงานแล้วแต่ยังบันทึกผลไม่ครบทุกโครงการ"),
            ("late", "ประกาศผลช้ากว่า ๑๕ วันหลังวันรายงาน (หรือเลยกำหนดแล้วยังไม่ประกาศ)"),
            ("unpublished", "ยังไม่เผยแพร่"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(report_date__lte=timezone.localdate(), missing_count__gt=0)
        if self.value() == "late":
            # Few rounds exist (two or so a year); the rule stays in one place, the model.
            late = [
                r.pk for r in queryset.only("pk", "report_date", "published_at") if r.is_announcement_late
            ]
            return queryset.filter(pk__in=late)
        if self.value() == "unpublished":
            return queryset.filter(published_at__isnull=True)
        return queryset


class EvaluationRoundAdmin(PlanContentAdmin):
    list_display = [
        "__str__",
        "report_date_display",
        "announce_by_display",
        "published_display",
        "records_display",
        "missing_display",
        "is_sample",
    ]
    list_filter = [FollowUpFilter, "edition", "fiscal_year", "is_sample"]
    list_select_related = ["edition"]
    search_fields = ["name"]
    readonly_fields = ["published_at", "announcement_display"]
    fieldsets = [
        (
            None,
            {"fields": ["edition", "schedule_round", "name", "fiscal_year", ("period_start", "period_end")]},
        ),
        (
            "การรายงานและประกาศผล",
            {"fields": ["report_date", "published_at", "announcement_display", "is_sample"]},
        ),
    ]
    inlines = [RoundFindingInline]
    actions = ["publish_selected"]
    change_form_template = "monitoring/admin/evaluationround_change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(records_count=Count("progress", distinct=True), missing_count=_missing_count())
        )

    class Media:
        css = {"all": ["monitoring/admin.css"]}

    @admin.display(description="วันที่รายงานผล", ordering="report_date")
    def report_date_display(self, obj):
        return thaidate(obj.report_date, short=True)

    @admin.display(description="ต้องประกาศภายใน", ordering="report_date")
    def announce_by_display(self, obj):
        return thaidate(obj.announce_by, short=True)

    @admin.display(description="ประกาศผล", ordering="published_at")
    def published_display(self, obj):
        when = thaidate(obj.published_at, short=True) if obj.published_at else "ยังไม่เผยแพร่"
        if obj.is_announcement_late:
            return format_html(
                '{} <strong class="errornote-inline">ล่าช้า {} วัน</strong>', when, digits(obj.days_late)
            )
        return when

    @admin.display(description="บันทึกแล้ว", ordering="records_count")
    def records_display(self, obj):
        return digits(obj.records_count)

    @admin.display(description="ยังไม่บันทึก", ordering="missing_count")
    def missing_display(self, obj):
        if not obj.missing_count:
            return "-"
        url = reverse("admin:monitoring_evaluationround_entry", args=[obj.pk])
        return format_html('<a href="{}">{} โครงการ</a>', url, digits(obj.missing_count))

    @admin.display(description="กำหนดประกาศผล")
    def announcement_display(self, obj):
        if obj is None or obj.pk is None or obj.report_date is None:
            return "ระบบคำนวณจากวันที่รายงานผล: ต้องประกาศภายใน ๑๕ วัน และแสดงไว้อย่างน้อย ๓๐ วัน"
        text = f"ต้องประกาศภายใน {thaidate(obj.announce_by)}"
        if obj.keep_up_until:
            text += f" · ต้องแสดงไว้อย่างน้อยถึง {thaidate(obj.keep_up_until)}"
        if obj.is_announcement_late:
            text += f" · ล่าช้า {digits(obj.days_late)} วัน"
        return text

    # --- publishing ------------------------------------------------------------

    def has_publish_permission(self, request, obj=None):
        return tenancy.has_perm_in(request.user, "monitoring.publish_evaluationround", obj)

    @admin.action(description="เผยแพร่ผลของรอบที่เลือกให้ประชาชนทราบ", permissions=["publish"])
    def publish_selected(self, request, queryset):
        for round in queryset:
            self._publish(request, round)

    def _publish(self, request, round):
        try:
            round = round_publish(round=round, user=request.user)
        except PublishError as error:
            self.message_user(request, NOT_PUBLISHED.format(round=round, reason=error), messages.ERROR)
            return
        if round.is_announcement_late:
            text = PUBLISHED_LATE.format(round=round, deadline=thaidate(round.announce_by))
            self.message_user(request, text, messages.WARNING)
        else:
            self.message_user(request, PUBLISHED.format(round=round), messages.SUCCESS)
        missing = (
            EvaluationRound.objects.filter(pk=round.pk)
            .annotate(n=_missing_count())
            .values_list("n", flat=True)
        )
        if missing and missing[0]:
            self.message_user(
                request,
                PUBLISHED_WITH_MISSING.format(round=round, count=digits(missing[0])),
                messages.WARNING,
            )

    def publish_view(self, request, pk):
        round = round_for(request, pk)
        if not self.has_publish_permission(request, round):
            raise PermissionDenied
        self._publish(request, round)
        return redirect("admin:monitoring_evaluationround_change", round.pk)

    # --- the one-screen entry ------------------------------------------------------

    def get_urls(self):
        entry = self.admin_site.admin_view(self.entry_view)
        publish = self.admin_site.admin_view(require_POST(self.publish_view))
        results = self.admin_site.admin_view(partial(results_view, self))
        sheet = self.admin_site.admin_view(partial(download_view, self))
        upload = self.admin_site.admin_view(partial(upload_view, self))
        return [
            path("<int:pk>/sheet/", sheet, name="monitoring_evaluationround_sheet"),
            path("<int:pk>/upload/", upload, name="monitoring_evaluationround_upload"),
            path("<int:pk>/entry/", entry, name="monitoring_evaluationround_entry"),
            path("<int:pk>/results/", results, name="monitoring_evaluationround_results"),
            path("<int:pk>/publish/", publish, name="monitoring_evaluationround_publish"),
            *super().get_urls(),
        ]

    def entry_view(self, request, pk):
        round = round_for(request, pk)
        can_record = check_may_see(request.user, ProjectProgress, round)
        if request.method == "POST":
            if not can_record:
                raise PermissionDenied
            with transaction.atomic():
                # Lock the round's rows so that two members saving at once cannot both pass the token check.
                records = list(ProjectProgress.objects.select_for_update().filter(round=round))
                entry = RoundEntry(
                    round=round,
                    projects=year_projects(round.edition, round.fiscal_year, round=round),
                    records=records,
                    data=request.POST,
                )
                if entry.is_valid():
                    saved = round_progress_save(round=round, records=entry.records(), user=request.user)
                    self.message_user(request, ENTRY_SAVED.format(count=digits(saved)), messages.SUCCESS)
                    _warn_over_plan(request, entry.over_plan_rows())
                    return redirect("admin:monitoring_evaluationround_entry", round.pk)
            messages.error(request, entry.error_message)
        else:
            entry = RoundEntry(
                round=round,
                projects=year_projects(round.edition, round.fiscal_year, round=round),
                records=list(ProjectProgress.objects.filter(round=round)),
            )
        if not can_record:
            for row in entry.rows:
                for field in row.fields.values():
                    field.disabled = True
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": round,
            "round": round,
            "entry": entry,
            "can_record": can_record,
            "title": f"บันทึกผลการดำเนินงานรายโครงการ: {round}",
            "has_view_permission": True,
        }
        return TemplateResponse(request, "monitoring/admin/round_entry.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            can_publish=bool(obj) and not obj.is_published and self.has_publish_permission(request, obj),
            can_export=bool(obj) and can_export_report(request.user, obj.edition.organization_id),
            report_url=report_pdf_url(obj) if obj else None,
            public_url=public_round_url(obj) if obj else None,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)


def _warn_over_plan(request, rows) -> None:
    """Say which saved rows spent over plan, and which of them still lack a reason."""
    if not rows:
        return
    names = ", ".join(project_label(row.project.number) for row in rows)
    messages.warning(request, SAVED_OVER_PLAN.format(count=digits(len(rows)), projects=names))
    missing = [project_label(row.project.number) for row in rows if row.needs_reason]
    if missing:
        messages.warning(request, SAVED_OVER_PLAN_NO_REASON.format(projects=", ".join(missing)))


def report_pdf_url(round: EvaluationRound) -> str | None:
    """The annual report PDF of the round's year, or None while the PDF views are not installed."""
    try:
        return reverse(
            "monitoring:report_pdf", kwargs={**round.edition.address_kwargs, "fiscal_year": round.fiscal_year}
        )
    except NoReverseMatch:
        return None


def public_round_url(round: EvaluationRound) -> str | None:
    try:
        return reverse("monitoring:round", kwargs={**round.edition.address_kwargs, "pk": round.pk})
    except NoReverseMatch:
        return None
