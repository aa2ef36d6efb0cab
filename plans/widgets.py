"""Form fields and widgets for dates as Thai people type them (Buddhist-era years, Thai digits).

``ThaiDateField`` reads "31/10/2565", "๓๑/๑๐/๒๕๖๕" or "31 ต.ค. 2565" as a BE
date and stores an ordinary ``datetime.date``; ``ThaiDateInput`` shows a
stored date back as "๓๑/๑๐/๒๕๖๕" (in the portal's digits) and adds a small
calendar in Thai (static/plans/be-datepicker.js: no inline script, CSP allows it).
The admin uses them for every DateField through ``THAI_DATE_FIELDS``.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from thaimuang_plan.lib.bedates import DATE_HINT, ThaiDateError, format_be_date_input, parse_be_date


class ThaiDateInput(forms.TextInput):
    """A text box for a BE date with a Thai calendar button next to it."""

    input_type = "text"

    class Media:
        js = ["plans/be-datepicker.js"]
        css = {"all": ["plans/be-datepicker.css"]}

    def __init__(self, attrs=None):
        defaults = {
            "class": "vBEDateField",
            "size": 12,
            "placeholder": "วว/ดด/ปปปป",
            "autocomplete": "off",
            "data-be-date": "",
            "inputmode": "numeric",
        }
        super().__init__({**defaults, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The calendar writes the date back in the same digits the portal shows.
        context["widget"]["attrs"]["data-digits"] = settings.PORTAL_DIGITS
        return context

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return format_be_date_input(value, digits=settings.PORTAL_DIGITS)
        return super().format_value(value)  # what the person typed, kept on a rejected form


class ThaiDateField(forms.DateField):
    widget = ThaiDateInput

    def __init__(self, *args, **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(*args, **kwargs)
        if not self.help_text:
            self.help_text = DATE_HINT
        else:
            self.help_text = f"{self.help_text} ({DATE_HINT})"

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_be_date(str(value))
        except ThaiDateError as error:
            raise ValidationError(str(error), code="invalid") from None

    def strptime(self, value, format):  # pragma: no cover - to_python never calls it
        raise NotImplementedError


THAI_DATE_FIELDS = {models.DateField: {"form_class": ThaiDateField, "widget": ThaiDateInput}}
