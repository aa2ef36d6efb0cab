"""Filters of the public project inventory (django-filter, submitted by GET)."""

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe

from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, Strategy
from thaimuang_plan.lib import formatting as fmt


class PlainSelect(forms.Select):
    """A <select> written in Python.

    Django renders every <option> through its own template; for the four short lists of
    this form that was a fifth of the project list's time. Same HTML, first match selected.
    """

    def render(self, name, value, attrs=None, renderer=None):
        wanted = set(self.format_value(value))
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            selected = option_value in wanted
            if selected:
                wanted = set()  # a single select: only the first match is selected
            # An f-string, not format_html: a plan may list a hundred strategies here.
            options.append(
                f'<option value="{escape(option_value)}"{" selected" if selected else ""}>{conditional_escape(label)}</option>'
            )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe("\n".join(options)),
        )


class ProjectFilter(django_filters.FilterSet):
    # Strategies and units are plain choices read once per request: a ModelChoiceField
    # would read them again to validate and, on PostgreSQL, through a server-side cursor.
    strategy = django_filters.ChoiceFilter(label="ยุทธศาสตร์", empty_label="ทุกยุทธศาสตร์", widget=PlainSelect)
    fiscal_year = django_filters.ChoiceFilter(
        label="ปีงบประมาณ", method="filter_fiscal_year", empty_label="ทุกปี", widget=PlainSelect
    )
    unit = django_filters.ChoiceFilter(label="หน่วยงานรับผิดชอบ", empty_label="ทุกหน่วยงาน", widget=PlainSelect)
    status = django_filters.ChoiceFilter(
        label="สถานะ", choices=Project.Status.choices, empty_label="ทุกสถานะ", widget=PlainSelect
    )

    class Meta:
        model = Project
        fields = ["strategy", "fiscal_year", "unit", "status"]

    def __init__(self, data=None, *args, edition, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.edition = edition
        # Values, not model instances: a plan may have a hundred strategies, and only these three columns show.
        strategies = Strategy.objects.filter(
            framework__edition=edition, framework__kind=Framework.Kind.IT_PLAN
        ).order_by("order", "number").values_list("pk", "number", "title")
        units = Unit.objects.filter(organization=edition.organization_id).values_list("pk", "name")
        fields = self.form.fields
        fields["strategy"].choices = [
            (str(pk), f"{fmt.strategy_label(number)} {title[:70]}") for pk, number, title in strategies
        ]
        fields["unit"].choices = [(str(pk), name) for pk, name in units]
        # django-filter puts each filter's empty_label ("ทุกปี" ...) first.
        fields["fiscal_year"].choices = [
            (str(y), "พ.ศ. " + fmt.year(y)) for y in edition.years
        ]

    def filter_fiscal_year(self, queryset, name, value):
        # A subquery rather than a join, so the per-year budget sums are not multiplied.
        with_budget = ProjectBudget.objects.filter(fiscal_year=int(value)).values("project_id")
        return queryset.filter(Q(pk__in=with_budget))
