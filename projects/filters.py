"""Filters of the public project inventory (django-filter, submitted by GET)."""

import django_filters
from django.conf import settings
from django.db.models import Q

from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, Strategy
from thaimuang_plan.lib.thai import format_year

from .tables import portal_digits


class ProjectFilter(django_filters.FilterSet):
    strategy = django_filters.ModelChoiceFilter(
        label="ยุทธศาสตร์", queryset=Strategy.objects.none(), empty_label="ทุกยุทธศาสตร์"
    )
    fiscal_year = django_filters.ChoiceFilter(
        label="ปีงบประมาณ", method="filter_fiscal_year", empty_label="ทุกปี"
    )
    unit = django_filters.ModelChoiceFilter(
        label="หน่วยงานรับผิดชอบ", queryset=Unit.objects.none(), empty_label="ทุกหน่วยงาน"
    )
    status = django_filters.ChoiceFilter(label="สถานะ", choices=Project.Status.choices, empty_label="ทุกสถานะ")

    class Meta:
        model = Project
        fields = ["strategy", "fiscal_year", "unit", "status"]

    def __init__(self, data=None, *args, edition, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.edition = edition
        strategy_field = self.form.fields["strategy"]
        strategy_field.queryset = Strategy.objects.filter(
            framework__edition=edition, framework__kind=Framework.Kind.IT_PLAN
        ).order_by("order", "number")
        strategy_field.label_from_instance = lambda s: f"ยุทธศาสตร์ที่ {portal_digits(s.number)} {s.title[:70]}"
        self.form.fields["unit"].queryset = Unit.objects.filter(organization=edition.organization_id)
        self.form.fields["fiscal_year"].choices = [("", "ทุกปี")] + [
            (str(y), "พ.ศ. " + format_year(y, digits=settings.PORTAL_DIGITS)) for y in edition.years
        ]

    def filter_fiscal_year(self, queryset, name, value):
        # A subquery rather than a join, so the per-year budget sums are not multiplied.
        with_budget = ProjectBudget.objects.filter(fiscal_year=int(value)).values("project_id")
        return queryset.filter(Q(pk__in=with_budget))
