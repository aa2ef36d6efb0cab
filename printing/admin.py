"""The rendered PDFs in the admin: what is stored, what is being prepared, and why a render failed."""

from django.contrib import admin, messages
from django.template.defaultfilters import filesizeformat

from printing import documents
from printing.models import RenderedDocument


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "rendered_at", "size_display", "render_seconds", "error_short"]
    list_filter = [("error", admin.EmptyFieldListFilter)]
    search_fields = ["key", "title"]
    readonly_fields = [f.name for f in RenderedDocument._meta.fields]
    actions = ["render_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="สถานะ")
    def status(self, obj):
        return obj.state(documents.token(obj.wanted_version)).label

    @admin.display(description="ขนาด")
    def size_display(self, obj):
        return filesizeformat(obj.size) if obj.size is not None else "–"

    @admin.display(description="ข้อผิดพลาด")
    def error_short(self, obj):
        return obj.error[:200] or "–"

    @admin.action(description="สร้าง PDF ใหม่อีกครั้ง", permissions=["view"])
    def render_again(self, request, queryset):
        count = sum(1 for row in queryset if documents.retry(row))
        messages.success(request, f"สั่งสร้างใหม่แล้ว {count} รายการ งานจะเริ่มเมื่อตัวประมวลผลเบื้องหลังว่าง")
