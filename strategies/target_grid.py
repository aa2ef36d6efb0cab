"""A framework's indicator targets as the plan prints them: one row per indicator, the years across.

Each cell is the target as printed ("๒ ครั้ง", "๘๐ %", "-"); the number is read
from it (``leading_number``). An emptied cell removes that year's target; the
history keeps it (one revision for the whole grid). A grid opened before
someone else saved is refused with the typed cells kept.
"""

from __future__ import annotations

import reversion
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from plans import tenancy
from plans.forms import STALE_SAVE, token_of
from plans.revisions import revision
from strategies.models import Framework, Indicator, IndicatorTarget
from thaimuang_plan.lib.formatting import digits
from thaimuang_plan.lib.thai import leading_number

GRID_SAVED = "บันทึกค่าเป้าหมายแล้ว: เพิ่ม {added} แก้ไข {changed} ลบ {removed} ช่อง"
GRID_UNCHANGED = "ไม่มีค่าเป้าหมายที่เปลี่ยน"
NO_PERIOD = "กรอบยุทธศาสตร์นี้ยังไม่มีช่วงปี กรอกปีเริ่มต้นและปีสิ้นสุดก่อน แล้วจึงกรอกค่าเป้าหมายรายปี"
TOO_LONG = "ยาวเกิน ๕๐ ตัวอักษร"


class Cell:
    def __init__(self, indicator, year, target, typed=None):
        self.indicator, self.year, self.target = indicator, year, target
        self.name = f"t{indicator.pk}-{year}"
        self.value = typed if typed is not None else (target.text if target else "")
        self.error = TOO_LONG if len(self.value) > 50 else ""

    @property
    def label(self) -> str:
        return (
            f"ค่าเป้าหมายปี {digits(self.year)} ตัวชี้วัด {self.indicator.number} {self.indicator.name[:60]}".strip()
        )


def _indicators(framework):
    return list(
        Indicator.objects.filter(framework=framework)
        .select_related("strategy")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")))
        .order_by("strategy__order", "order", "pk")
    )


def _token(framework) -> str:
    latest = IndicatorTarget.objects.filter(indicator__framework=framework).aggregate(at=Max("updated_at"))[
        "at"
    ]
    return token_of(latest)


def grid_rows(framework, indicators, data=None):
    rows = []
    for indicator in indicators:
        by_year = {t.year: t for t in indicator.targets.all()}
        cells = []
        for year in framework.years:
            typed = None if data is None else data.get(f"t{indicator.pk}-{year}", "").strip()
            cells.append(Cell(indicator, year, by_year.get(year), typed))
        rows.append((indicator, cells))
    return rows


def grid_save(*, framework, rows, user=None) -> tuple[int, int, int]:
    """Create, change and delete targets to match the cells; one history entry."""
    added = changed = removed = 0
    with transaction.atomic(), revision(user=user, comment=f"แก้ค่าเป้าหมายรายปีของ “{framework}” ในตาราง"):
        for indicator, cells in rows:
            touched = False
            for cell in cells:
                text, target = cell.value, cell.target
                if not text and target is not None:
                    target.delete()
                    removed += 1
                    touched = True
                elif text and target is None:
                    IndicatorTarget.objects.create(
                        indicator=indicator, year=cell.year, text=text, value=leading_number(text)
                    )
                    added += 1
                    touched = True
                elif text and target.text != text:
                    target.text, target.value = text, leading_number(text)
                    target.save(update_fields=["text", "value", "updated_at"])
                    changed += 1
                    touched = True
            if touched:
                reversion.add_to_revision(indicator)
    return added, changed, removed


def target_grid_view(model_admin, request, pk):
    # Another organization's framework is a 404; in one's own, the role held there decides.
    framework = get_object_or_404(tenancy.scope(Framework.objects.all(), request.user), pk=pk)
    user = request.user
    can_change = all(
        tenancy.has_perm_in(user, f"strategies.{a}_indicatortarget", framework) for a in ("add", "change", "delete")
    )
    if not tenancy.has_perm_in(user, "strategies.view_indicatortarget", framework):
        raise PermissionDenied
    indicators = _indicators(framework)
    stale = False
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        with transaction.atomic():
            list(
                IndicatorTarget.objects.select_for_update()
                .filter(indicator__framework=framework)
                .values_list("pk")
            )
            rows = grid_rows(framework, indicators, request.POST)
            stale = request.POST.get("lock_token", "") != _token(framework)
            has_errors = any(cell.error for _indicator, cells in rows for cell in cells)
            if not stale and not has_errors and framework.years:
                added, changed, removed = grid_save(framework=framework, rows=rows, user=user)
                if added or changed or removed:
                    text = GRID_SAVED.format(
                        added=digits(added), changed=digits(changed), removed=digits(removed)
                    )
                    model_admin.message_user(request, text, messages.SUCCESS)
                else:
                    model_admin.message_user(request, GRID_UNCHANGED, messages.INFO)
                return redirect("admin:strategies_framework_targets", framework.pk)
        messages.error(request, STALE_SAVE if stale else "ยังไม่ได้บันทึก: มีช่องที่ผิด (ทำเครื่องหมายไว้ด้านล่าง)")
        token = request.POST.get("lock_token", "")
    else:
        rows = grid_rows(framework, indicators)
        token = _token(framework)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": framework,
        "framework": framework,
        "years": framework.years,
        "rows": rows,
        "lock_token": token,
        "can_change": can_change,
        "no_period": NO_PERIOD if not framework.years else "",
        "title": f"ค่าเป้าหมายรายปีของตัวชี้วัด: {framework}",
        "has_view_permission": True,
    }
    return TemplateResponse(request, "admin/strategies/target_grid.html", context)
