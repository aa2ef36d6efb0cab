"""Writes of the monitoring committee that span several rows: publishing a round, saving its entry screen."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from monitoring.models import EvaluationRound, ProjectProgress
from plans.revisions import revision

ALREADY_PUBLISHED = "ผลการติดตามรอบนี้เผยแพร่แล้ว"
NOTHING_TO_PUBLISH = "รอบนี้ยังไม่มีผลการดำเนินงานของโครงการใดเลย จึงยังเผยแพร่ไม่ได้"


class PublishError(ValueError):
    """The round cannot be published; the message is Thai and fit to show."""


@transaction.atomic
def round_publish(*, round: EvaluationRound, user=None) -> EvaluationRound:
    """Make a round's results public from now on; the time is kept as the announcement date."""
    round = EvaluationRound.objects.select_for_update().get(pk=round.pk)
    if round.published_at is not None:
        raise PublishError(ALREADY_PUBLISHED)
    if not round.progress.exists():
        raise PublishError(NOTHING_TO_PUBLISH)
    with revision(user=user, comment="เผยแพร่ผลการติดตาม"):
        round.published_at = timezone.now()
        round.save(update_fields=["published_at", "updated_at"])
    return round


@transaction.atomic
def round_progress_save(*, round: EvaluationRound, records: list[ProjectProgress], user=None) -> int:
    """Save every record of a round's entry screen in one transaction and one history entry.

    The records have been validated (``full_clean``) by the caller's forms;
    a database error on any of them rolls all of them back. Returns how many
    were saved.
    """
    with revision(user=user, comment=f"บันทึกผลการดำเนินงาน {len(records)} โครงการ"):
        for record in records:
            record.round = round
            record.save()
        # The round itself is saved too, so that its history shows the whole screen at once.
        round.save(update_fields=["updated_at"])
    return len(records)
