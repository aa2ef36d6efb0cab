"""The history pages of a plan-content admin: restore one version, bring back a deleted row.

Replaces django-reversion's ``revision_view`` / ``recover_view``, which revert
a whole revision and accept any version id. Here:

- a version is accepted only if it belongs to this admin's model (and, for a
  restore, to the object in the address) and to a row of the person's
  organizations (``plans.tenancy_history``); any other id is a 404, and the
  list of deleted rows shows only theirs;
- the page first shows, in Thai, what the restore changes (``plans.restore``);
  confirming needs the right to change the object and to add, change or
  delete every kind of row the restore writes, and the page's lock token, so
  a restore opened before someone else's save is refused;
- the restore is saved as a new revision with an admin log entry;
- a row deleted without any version yet is kept in one first, so that it can be
  recovered and the audit can tell whose it was.
"""

from __future__ import annotations

import reversion
from django.contrib import messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.forms.models import _get_foreign_key
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from reversion.errors import RevertError
from reversion.models import Version
from reversion.revisions import _get_options

from plans import tenancy
from plans.forms import LOCK_FIELD, STALE_SAVE
from plans.restore import Owned, RestoreRefused, restore_plan
from plans.revisions import KEPT_BEFORE_DELETION, revision
from plans.tenancy_history import scope_versions
from plans.version_fields import EMPTY
from thaimuang_plan.lib import formatting

RESTORED_COMMENT = "กู้คืนจากฉบับวันที่ {date}"
RECOVERED_COMMENT = "กู้คืนรายการที่ถูกลบ จากฉบับวันที่ {date}"
RESTORED = "กู้คืน “{obj}” จากฉบับวันที่ {date} แล้ว (บันทึกเป็นฉบับใหม่ในประวัติ)"
NOTHING_TO_RESTORE = "ฉบับนี้เหมือนกับข้อมูลปัจจุบันทุกช่อง ไม่มีอะไรต้องกู้คืน"
NOT_ALLOWED = "คุณดูประวัติได้ แต่ไม่มีสิทธิ์กู้คืน (ต้องมีสิทธิ์แก้ไขรายการนี้และรายการย่อยทุกประเภทที่การกู้คืนจะเปลี่ยน)"
UNREADABLE = "เปิดฉบับนี้ไม่ได้แล้ว: โครงสร้างข้อมูลเปลี่ยนไปหลังจากบันทึกฉบับนี้ จึงกู้คืนจากฉบับนี้ไม่ได้"
STILL_EXISTS = "รายการนี้ยังไม่ถูกลบ ใช้หน้าประวัติของรายการเพื่อกู้คืนฉบับก่อนหน้าแทน"


def version_date(version: Version) -> str:
    local = timezone.localtime(version.revision.date_created)
    return f"{formatting.date(local)} {formatting.digits(local.strftime('%H:%M:%S'))} น."


def _editable(model_admin, request, obj) -> frozenset[str]:
    """The model fields an admin (or inline) form lets an editor change: shown and not read-only."""
    shown = set(flatten_fieldsets(model_admin.get_fieldsets(request, obj)))
    return frozenset(shown - set(model_admin.get_readonly_fields(request, obj)))


class HistoryAdminMixin:
    """Mixed into a reversion ``VersionAdmin``; see the module docstring."""

    restore_form_template = "admin/reversion/restore_confirm.html"

    def owned_relations(self, request) -> list[Owned]:
        """The inlines whose rows are kept in this model's history (reversion follows them)."""
        follow = set(_get_options(self.model).follow)
        result = []
        for inline_class in self.inlines:
            inline = inline_class(self.model, self.admin_site)
            fk = _get_foreign_key(self.model, inline.model, fk_name=inline.fk_name)
            if fk.remote_field.get_accessor_name() not in follow:
                continue
            label = str(inline.verbose_name_plural or inline.model._meta.verbose_name_plural)
            shows = getattr(inline, "shows_row", Owned.shows)
            result.append(Owned(inline.model, fk, label, shows, _editable(inline, request, None)))
        return result

    def _may_write(self, request, plan) -> bool:
        # Every row a restore writes is the restored row's or its children's: its organization decides.
        user = request.user
        for model, actions in plan.models_written.items():
            for action in actions:
                perm = f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"
                if not tenancy.has_perm_in(user, perm, plan.instance):
                    return False
        return True

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        version = get_object_or_404(versions, pk=version_id)
        return self._restore_view(request, version, obj, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        versions = Version.objects.get_for_model(self.model).select_related("revision__user")
        version = get_object_or_404(scope_versions(versions, request.user, self.model), pk=version_id)
        current = self.model._default_manager.filter(pk=version.object_id).first()
        if current is not None:
            messages.warning(request, STILL_EXISTS)
            return redirect(self._url("history", quote(current.pk)))
        return self._restore_view(request, version, None, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        """The deleted rows of this kind that the person could bring back: of their organizations only."""
        if not (self.has_change_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        opts = self.model._meta
        deleted = scope_versions(Version.objects.get_deleted(self.model), request.user, self.model)
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "module_name": capfirst(opts.verbose_name),
            "title": f"กู้คืน{opts.verbose_name_plural}ที่ถูกลบ",
            "deleted": self._reversion_order_version_queryset(request, deleted.select_related("revision")),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return render(request, self.recover_list_template, context)

    def log_deletions(self, request, queryset):
        rows = list(queryset)
        kept = set(
            Version.objects.get_for_model(self.model)
            .filter(object_id__in=[str(row.pk) for row in rows])
            .values_list("object_id", flat=True)
        )
        unkept = [row for row in rows if str(row.pk) not in kept]
        if unkept:
            with revision(user=request.user, comment=KEPT_BEFORE_DELETION):
                for row in unkept:
                    reversion.add_to_revision(row)
        return super().log_deletions(request, queryset)

    def _url(self, name: str, *args) -> str:
        opts = self.model._meta
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args)

    def _allowed(self, request, obj, plan) -> bool:
        if obj is None:
            # The row as it would come back, so that a rule about whose row it is (its edition) can apply.
            allowed = self.has_add_permission(request) and self.has_change_permission(request, plan.instance)
        else:
            allowed = self.has_change_permission(request, obj)
        return allowed and self._may_write(request, plan)

    def _restore_view(self, request, version, obj, extra_context):
        owned = self.owned_relations(request)
        editable = _editable(self, request, obj)
        try:
            plan = restore_plan(version, owned=owned, editable=editable)
        except RevertError:  # stored before a change to the model that its data no longer fits
            messages.error(request, UNREADABLE)
            return redirect(self._url("history", quote(obj.pk)) if obj is not None else self._url("recoverlist"))
        if not self.has_view_or_change_permission(request, obj if obj is not None else plan.instance):
            raise Http404  # a deleted row of another organization: as if there were no such version
        errors: list[str] = []
        if request.method == "POST":
            if not self._allowed(request, obj, plan):
                raise PermissionDenied
            with transaction.atomic(using=router.db_for_write(self.model)):
                # Lock the row, then read it again: two restores (or a restore and a save) cannot both pass.
                if obj is not None:
                    self.model._default_manager.select_for_update().filter(pk=obj.pk).first()
                plan = restore_plan(version, owned=owned, editable=editable)
                if request.POST.get(LOCK_FIELD, "") != plan.token:
                    errors = [STALE_SAVE]
                elif not plan.changes_anything:
                    errors = [NOTHING_TO_RESTORE]
                else:
                    try:
                        restored = self._apply(request, plan, version)
                    except RestoreRefused as refused:
                        errors = refused.messages
                    else:
                        self.message_user(
                            request, RESTORED.format(obj=restored, date=version_date(version)), messages.SUCCESS
                        )
                        return redirect(self._url("change", quote(restored.pk)))
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "original": obj,
            "object_id": quote(obj.pk) if obj is not None else None,
            "version": version,
            "version_date": version_date(version),
            "plan": plan,
            "errors": errors,
            "may_restore": self._allowed(request, obj, plan),
            "not_allowed": NOT_ALLOWED,
            "nothing_to_restore": NOTHING_TO_RESTORE,
            "empty": EMPTY,
            "lock_field": LOCK_FIELD,
            "title": f"{'กู้คืนรายการที่ถูกลบ' if obj is None else 'กู้คืนฉบับก่อนหน้า'}: {version.object_repr}",
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.restore_form_template, context, )

    def _apply(self, request, plan, version):
        comment = (RECOVERED_COMMENT if plan.is_recover else RESTORED_COMMENT).format(date=version_date(version))
        with self.create_revision(request):
            if plan.removals:
                # Removed rows keep no version of their removal; the admin's log records it for the audit.
                LogEntry.objects.log_actions(request.user.pk, plan.removals, DELETION, change_message=comment)
            restored = plan.apply()
            # VersionAdmin's log_* also make the log entry's message the revision's comment.
            if plan.is_recover:
                self.log_addition(request, restored, comment)
            else:
                self.log_change(request, restored, comment)
        return restored
