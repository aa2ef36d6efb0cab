"""The filters of the portal-wide history: person, date range (พ.ศ.), kind of object, edition."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.contrib.admin.models import DELETION
from django.contrib.auth import get_user_model
from django.db.models import Q

from audit.selectors import visible_models
from plans import tenancy
from plans.models import Edition
from thaimuang_plan.lib.thai import ce_year, to_arabic_digits

NOT_A_DATE = "กรุณากรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น ๑/๑๐/๒๕๖๓ (เลขไทยหรือเลขอารบิกก็ได้)"
DATES_REVERSED = "วันที่เริ่มต้องไม่หลังวันที่สิ้นสุด"
ALL = ""


class BuddhistDateField(forms.CharField):
    """A day typed as d/m/yyyy with a Buddhist Era year, in Thai or Arabic digits."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            widget=forms.TextInput(attrs={"placeholder": "วว/ดด/ปปปป", "size": 12, "inputmode": "numeric"}),
            **kwargs,
        )

    def to_python(self, value):
        text = to_arabic_digits(super().to_python(value) or "").strip()
        if not text:
            return None
        match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
        if not match:
            raise forms.ValidationError(NOT_A_DATE, code="invalid")
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(ce_year(year), month, day)
        except ValueError:
            raise forms.ValidationError(NOT_A_DATE, code="invalid") from None


def _label(model) -> str:
    return str(model._meta.verbose_name_plural)


class HistoryFilterForm(forms.Form):
    person = forms.ModelChoiceField(queryset=get_user_model().objects.none(), required=False, label="ผู้แก้ไข",
                                    empty_label="ทุกคน")
    date_from = BuddhistDateField(label="ตั้งแต่วันที่")
    date_to = BuddhistDateField(label="ถึงวันที่")
    kind = forms.ChoiceField(required=False, label="ประเภทรายการ")
    edition = forms.ModelChoiceField(queryset=Edition.objects.none(), required=False, label="แผน (ฉบับ)",
                                     empty_label="ทุกฉบับ")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.models = {model._meta.label_lower: model for model in visible_models(user)}
        self.fields["kind"].choices = [(ALL, "ทุกประเภท")] + [(key, _label(m)) for key, m in self.models.items()]
        people = get_user_model().objects.filter(Q(revision__isnull=False) | Q(logentry__action_flag=DELETION))
        if not tenancy.is_host(user):
            # The people of one's own organizations (and oneself), not the names of everyone on the host.
            people = people.filter(Q(memberships__organization__in=tenancy.organization_ids(user)) | Q(pk=user.pk))
        self.fields["person"].queryset = people.distinct().order_by("username")
        self.fields["person"].label_from_instance = lambda u: (
            f"{u.get_username()} ({u.get_full_name()})" if u.get_full_name() else u.get_username()
        )
        self.fields["edition"].queryset = tenancy.scope(
            Edition.objects.select_related("organization"), user
        ).order_by("-start_year")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", DATES_REVERSED)
        return cleaned

    def filters(self) -> dict:
        """Keyword arguments for ``audit.selectors.entries`` (call after ``is_valid``)."""
        data = self.cleaned_data
        kind = data.get("kind")
        return {
            "person": data.get("person"),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "models_": [self.models[kind]] if kind else None,
            "edition": data.get("edition"),
        }
