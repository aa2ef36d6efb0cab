import reversion
from django.contrib import admin
from django.db.models import Sum

from plans.admin_base import PlanContentAdmin, PlanContentTabularInline
from projects.models import Project, ProjectBudget, Unit
from thaimuang_plan.lib.thai import format_baht

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
    list_display = ["number", "name", "strategy", "unit", "status", "budget_total", "edition", "is_sample"]
    list_display_links = ["number", "name"]
    list_filter = ["edition", "status", "unit", "strategy", "is_sample"]
    search_fields = ["name", "code", "rationale", "objectives"]
    list_select_related = ["edition", "strategy", "unit"]
    autocomplete_fields = ["strategy", "tactic", "unit"]
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

    @admin.display(description="งบประมาณรวม (บาท)", ordering="budget_sum")
    def budget_total(self, obj):
        return format_baht(obj.budget_sum) if obj.budget_sum is not None else "-"
