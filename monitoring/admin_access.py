"""Who may open and record a round's screens (entry, results, spreadsheet, publishing): one place.

A round of an organization the person does not belong to is a 404, as if it did not exist;
in their own organization their role there decides (plans.tenancy): the committee records,
the working group reads.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from monitoring.models import EvaluationRound
from plans import tenancy


def round_for(request, pk) -> EvaluationRound:
    """The round at ``pk`` if it is of one of the person's organizations, else 404."""
    rounds = tenancy.scope(EvaluationRound.objects.select_related("edition"), request.user)
    return get_object_or_404(rounds, pk=pk)


def may_record(user, record_model, round: EvaluationRound) -> bool:
    """Whether ``user`` may add and change ``record_model`` rows (progress, results) of this round."""
    return all(tenancy.has_perm_in(user, tenancy.perm_name(record_model, a), round) for a in ("add", "change"))


def check_may_see(user, record_model, round: EvaluationRound) -> bool:
    """PermissionDenied unless ``user`` may see this round's ``record_model`` rows; returns may_record."""
    can_record = may_record(user, record_model, round)
    if not (can_record or any(tenancy.has_perm_in(user, p, round) for p in tenancy.view_perms(record_model))):
        raise PermissionDenied
    return can_record
