"""Admin of chapter ๖ (plan content, edited by the working group) and of the committee's records.

The evaluation rounds (their list, publishing and the one-screen entry) are in
``monitoring/admin_rounds.py``; they are registered here with the rest.
"""

import reversion
from django.contrib import admin, messages

from monitoring.admin_rounds import EvaluationRoundAdmin
from monitoring.models import (
    Committee,
    CommitteeMember,
    EvaluationMethod,
    EvaluationRound,
    IndicatorResult,
    ProjectProgress,
    ScheduleRound,
)
from monitoring.warnings import GIVE_A_REASON, over_plan
from plans.admin_base import PlanContentAdmin, PlanContentTabularInline
from plans.choices import GroupedModelChoiceField
from projects.models import Project, ProjectBudget
from strategies.choices import indicator_group, indicator_label, plan_indicators
from thaimuang_plan.lib.formatting import baht, digits, project_label

reversion.register(Committee, follow=("members",))
reversion.register(CommitteeMember)


class CommitteeMemberInline(PlanContentTabularInline):
    model = CommitteeMember
    fields = ["order", "name", "position", "role"]
    show_change_link = False


@admin.register(Committee)
class CommitteeAdmin(PlanContentAdmin):
    list_display = ["name", "edition", "term_start", "term_end", "is_sample"]
    list_filter = ["edition", "is_sample"]
    search_fields = ["name", "members__name"]
    list_select_related = ["edition"]
    inlines = [CommitteeMemberInline]


@admin.register(EvaluationMethod)
class EvaluationMethodAdmin(PlanContentAdmin):
    list_display = ["__str__", "number", "order", "edition", "is_sample"]
    list_filter = ["edition", "is_sample"]
    search_fields = ["title", "text"]
    list_select_related = ["edition"]
    renumber_group_by = ("edition",)


@admin.register(ScheduleRound)
class ScheduleRoundAdmin(PlanContentAdmin):
    list_display = ["name", "period_text", "covers_months", "report_month", "edition", "is_sample"]
    list_filter = ["edition", "is_sample"]
    list_select_related = ["edition"]
    renumber_group_by = ("edition",)


# -- The committee's records -------------------------------------------------------------

admin.site.register(EvaluationRound, EvaluationRoundAdmin)


@admin.register(ProjectProgress)
class ProjectProgressAdmin(PlanContentAdmin):
    list_display = ["project", "round", "status", "percent_display", "spent_display", "updated_at"]
    list_filter = ["round__edition", "round", "status"]
    search_fields = ["project__name", "outputs", "problems"]
    list_select_related = ["project", "round"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        planned = (
            ProjectBudget.objects.filter(project=obj.project_id, fiscal_year=obj.round.fiscal_year)
            .values_list("amount", flat=True)
            .first()
        )
        if warning := over_plan(obj.budget_spent, planned):
            reason = "" if obj.overspend_reason.strip() else f" {GIVE_A_REASON}"
            messages.warning(request, f"{obj.project}: {warning}{reason}")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Projects by number and name, grouped by plan (never a database id to type).
        if db_field.name == "project":
            kwargs.update(
                form_class=GroupedModelChoiceField,
                queryset=Project.objects.select_related("edition").order_by("-edition__start_year", "number"),
                group_by=lambda project: f"{project.edition.title} ({project.edition.period_label})",
                label_of=lambda project: f"{project_label(project.number)} {project.name[:120]}",
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="ความก้าวหน้า", ordering="percent_done")
    def percent_display(self, obj):
        return f"{digits(obj.percent_done)}%"

    @admin.display(description="ใช้งบไปแล้ว (บาท)", ordering="budget_spent")
    def spent_display(self, obj):
        return baht(obj.budget_spent)


@admin.register(IndicatorResult)
class IndicatorResultAdmin(PlanContentAdmin):
    list_display = ["indicator", "fiscal_year", "actual_text", "actual_value", "is_sample"]
    list_filter = ["fiscal_year", "indicator__framework", "is_sample"]
    search_fields = ["indicator__name", "actual_text", "note"]
    list_select_related = ["indicator"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Indicators by name, grouped by framework and strategy (never a database id to type).
        if db_field.name == "indicator":
            kwargs.update(
                form_class=GroupedModelChoiceField,
                queryset=plan_indicators(),
                group_by=indicator_group,
                label_of=indicator_label,
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
