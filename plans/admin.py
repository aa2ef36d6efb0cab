import reversion
from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from plans import (
    admin_users,  # noqa: F401  (registers the people admin)
    tenancy,
)
from plans.admin_base import PlanContentAdmin, PlanContentTabularInline
from plans.admin_display import ThaiDisplayAdminMixin
from plans.admin_members import MembershipInline, memberships_saved
from plans.admin_scope import OrganizationScopedAdmin, OrganizationScopedInline
from plans.models import Block, Edition, EditionStatusChange, ImportFlag, Organization, Section, SwotItem
from thaimuang_plan.lib.formatting import digits

reversion.register(Organization)
reversion.register(Edition)
reversion.register(ImportFlag)
reversion.register(Section, follow=["blocks"])
reversion.register(Block)
reversion.register(SwotItem)


def public_url(edition: Edition) -> str | None:
    """Where residents read this edition, or None while the public pages are not installed."""
    try:
        return reverse("plans:edition", kwargs=edition.address_kwargs)
    except NoReverseMatch:
        return None


def _life_url(name: str, edition: Edition) -> str | None:
    """The pages of an edition's life (revise, publish, withdraw, next plan) live in editions/."""
    try:
        return reverse(f"editions_admin:{name}", args=[edition.pk])
    except NoReverseMatch:
        return None


@admin.register(Organization)
class OrganizationAdmin(PlanContentAdmin):
    """Editors change their own organization's details; hosts add organizations and say who belongs."""

    list_display = ["name", "slug", "code", "short_name", "district", "province", "updated_at"]
    search_fields = ["name", "short_name", "slug", "code", "district", "province"]
    list_filter = ["province"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # Every public address of the plans starts with the slug: only a host may still change it.
        if obj is not None and not tenancy.is_host(request.user):
            readonly.append("slug")
        return readonly

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is MembershipInline.model:
            memberships_saved(formset)


class ImportFlagInline(OrganizationScopedInline, ThaiDisplayAdminMixin, admin.TabularInline):
    """The importer's flags on the edition page: editors tick them off as they check the source."""

    model = ImportFlag
    fields = ["line", "kind", "severity", "message", "source_text", "resolved", "resolved_note", "resolved_by"]
    readonly_fields = ["line", "kind", "severity", "message", "source_text", "resolved_by"]
    # A small note box leaves the width to the message and the source text, which editors read first.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 24})}}
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "ข้อสังเกตจากการนำเข้า (ติ๊ก “ตรวจสอบแล้ว” เมื่อแก้ไขหรือยืนยันแล้ว)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resolved_by").order_by("resolved", "line", "pk")

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(OrganizationScopedInline, admin.TabularInline):
    """When the edition was published, replaced or withdrawn, by whom and why: read only, kept for good."""

    model = EditionStatusChange
    fields = ["changed_at", "from_status", "to_status", "changed_by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "ประวัติสถานะ (เผยแพร่ แทนที่ ยกเลิกการเผยแพร่)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Edition)
class EditionAdmin(PlanContentAdmin):
    list_display = ["title", "period", "edition_label", "status", "published_at", "unresolved_flags", "preview_link"]
    list_filter = ["status", "organization"]
    search_fields = ["title"]
    list_select_related = ["organization"]
    readonly_fields = [
        "status",
        "published_at",
        "revision_kind",
        "revision_number",
        "based_on",
        "withdrawn_at",
        "withdrawal_reason",
        "source_name",
        "source_sha256",
        "imported_at",
        "imported_by",
    ]
    fieldsets = [
        (None, {"fields": ["organization", "title", ("start_year", "end_year"), "foreword_signatory", "is_sample"]}),
        (
            "ฉบับ",
            {
                "fields": [("revision_kind", "revision_number"), "approval_reference", "approved_on", "based_on"],
                "description": "ฉบับแก้ไข เพิ่มเติม หรือเปลี่ยนแปลงเริ่มจากแผนที่เผยแพร่แล้ว ด้วยปุ่ม “จัดทำฉบับแก้ไข” ด้านบน",
            },
        ),
        (
            "การเผยแพร่",
            {
                "fields": ["status", "published_at", "withdrawn_at", "withdrawal_reason"],
                "description": "ใช้ปุ่ม “ตรวจและเผยแพร่” ด้านบน ระบบจะตรวจแผนก่อน แผนที่เผยแพร่ก่อนหน้าจะเปลี่ยนเป็นฉบับเก่าซึ่งยังเปิดดูได้",
            },
        ),
        ("ไฟล์ต้นฉบับ", {"fields": ["source_name", "source_sha256", "imported_at", "imported_by"], "classes": ["collapse"]}),
    ]
    inlines = [StatusChangeInline, ImportFlagInline]
    change_form_template = "admin/plans/edition/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            unresolved_count=Count("import_flags", filter=Q(import_flags__resolved=False))
        )

    @admin.display(description="ช่วงปี", ordering="start_year")
    def period(self, obj):
        return obj.period_label

    @admin.display(description="ข้อสังเกตที่ยังไม่ตรวจ", ordering="unresolved_count")
    def unresolved_flags(self, obj):
        if not obj.unresolved_count:
            return "-"
        url = reverse("admin:plans_importflag_changelist") + f"?edition__id__exact={obj.pk}&resolved__exact=0"
        return format_html('<a href="{}">{} รายการ</a>', url, digits(obj.unresolved_count))

    @admin.display(description="ตัวอย่าง")
    def preview_link(self, obj):
        url = public_url(obj)
        if url is None:
            return "-"
        return format_html('<a href="{}" target="_blank" rel="noopener">ดูแบบที่ประชาชนเห็น</a>', url)

    @admin.display(description="ฉบับ", ordering="revision_number")
    def edition_label(self, obj):
        return obj.edition_label

    def save_formset(self, request, form, formset, change):
        if formset.model is ImportFlag:
            for flag_form in formset.forms:
                if "resolved" in flag_form.changed_data:
                    flag_form.instance.resolved_by = request.user if flag_form.instance.resolved else None
        super().save_formset(request, form, formset, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # In this edition's organization, with the role held there.
        can_publish = tenancy.has_perm_in(request.user, "plans.publish_edition", obj)
        can_add = tenancy.has_perm_in(request.user, "plans.add_edition", obj)
        published = bool(obj) and obj.status == Edition.Status.PUBLISHED
        context.update(
            preview_url=public_url(obj) if obj else None,
            publish_url=_life_url("publish", obj) if obj and not published and can_publish else None,
            withdraw_url=_life_url("withdraw", obj) if obj and obj.is_public and can_publish else None,
            revise_url=_life_url("revise", obj) if published and can_add else None,
            next_plan_url=_life_url("next_plan", obj) if obj and can_add else None,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(ImportFlag)
class ImportFlagAdmin(OrganizationScopedAdmin, ThaiDisplayAdminMixin, admin.ModelAdmin):
    list_display = ["line", "kind", "severity", "short_message", "resolved", "edition_period"]
    list_filter = ["edition", "kind", "severity", "resolved"]
    search_fields = ["message", "source_text", "resolved_note"]
    list_select_related = ["edition", "resolved_by"]
    readonly_fields = ["edition", "kind", "severity", "line", "source_text", "message", "created_at", "resolved_by"]
    fields = [*readonly_fields, "resolved", "resolved_note"]
    list_per_page = 100

    @admin.display(description="คำอธิบาย")
    def short_message(self, obj):
        return obj.message if len(obj.message) <= 200 else obj.message[:200] + "…"

    @admin.display(description="แผน", ordering="edition__start_year")
    def edition_period(self, obj):
        return obj.edition.period_label

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if "resolved" in form.changed_data:
            obj.resolved_by = request.user if obj.resolved else None
        super().save_model(request, obj, form, change)


class BlockInline(PlanContentTabularInline):
    model = Block
    # What is shown from a table (embed, framework) is chosen on the block's own page ("เปลี่ยน"):
    # two more lists here would squeeze the text column and push the page past 1280 px.
    fields = ["order", "kind", "marker", "text", "is_sample"]
    show_change_link = True


@admin.register(Section)
class SectionAdmin(PlanContentAdmin):
    list_display = ["__str__", "level", "toc_pages", "in_toc", "order", "edition"]
    list_editable = ["order"]
    list_filter = ["edition", "level", "in_toc"]
    search_fields = ["number", "title"]
    list_select_related = ["edition"]
    autocomplete_fields = ["parent"]
    inlines = [BlockInline]
    renumber_group_by = ("edition",)


@admin.register(Block)
class BlockAdmin(PlanContentAdmin):
    list_display = ["__str__", "kind", "section", "order", "is_sample"]
    list_editable = ["order"]
    list_filter = ["section__edition", "kind", "embed", "is_sample"]
    search_fields = ["text", "marker", "section__title"]
    list_select_related = ["section"]
    autocomplete_fields = ["section"]
    renumber_group_by = ("section",)


@admin.register(SwotItem)
class SwotItemAdmin(PlanContentAdmin):
    list_display = ["__str__", "kind", "order", "edition", "is_sample"]
    list_editable = ["order"]
    list_filter = ["edition", "kind", "is_sample"]
    search_fields = ["text"]
    list_select_related = ["edition"]
    renumber_group_by = ("edition", "kind")
