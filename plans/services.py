"""Writes that span several rows of a plan: publishing and removing sample content."""

import reversion
from django.db import transaction
from django.utils import timezone

from plans.models import Block, Edition, ImportFlag, SwotItem

ALREADY_PUBLISHED = "แผนฉบับนี้เผยแพร่อยู่แล้ว"


@transaction.atomic
def edition_publish(*, edition: Edition, user=None) -> Edition:
    """Publish an edition in one step; the edition published before it stays public as archived."""
    if edition.status == Edition.Status.PUBLISHED:
        raise ValueError(ALREADY_PUBLISHED)
    with reversion.create_revision():
        for older in Edition.objects.filter(
            organization=edition.organization, status=Edition.Status.PUBLISHED
        ).exclude(pk=edition.pk):
            older.status = Edition.Status.ARCHIVED
            older.save(update_fields=["status", "updated_at"])
        edition.status = Edition.Status.PUBLISHED
        edition.published_at = timezone.now()
        edition.full_clean()
        edition.save(update_fields=["status", "published_at", "updated_at"])
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment("เผยแพร่แผน")
    return edition


@transaction.atomic
def edition_unpublish(*, edition: Edition, user=None) -> Edition:
    """Take an edition back to draft: residents stop seeing it at once."""
    with reversion.create_revision():
        edition.status = Edition.Status.DRAFT
        edition.save(update_fields=["status", "updated_at"])
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment("ยกเลิกการเผยแพร่")
    return edition


@transaction.atomic
def sample_remove(*, edition: Edition | None = None) -> dict[str, int]:
    """Delete every row marked as sample (in one edition, or everywhere). Returns counts per model."""
    from monitoring.models import Committee, EvaluationMethod, EvaluationRound, IndicatorResult, ScheduleRound
    from projects.models import Project, Unit
    from strategies.models import Framework

    counts = {}
    for model, edition_path in [
        (EvaluationRound, "edition"),
        (IndicatorResult, "indicator__framework__edition"),
        (Project, "edition"),
        (Committee, "edition"),
        (EvaluationMethod, "edition"),
        (ScheduleRound, "edition"),
        (SwotItem, "edition"),
        (Block, "section__edition"),
        (Framework, "edition"),
        (ImportFlag, "edition"),
    ]:
        qs = model.objects.filter(is_sample=True)
        if edition is not None:
            qs = qs.filter(**{edition_path: edition})
        counts[model._meta.verbose_name_plural] = qs.count()
        qs.delete()
    # Units belong to the organization, not to an edition: a sample unit goes
    # once no project (real or sample, in any edition) names it any more.
    units = Unit.objects.filter(is_sample=True, projects__isnull=True)
    counts[Unit._meta.verbose_name_plural] = units.count()
    units.delete()
    return counts
