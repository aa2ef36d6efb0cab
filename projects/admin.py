import reversion
from django.contrib import admin
from django.db.models import Sum

from plans.admin_base import PlanContentAdmin, PlanContentTabularInline
from plans.choices import GroupedModelChoiceField, LinkedSelect
from projects.models import PROJECT_STRATEGY_CHOICE, PROJECT_TACTIC_CHOICE, Project, ProjectBudget, Unit
from strategies.choices import (
    it_plan_strategies,
    it_plan_tactics,
    strategy_group,
    strategy_label,
    tactic_group,
    tactic_label,
)
from thaimuang_plan.lib import formatting
from thaimuang_plan.lib.formatting import baht

reversion.register(Unit)
reversion.register(Project, follow=["budgets"])
reversion.register(ProjectBudget)


@admin.register(Unit)
class UnitAdmin(PlanContentAdmin):
    list_display = ["name", "organization", "order"]
    list_editable = ["order"]
    list_filter = ["organization"]
    search_fields = ["name"]
    list_select_related = ["organization"]
    renumber_group_by = ("organization",)


class ProjectBudgetInline(PlanContentTabularInline):
    model = ProjectBudget
    fields = ["fiscal_year", "amount", "source"]
    show_change_link = False
    verbose_name_plural = "งบประมาณรายปี (บาท พิมพ์เลขไทยหรือเลขอารบิกก็ได้ เช่น ๑,๒๕๐,๐๐๐)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "amount":
            # Say it before the database's check constraint has to.
            kwargs["min_value"] = 0
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Project)
class ProjectAdmin(PlanContentAdmin):
    list_display = ["number", "name", "strategy_display", "unit", "status", "budget_total", "edition_period", "is_sample"]
    list_display_links = ["number", "name"]
    list_filter = ["edition", "status", "unit", ("strategy", admin.RelatedOnlyFieldListFilter), "is_sample"]
    search_fields = ["name", "code", "rationale", "objectives"]
    list_select_related = ["edition", "strategy", "unit"]
    autocomplete_fields = ["unit"]
    fieldsets = [
        (None, {"fields": ["edition", ("number", "code"), "name", "status", "is_sample"]}),
        ("ความสอดคล้องกับแผน", {"fields": ["strategy", "tactic"]}),
        (
            "รายละเอียดโครงการ",
            {"fields": ["rationale", "objectives", "targets", "method", "duration", "kpi", "outcomes", "unit"]},
        ),
    ]
    inlines = [ProjectBudgetInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(budget_sum=Sum("budgets__amount"))

    def get_form(self, request, obj=None, change=False, **kwargs):
        request.editing_project = obj  # read by formfield_for_foreignkey, which has no obj
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the IT plan's strategies (of this project's plan), grouped by plan; tactics
        # grouped by strategy and narrowed to the chosen strategy as it changes.
        project = getattr(request, "editing_project", None)
        edition = project.edition if project is not None else None
        if db_field.name == "strategy":
            kwargs.update(
                form_class=GroupedModelChoiceField,
                queryset=it_plan_strategies(edition),
                group_by=strategy_group,
                label_of=strategy_label,
                error_messages={"invalid_choice": PROJECT_STRATEGY_CHOICE},
            )
        elif db_field.name == "tactic":
            kwargs.update(
                form_class=GroupedModelChoiceField,
                queryset=it_plan_tactics(edition),
                group_by=tactic_group,
                label_of=tactic_label,
                widget=LinkedSelect(follows="strategy", parent_attr="strategy_id"),
                error_messages={"invalid_choice": PROJECT_TACTIC_CHOICE},
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="ยุทธศาสตร์", ordering="strategy__number")
    def strategy_display(self, obj):
        if obj.strategy is None:
            return "-"
        return formatting.strategy_label(obj.strategy.number)

    @admin.display(description="แผน", ordering="edition__start_year")
    def edition_period(self, obj):
        return obj.edition.period_label

    @admin.display(description="งบประมาณรวม (บาท)", ordering="budget_sum")
    def budget_total(self, obj):
        return baht(obj.budget_sum) if obj.budget_sum is not None else "-"
