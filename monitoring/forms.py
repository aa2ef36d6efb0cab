"""The one-screen entry of a round: one row per project of the fiscal year.

``RoundEntry`` holds one ``ProgressRowForm`` per project. It is valid only
when every row is; then ``records()`` gives the rows to save together (a row
left untouched for a project without a record is skipped, so the project
stays visibly "missing" instead of gaining a made-up "not started").
"""

from __future__ import annotations

from django import forms

from monitoring.models import EvaluationRound, ProjectProgress
from monitoring.warnings import over_plan
from plans.forms import PlanContentForm, ThaiDecimalField, ThaiIntegerField, ThaiNumberInput
from thaimuang_plan.lib.formatting import baht, digits, project_label

CHOOSE_STATUS = "กรุณาเลือกสถานะของโครงการนี้ (หรือล้างช่องอื่นในแถวนี้ถ้ายังไม่ต้องการบันทึก)"
CANNOT_CLEAR_STATUS = "โครงการนี้บันทึกผลไว้แล้ว ต้องเลือกสถานะ (ลบผลได้ที่หน้ารายการผลการดำเนินงาน)"
PERCENT_RANGE = "ความก้าวหน้าต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"
SPENT_NEGATIVE = "งบประมาณที่ใช้ไปต้องไม่ติดลบ"
ROWS_HAVE_ERRORS = "ยังไม่ได้บันทึกแถวใดเลย: มีข้อผิดพลาด {count} แถว (ทำเครื่องหมายไว้ด้านล่าง) แก้ไขแล้วกดบันทึกอีกครั้ง"
NOT_RECORDED = "— ยังไม่บันทึก —"

ROW_FIELDS = ["status", "percent_done", "budget_spent", "outputs", "problems", "next_steps", "overspend_reason"]
NOTE_FIELDS = ["outputs", "problems", "next_steps", "overspend_reason"]


class ProgressRowForm(PlanContentForm):
    status = forms.ChoiceField(
        label="สถานะ", required=False, choices=[("", NOT_RECORDED), *ProjectProgress.Status.choices]
    )
    percent_done = ThaiIntegerField(
        label="ร้อยละที่ทำได้",
        required=False,
        min_value=0,
        max_value=100,
        error_messages={"min_value": PERCENT_RANGE, "max_value": PERCENT_RANGE},
        widget=ThaiNumberInput(attrs={"size": 4}),
    )
    budget_spent = ThaiDecimalField(
        label="ใช้งบไปแล้ว (บาท)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={"min_value": SPENT_NEGATIVE},
        widget=ThaiNumberInput(attrs={"size": 12}, inputmode="decimal"),
    )
    # The grids read their records under lock (monitoring/admin_rounds.py, spreadsheet_views.py).
    instance_read_under_lock = True

    class Meta:
        model = ProjectProgress
        fields = ROW_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 2, "cols": 24}) for name in NOTE_FIELDS}

    def __init__(self, *args, project, planned, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.planned = planned
        if self.instance.pk is not None:
            # Shown as the portal writes numbers (๖๐,๐๐๐); the fields read them back.
            self.initial.update(
                percent_done=digits(self.instance.percent_done), budget_spent=baht(self.instance.budget_spent)
            )
        else:
            # A project without a record shows an empty row, not the model's defaults.
            self.initial.update(status="", percent_done=None, budget_spent=None)
        for name in ROW_FIELDS:
            # Labels are the table's column headers; each input names its project for screen readers.
            self.fields[name].widget.attrs["aria-label"] = (
                f"{self.fields[name].label} {project_label(project.number)}"
            )

    @property
    def numbers(self):
        return [self[name] for name in ("status", "percent_done", "budget_spent")]

    @property
    def notes(self):
        return [self[name] for name in NOTE_FIELDS]

    @property
    def over_plan(self) -> str | None:
        """The warning when this row's spending is over the plan's budget for the year (never a refusal)."""
        if self.is_bound and hasattr(self, "cleaned_data"):
            spent = self.cleaned_data.get("budget_spent")
        elif self.is_bound:
            spent = None
        else:
            spent = self.instance.budget_spent if self.is_stored else None
        return over_plan(spent, self.planned)

    @property
    def needs_reason(self) -> bool:
        reason = self.cleaned_data.get("overspend_reason") if hasattr(self, "cleaned_data") else self.instance.overspend_reason
        return bool(self.over_plan) and not (reason or "").strip()

    @property
    def is_stored(self) -> bool:
        return self.instance.pk is not None

    def is_blank(self) -> bool:
        """Nothing typed in a row of a project without a record."""
        data = self.cleaned_data
        return not data.get("status") and not any(
            data.get(name) not in (None, "") for name in ROW_FIELDS if name != "status"
        )

    def clean(self):
        cleaned = super().clean()  # the lock first: a stale row is refused before anything else
        if not cleaned.get("status"):
            if self.is_stored:
                self.add_error("status", CANNOT_CLEAR_STATUS)
            elif not self.is_blank():
                self.add_error("status", CHOOSE_STATUS)
            return cleaned
        # Sensible defaults for what a committee member leaves empty.
        if cleaned.get("percent_done") is None:
            status = cleaned["status"]
            cleaned["percent_done"] = 100 if status == ProjectProgress.Status.DONE else 0
            self.instance.percent_done = cleaned["percent_done"]
        if cleaned.get("budget_spent") is None:
            cleaned["budget_spent"] = 0
            self.instance.budget_spent = 0
        return cleaned

    def _post_clean(self):
        # A blank row is not a record: skip the model validation that would reject it.
        if getattr(self, "cleaned_data", None) is not None and not self.is_stored and self.is_blank():
            return
        super()._post_clean()


class RoundEntry:
    """Every project of a round's fiscal year as one form each, validated and saved together."""

    def __init__(self, *, round: EvaluationRound, projects, records, data=None):
        by_project = {record.project_id: record for record in records}
        self.round = round
        self.rows = []
        for project in projects:
            instance = by_project.get(project.pk) or ProjectProgress(round=round, project=project)
            instance.round = round
            instance.project = project
            self.rows.append(
                ProgressRowForm(
                    data,
                    instance=instance,
                    prefix=f"p{project.pk}",
                    project=project,
                    planned=getattr(project, "planned_in_year", None),
                )
            )

    def is_valid(self) -> bool:
        # Validate every row (no short-circuit), so that all wrong rows are marked at once.
        return all([row.is_valid() for row in self.rows])

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def error_message(self) -> str:
        return ROWS_HAVE_ERRORS.format(count=digits(self.error_count))

    def over_plan_rows(self) -> list[ProgressRowForm]:
        """Rows (after ``is_valid``) that record spending over the plan: saved, with a warning."""
        return [row for row in self.rows if (row.is_stored or not row.is_blank()) and row.over_plan]

    def records(self) -> list[ProjectProgress]:
        """The records to save (call after ``is_valid``): stored rows and rows filled in."""
        return [row.instance for row in self.rows if row.is_stored or not row.is_blank()]
