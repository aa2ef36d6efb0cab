"""The committee's indicator results for a round's year on one screen: every IT-plan indicator
against its target for that year, saved all together or not at all.

Results are recorded per fiscal year (``IndicatorResult``), so the two rounds
of a year show and edit the same results; the screen says so.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from monitoring.admin_access import check_may_see, round_for
from monitoring.models import EvaluationRound, IndicatorResult
from monitoring.selectors import it_plan_indicators
from plans.forms import PlanContentForm, ThaiDecimalField, ThaiNumberInput
from plans.revisions import revision
from thaimuang_plan.lib.formatting import digits
from thaimuang_plan.lib.thai import leading_number

RESULTS_SAVED = "บันทึกผลตามตัวชี้วัด {count} ตัวชี้วัดแล้ว"
RESULTS_HAVE_ERRORS = "ยังไม่ได้บันทึกผลใดเลย: มีข้อผิดพลาด {count} แถว (ทำเครื่องหมายไว้ด้านล่าง) แก้ไขแล้วกดบันทึกอีกครั้ง"
CANNOT_CLEAR = "ตัวชี้วัดนี้มีผลที่บันทึกไว้แล้ว ลบผลได้ที่หน้ารายการผลตามตัวชี้วัด"


class ResultRowForm(PlanContentForm):
    actual_value = ThaiDecimalField(
        label="ผลที่ได้ (ตัวเลข)",
        required=False,
        max_digits=14,
        decimal_places=2,
        widget=ThaiNumberInput(attrs={"size": 8}, inputmode="decimal"),
    )
    # ResultsEntry(lock=True) reads the stored results under lock in one query.
    instance_read_under_lock = True

    class Meta:
        model = IndicatorResult
        fields = ["actual_text", "actual_value", "note"]
        widgets = {
            "actual_text": forms.TextInput(attrs={"size": 10}),
            "note": forms.Textarea(attrs={"rows": 2, "cols": 24}),
        }

    def __init__(self, *args, indicator, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator, self.target = indicator, target
        for name in ("actual_text", "actual_value", "note"):
            self.fields[name].widget.attrs["aria-label"] = (
                f"{self.fields[name].label} ตัวชี้วัด {indicator.number or ''} {indicator.name[:60]}".strip()
            )

    @property
    def is_stored(self) -> bool:
        return self.instance.pk is not None

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not any(data.get(name) not in (None, "") for name in ("actual_text", "actual_value", "note"))

    def clean(self):
        cleaned = super().clean()  # the lock first: a stale row is refused before anything else
        if self.is_stored and self.is_blank():
            raise ValidationError(CANNOT_CLEAR, code="clear")
        # "๒ ครั้ง" typed as the result gives the number too, as the plan's targets do.
        if cleaned.get("actual_value") is None and cleaned.get("actual_text"):
            cleaned["actual_value"] = leading_number(cleaned["actual_text"])
            self.instance.actual_value = cleaned["actual_value"]
        return cleaned

    def _post_clean(self):
        if getattr(self, "cleaned_data", None) is not None and not self.is_stored and self.is_blank():
            return
        super()._post_clean()


class ResultsEntry:
    """One ``ResultRowForm`` per IT-plan indicator of the round's plan, for the round's fiscal year."""

    def __init__(self, *, round: EvaluationRound, data=None, lock=False):
        indicators, results = it_plan_indicators(round.edition, round.fiscal_year)
        if lock:
            results = list(IndicatorResult.objects.select_for_update().filter(pk__in=[r.pk for r in results]))
        by_indicator = {result.indicator_id: result for result in results}
        self.round = round
        self.rows = []
        for indicator in indicators:
            target = next((t for t in indicator.target_list if t.year == round.fiscal_year), None)
            instance = by_indicator.get(indicator.pk) or IndicatorResult(
                indicator=indicator, fiscal_year=round.fiscal_year
            )
            instance.indicator = indicator
            self.rows.append(
                ResultRowForm(
                    data, instance=instance, prefix=f"i{indicator.pk}", indicator=indicator, target=target
                )
            )

    def is_valid(self) -> bool:
        return all([row.is_valid() for row in self.rows])

    @property
    def error_message(self) -> str:
        return RESULTS_HAVE_ERRORS.format(count=digits(sum(1 for row in self.rows if row.errors)))

    def records(self) -> list[IndicatorResult]:
        return [row.instance for row in self.rows if row.is_stored or not row.is_blank()]


def results_save(*, records: list[IndicatorResult], user=None) -> int:
    """Save the results of the screen in one transaction and one history entry."""
    with transaction.atomic(), revision(user=user, comment=f"บันทึกผลตามตัวชี้วัด {len(records)} ตัวชี้วัด"):
        for record in records:
            record.save()
    return len(records)


def results_view(model_admin, request, pk):
    """GET: the grid; POST: validate every row, save all or none."""
    round = round_for(request, pk)
    user = request.user
    can_record = check_may_see(user, IndicatorResult, round)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        with transaction.atomic():
            entry = ResultsEntry(round=round, data=request.POST, lock=True)
            if entry.is_valid():
                saved = results_save(records=entry.records(), user=user)
                model_admin.message_user(request, RESULTS_SAVED.format(count=digits(saved)), messages.SUCCESS)
                return redirect("admin:monitoring_evaluationround_results", round.pk)
        messages.error(request, entry.error_message)
    else:
        entry = ResultsEntry(round=round)
    if not can_record:
        for row in entry.rows:
            for field in row.fields.values():
                field.disabled = True
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": round,
        "round": round,
        "entry": entry,
        "can_record": can_record,
        "title": f"บันทึกผลตามตัวชี้วัด: {round}",
        "has_view_permission": True,
    }
    return TemplateResponse(request, "monitoring/admin/results_entry.html", context)
