from functools import partial

import reversion
from django import forms
from django.contrib import admin
from django.urls import path

from plans.admin_base import PlanContentAdmin, PlanContentStackedInline, PlanContentTabularInline
from plans.choices import FRAMEWORK_RANK, GroupedModelMultipleChoiceField
from strategies.choices import (
    alignable_strategies,
    alignable_tactics,
    strategy_group,
    strategy_label,
    tactic_group,
    tactic_label,
)
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from strategies.target_grid import target_grid_view

# A restored framework brings back its points, strategies, tactics and
# indicators; a restored strategy its goals, tactics and indicators; a
# restored indicator its yearly targets.
reversion.register(Framework, follow=["points", "strategies", "tactics", "indicators"])
reversion.register(FrameworkPoint)
reversion.register(Strategy, follow=["goals", "tactics", "indicators"])
reversion.register(Goal)
reversion.register(Tactic)
reversion.register(Indicator, follow=["targets"])
reversion.register(IndicatorTarget)

NOT_HIGHER = "เชื่อมโยงได้เฉพาะกับกรอบที่สูงกว่า “{framework}” ในแผนฉบับเดียวกัน: {items}"
NO_HIGHER_FRAMEWORK = "กรอบนี้อยู่สูงสุดแล้ว ไม่มีกรอบที่สูงกว่าให้เชื่อมโยง"


class AlignsUpwardsForm(forms.ModelForm):
    """Refuses a link to a framework that is not above this one (the list may have offered all of them)."""

    def clean(self):
        cleaned = super().clean()
        framework, chosen = cleaned.get("framework"), cleaned.get("aligns_with")
        if framework is not None and chosen:
            rank = FRAMEWORK_RANK.get(framework.kind, 4)
            wrong = [
                item for item in chosen
                if item.framework.edition_id != framework.edition_id or FRAMEWORK_RANK.get(item.framework.kind, 4) >= rank
            ]
            if wrong:
                self.add_error("aligns_with", NOT_HIGHER.format(framework=framework, items=", ".join(map(str, wrong))))
        return cleaned


class AlignsUpwardsMixin:
    """``aligns_with`` offers only strategies (or tactics) of higher frameworks of the same plan, grouped."""

    alignable = staticmethod(alignable_strategies)
    align_group = staticmethod(strategy_group)
    align_label = staticmethod(strategy_label)

    def get_form(self, request, obj=None, change=False, **kwargs):
        request.editing_framework = obj.framework if obj is not None else None
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (AlignsUpwardsForm, form), {})

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "aligns_with":
            queryset = self.alignable(getattr(request, "editing_framework", None))
            kwargs.update(
                form_class=GroupedModelMultipleChoiceField,
                queryset=queryset,
                group_by=self.align_group,
                label_of=self.align_label,
                widget=forms.CheckboxSelectMultiple(attrs={"class": "grouped-checkboxes"}),
            )
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            if getattr(request, "editing_framework", None) is not None and not queryset.exists():
                field.help_text = NO_HIGHER_FRAMEWORK
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)


ORDER_HELP = "ลำดับ: น้อยขึ้นก่อน เว้นช่วงไว้ (๑๐, ๒๐, ๓๐) เพื่อแทรกรายการใหม่ระหว่างกลางได้ เช่น ๑๕"


class FrameworkPointInline(PlanContentTabularInline):
    model = FrameworkPoint
    fields = ["kind", "number", "title", "text", "order"]
    verbose_name_plural = "พันธกิจ หลักการ ปัจจัยแห่งความสำเร็จ จุดยืน และค่านิยม (ลำดับ: น้อยขึ้นก่อน)"


class StrategyInline(PlanContentTabularInline):
    model = Strategy
    fields = ["number", "title", "order"]
    verbose_name_plural = "ยุทธศาสตร์ (กด “เปลี่ยน” เพื่อแก้ไขเป้าประสงค์ กลยุทธ์ และตัวชี้วัดของยุทธศาสตร์นั้น)"


class LooseTacticInline(PlanContentTabularInline):
    """Tactics the framework lists for the whole plan, not under a strategy (e.g. the local development plan)."""

    model = Tactic
    fields = ["number", "text", "order"]
    verbose_name_plural = "กลยุทธ์ของทั้งกรอบ (ไม่อยู่ใต้ยุทธศาสตร์ใด)"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(strategy__isnull=True)

    def shows_row(self, row) -> bool:
        """The same rule as get_queryset, for rows read from history (a restore touches only these)."""
        return row.strategy_id is None


class FrameworkIndicatorInline(PlanContentTabularInline):
    model = Indicator
    # Totals and their rule are edited on the indicator's own page, next to its yearly targets;
    # here they would push the table past a 1280 px screen.
    fields = ["number", "name", "strategy", "unit", "total_text", "order"]
    choices_within = {"strategy": "framework"}
    verbose_name_plural = "ตัวชี้วัด (กด “เปลี่ยน” เพื่อแก้ไขค่าเป้าหมายรายปีและวิธีคิดค่ารวม)"


@admin.register(Framework)
class FrameworkAdmin(PlanContentAdmin):
    list_display = ["__str__", "kind", "period_label", "order", "edition", "is_sample"]
    list_editable = ["order"]
    list_filter = ["edition", "kind", "is_sample"]
    search_fields = ["name", "short_name", "vision"]
    list_select_related = ["edition"]
    fieldsets = [
        (None, {"fields": ["edition", "kind", "name", "short_name", "slug", ("start_year", "end_year"), "order"]}),
        ("วิสัยทัศน์และค่านิยม", {"fields": ["vision", "values"]}),
        ("ในเอกสาร", {"fields": ["is_sample"]}),
    ]
    inlines = [FrameworkPointInline, StrategyInline, LooseTacticInline, FrameworkIndicatorInline]
    renumber_group_by = ("edition",)
    change_form_template = "admin/strategies/framework/change_form.html"

    def get_urls(self):
        targets = self.admin_site.admin_view(partial(target_grid_view, self))
        return [path("<int:pk>/targets/", targets, name="strategies_framework_targets"), *super().get_urls()]

    @admin.display(description="ช่วงปี", ordering="start_year")
    def period_label(self, obj):
        return obj.period_label or "-"


@admin.register(FrameworkPoint)
class FrameworkPointAdmin(PlanContentAdmin):
    list_display = ["__str__", "kind", "order", "framework"]
    list_editable = ["order"]
    list_filter = ["framework__edition", "framework", "kind"]
    search_fields = ["number", "title", "text"]
    list_select_related = ["framework"]
    autocomplete_fields = ["framework"]
    renumber_group_by = ("framework", "kind")


class GoalInline(PlanContentTabularInline):
    model = Goal
    fields = ["number", "text", "order"]


class TacticInline(PlanContentTabularInline):
    model = Tactic
    fk_name = "strategy"
    fields = ["goal", "number", "text", "order"]
    choices_within = {"goal": "strategy"}
    inherit_from_parent = ("framework",)
    show_change_link = True


class IndicatorInline(PlanContentStackedInline):
    model = Indicator
    fk_name = "strategy"
    fields = [("number", "order"), "name", ("goal", "unit"), ("total_text", "total_value", "total_rule")]
    choices_within = {"goal": "strategy"}
    inherit_from_parent = ("framework",)
    verbose_name_plural = "ตัวชี้วัด (กด “เปลี่ยน” เพื่อแก้ไขค่าเป้าหมายรายปี)"


@admin.register(Strategy)
class StrategyAdmin(AlignsUpwardsMixin, PlanContentAdmin):
    list_display = ["__str__", "framework", "order"]
    list_editable = ["order"]
    list_filter = ["framework__edition", "framework__kind", "framework"]
    search_fields = ["title", "heading_in_detail", "description", "framework__name"]
    list_select_related = ["framework"]
    autocomplete_fields = ["framework"]
    fields = ["framework", ("number", "order"), "title", "heading_in_detail", "description", "aligns_with"]
    inlines = [GoalInline, TacticInline, IndicatorInline]
    renumber_group_by = ("framework",)


@admin.register(Goal)
class GoalAdmin(PlanContentAdmin):
    list_display = ["__str__", "strategy", "order"]
    list_editable = ["order"]
    list_filter = ["strategy__framework__edition", "strategy__framework"]
    search_fields = ["number", "text"]
    list_select_related = ["strategy"]
    autocomplete_fields = ["strategy"]
    renumber_group_by = ("strategy",)


@admin.register(Tactic)
class TacticAdmin(AlignsUpwardsMixin, PlanContentAdmin):
    alignable = staticmethod(alignable_tactics)
    align_group = staticmethod(tactic_group)
    align_label = staticmethod(tactic_label)

    list_display = ["__str__", "strategy", "goal", "framework", "order"]
    list_editable = ["order"]
    list_filter = ["framework__edition", "framework"]
    search_fields = ["number", "text"]
    list_select_related = ["framework", "strategy", "goal"]
    autocomplete_fields = ["framework", "strategy", "goal"]
    renumber_group_by = ("framework",)


class IndicatorTargetInline(PlanContentTabularInline):
    model = IndicatorTarget
    fields = ["year", "text", "value"]
    show_change_link = False
    verbose_name_plural = "ค่าเป้าหมายรายปี (ปีต้องอยู่ในช่วงปีของกรอบยุทธศาสตร์)"


@admin.register(Indicator)
class IndicatorAdmin(PlanContentAdmin):
    list_display = ["__str__", "strategy", "unit", "total_text", "framework", "order"]
    list_editable = ["order"]
    list_filter = ["framework__edition", "framework", "total_rule"]
    search_fields = ["number", "name"]
    list_select_related = ["framework", "strategy"]
    autocomplete_fields = ["framework", "strategy", "goal"]
    fields = [
        "framework",
        ("strategy", "goal"),
        ("number", "order"),
        "name",
        "unit",
        ("total_text", "total_value", "total_rule"),
    ]
    inlines = [IndicatorTargetInline]
    renumber_group_by = ("framework",)
