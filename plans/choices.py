"""Choice lists an editor can make sense of: grouped under their framework, limited to what fits.

``GroupedModelChoiceField`` / ``GroupedModelMultipleChoiceField`` render a
queryset as <optgroup>s (or grouped check boxes) labelled by ``group_by(obj)``,
so "ยุทธศาสตร์ที่ ๑" of the IT plan cannot be mistaken for "ยุทธศาสตร์ที่ ๑"
of the DLA plan. ``FRAMEWORK_RANK`` says which frameworks stand above which,
for alignment links that may only point upwards.
"""

from django import forms
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue

# Lower is higher: Gov 4.0 above the DLA plan above the local development plan above the IT plan.
FRAMEWORK_RANK = {"gov40": 1, "dla": 2, "local_dev": 3, "other": 3, "it_plan": 4}


def framework_label(framework) -> str:
    """A framework as a group heading: its name and, when there are several plans, the plan's period."""
    label = str(framework)
    if framework.period_label:
        label += f" ({framework.period_label})"
    return label


class GroupedIterator(ModelChoiceIterator):
    """Yields (heading, [(value, label), ...]) groups instead of a flat list; evaluated lazily."""

    def __iter__(self):
        if self.field.empty_label is not None and not isinstance(self.field, forms.ModelMultipleChoiceField):
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        for obj in self.queryset:
            value = ModelChoiceIteratorValue(self.field.prepare_value(obj), obj)
            groups.setdefault(self.field.group_by(obj), []).append((value, self.field.label_of(obj)))
        yield from groups.items()

    def __len__(self):
        return self.queryset.count() + (1 if self.field.empty_label is not None else 0)


class GroupedModelChoiceField(forms.ModelChoiceField):
    iterator = GroupedIterator

    def __init__(self, queryset, *, group_by, label_of=str, **kwargs):
        self.group_by, self.label_of = group_by, label_of
        super().__init__(queryset, **kwargs)


class GroupedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = GroupedIterator

    def __init__(self, queryset, *, group_by, label_of=str, **kwargs):
        self.group_by, self.label_of = group_by, label_of
        super().__init__(queryset, **kwargs)


class LinkedSelect(forms.Select):
    """A <select> whose options follow another one: a tactic list that shows only the chosen strategy's.

    Each option carries ``data-parent`` (the id of its parent row, from
    ``parent_attr``); static/plans/linked-choices.js hides the options of other
    parents when the select named ``follows`` changes. The server checks the
    pair again, so nothing depends on the script.
    """

    class Media:
        js = ["plans/linked-choices.js"]

    def __init__(self, *, follows: str, parent_attr: str, attrs=None):
        super().__init__({**(attrs or {}), "data-follows": follows})
        self.parent_attr = parent_attr

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-parent"] = str(getattr(instance, self.parent_attr) or "")
        return option
