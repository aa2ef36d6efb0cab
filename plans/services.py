"""Writes that span several rows of a plan: publishing and unpublishing an edition."""

import reversion
from django.db import transaction
from django.utils import timezone

from plans.models import Edition

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
