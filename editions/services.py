"""Writes over a plan's life: start a revision, publish with checks, withdraw, start the next plan.

Each runs in one transaction and one reversion revision, and records the
status change it makes (``EditionStatusChange``), so an edition's history of
publication can always be read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from editions.checks import CheckReport, run_checks
from editions.copy import DOCUMENT_PARTS, PARTS, copy_edition
from plans import revisions
from plans.models import Edition, EditionStatusChange
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Indicator, IndicatorTarget
from thaimuang_plan.lib.formatting import digits

REVISE_ONLY_PUBLISHED = "จัดทำฉบับแก้ไขได้จากแผนที่เผยแพร่อยู่เท่านั้น"
DRAFT_REVISION_EXISTS = "มีฉบับร่าง “{draft}” ของช่วงปีนี้อยู่แล้ว แก้ไขฉบับร่างนั้นต่อ หรือลบก่อนเริ่มฉบับใหม่"
REVISION_KIND_REQUIRED = "เลือกประเภทของฉบับ (แก้ไข เพิ่มเติม หรือเปลี่ยนแปลง)"
APPROVAL_REQUIRED = "ระบุมติหรือคำสั่งที่อนุมัติ และวันที่อนุมัติ"
ALREADY_PUBLISHED = "แผนฉบับนี้เผยแพร่อยู่แล้ว"
BLOCKED = "ยังเผยแพร่ไม่ได้: ต้องแก้ไข {count} เรื่องก่อน ({titles})"
NOT_ACKNOWLEDGED = "ยืนยันว่าได้ตรวจเรื่องต่อไปนี้แล้ว: {titles}"
CHECKS_CHANGED = "ผลการตรวจเปลี่ยนไประหว่างที่เปิดหน้านี้ (มีผู้แก้ไขแผน) ตรวจรายการด้านล่างอีกครั้งแล้วยืนยัน"
WITHDRAW_ONLY_PUBLIC = "ยกเลิกการเผยแพร่ได้เฉพาะแผนที่ประชาชนเห็นอยู่ (เผยแพร่แล้วหรือฉบับเก่า)"
WITHDRAW_REASON_REQUIRED = "ระบุเหตุผลที่ยกเลิกการเผยแพร่ ประชาชนจะเห็นเหตุผลนี้"
NEXT_PLAN_MUST_BE_LATER = "ช่วงปีของแผนใหม่ต้องเริ่มหลังปีสุดท้ายของแผนเดิม ({end})"
NEXT_PLAN_YEARS_TWICE = "ปี {year} ของแผนใหม่ถูกเลือกให้กับปีของแผนเดิมมากกว่าหนึ่งปี"
NEXT_PLAN_YEAR_OUTSIDE = "ปี {year} อยู่นอกช่วงปีของแผนใหม่"


class PublishRefused(Exception):
    def __init__(self, message: str, report: CheckReport):
        super().__init__(message)
        self.message = message
        self.report = report


def _record(edition: Edition, old_status: str, *, user=None, note: str = "", at=None) -> None:
    EditionStatusChange.objects.create(
        edition=edition,
        from_status=old_status,
        to_status=edition.status,
        changed_by=user if user is not None and user.is_authenticated else None,
        changed_at=at or timezone.now(),
        note=note,
    )


@transaction.atomic
def revision_start(
    *, edition: Edition, kind: str, approval_reference: str, approved_on: dt.date | None, user=None, is_sample=False
) -> Edition:
    """A draft revision of the published ``edition``: a full copy that editors change freely;
    residents keep seeing ``edition`` until the revision is published."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status != Edition.Status.PUBLISHED:
        raise ValidationError(REVISE_ONLY_PUBLISHED)
    if kind not in Edition.RevisionKind.values or kind == Edition.RevisionKind.ORIGINAL:
        raise ValidationError(REVISION_KIND_REQUIRED)
    if not approval_reference.strip() or approved_on is None:
        raise ValidationError(APPROVAL_REQUIRED)
    same_period = Edition.objects.filter(
        organization=edition.organization, start_year=edition.start_year, end_year=edition.end_year
    )
    draft = same_period.filter(status=Edition.Status.DRAFT).first()
    if draft is not None:
        raise ValidationError(DRAFT_REVISION_EXISTS.format(draft=draft))
    number = (same_period.aggregate(n=Max("revision_number"))["n"] or 0) + 1
    revision = Edition(
        organization=edition.organization,
        title=edition.title,
        start_year=edition.start_year,
        end_year=edition.end_year,
        foreword_signatory=edition.foreword_signatory,
        source_name=edition.source_name,
        source_sha256=edition.source_sha256,
        revision_kind=kind,
        revision_number=number,
        approval_reference=approval_reference.strip(),
        approved_on=approved_on,
        based_on=edition,
        is_sample=is_sample or edition.is_sample,
    )
    with revisions.revision(user=user, comment=f"จัดทำ{revision.revision_label}จาก{edition.edition_label}"):
        revision.full_clean()
        revision.save()
        copy_edition(source=edition, target=revision)
        _record(revision, "", user=user, note=f"จัดทำจาก{edition.edition_label}")
    return revision


@transaction.atomic
def edition_publish(
    *,
    edition: Edition,
    user=None,
    acknowledged: Collection[str] = (),
    fingerprint: str | None = None,
) -> Edition:
    """Publish ``edition`` in place of the organization's published one, in one transaction.

    Refused (``PublishRefused``) while a blocking check finds something, or while a warning
    check that finds something is not in ``acknowledged``; with ``fingerprint``, also when
    the findings differ from those the editor saw. The replaced edition stays public, archived,
    at its permanent address. The first publication date is kept when publishing again.
    """
    organization_editions = Edition.objects.select_for_update().filter(organization_id=edition.organization_id)
    locked = {e.pk: e for e in organization_editions}
    edition = locked[edition.pk]
    if edition.status == Edition.Status.PUBLISHED:
        raise ValidationError(ALREADY_PUBLISHED)
    report = run_checks(edition)
    if fingerprint is not None and fingerprint != report.fingerprint:
        raise PublishRefused(CHECKS_CHANGED, report)
    if report.blocking:
        titles = ", ".join(r.check.title for r in report.blocking)
        raise PublishRefused(BLOCKED.format(count=digits(len(report.blocking)), titles=titles), report)
    missing = [r.check.title for r in report.warnings if r.code not in acknowledged]
    if missing:
        raise PublishRefused(NOT_ACKNOWLEDGED.format(titles=", ".join(missing)), report)
    now = timezone.now()
    with revisions.revision(user=user, comment="เผยแพร่แผน"):
        for older in locked.values():
            if older.pk != edition.pk and older.status == Edition.Status.PUBLISHED:
                older.status = Edition.Status.ARCHIVED
                older.save(update_fields=["status", "updated_at"])
                _record(older, Edition.Status.PUBLISHED, user=user, at=now, note=f"แทนที่ด้วย{_name(edition)}")
        old_status = edition.status
        edition.status = Edition.Status.PUBLISHED
        edition.published_at = edition.published_at or now
        edition.withdrawn_at = None
        edition.withdrawal_reason = ""
        edition.full_clean()
        edition.save(update_fields=["status", "published_at", "withdrawn_at", "withdrawal_reason", "updated_at"])
        acknowledged_titles = ", ".join(r.check.title for r in report.warnings)
        _record(edition, old_status, user=user, at=now, note=f"ยืนยันแล้ว: {acknowledged_titles}" if acknowledged_titles else "")
    return edition


def edition_publish_as_told(*, edition: Edition, user=None) -> Edition:
    """For commands told to publish (``import_plan --publish``, ``load_demo``): the warnings are
    taken as acknowledged, since the person gave the order knowingly; blocking problems still refuse."""
    return edition_publish(edition=edition, user=user, acknowledged=run_checks(edition).warning_codes)


def _name(edition: Edition) -> str:
    return f" {edition} "


@transaction.atomic
def edition_withdraw(*, edition: Edition, reason: str, user=None) -> Edition:
    """Stop showing ``edition`` to residents; its addresses then say when and why, publicly."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if not edition.is_public:
        raise ValidationError(WITHDRAW_ONLY_PUBLIC)
    if not reason.strip():
        raise ValidationError(WITHDRAW_REASON_REQUIRED)
    with revisions.revision(user=user, comment="ยกเลิกการเผยแพร่"):
        old_status = edition.status
        edition.status = Edition.Status.WITHDRAWN
        edition.withdrawn_at = timezone.now()
        edition.withdrawal_reason = reason.strip()
        edition.save(update_fields=["status", "withdrawn_at", "withdrawal_reason", "updated_at"])
        _record(edition, old_status, user=user, at=edition.withdrawn_at, note=edition.withdrawal_reason)
    return edition


def default_year_map(edition: Edition, start_year: int, end_year: int) -> dict[int, int | None]:
    """Each year of ``edition`` to the year in the same place of the new period, or None past its end."""
    new_years = list(range(start_year, end_year + 1))
    return {year: (new_years[i] if i < len(new_years) else None) for i, year in enumerate(edition.years)}


@transaction.atomic
def next_plan_start(
    *,
    edition: Edition,
    title: str,
    start_year: int,
    end_year: int,
    year_map: dict[int, int | None],
    project_numbers: Collection[int],
    copy_document: bool,
    user=None,
) -> Edition:
    """A draft plan for a later period, started from ``edition``.

    Its frameworks, strategies, goals, tactics and indicators are copied. Targets and
    budgets move to the year ``year_map`` gives for their year (left out where it gives
    None); frameworks that span the old plan's period get the new period, others keep
    theirs (they are other bodies' plans). Only the projects in ``project_numbers`` are
    carried over. With ``copy_document`` the chapters, SWOT and evaluation methods come too.
    """
    if start_year <= edition.end_year:
        raise ValidationError(NEXT_PLAN_MUST_BE_LATER.format(end=edition.end_year))
    chosen = [y for y in year_map.values() if y is not None]
    for year in chosen:
        if not start_year <= year <= end_year:
            raise ValidationError(NEXT_PLAN_YEAR_OUTSIDE.format(year=year))
        if chosen.count(year) > 1:
            raise ValidationError(NEXT_PLAN_YEARS_TWICE.format(year=year))
    carried = set(project_numbers)
    own_period = Q(start_year=edition.start_year, end_year=edition.end_year) | Q(start_year__isnull=True)
    moved_frameworks = set(Framework.objects.filter(own_period, edition=edition).values_list("pk", flat=True))
    moved_indicators = set(
        Indicator.objects.filter(framework__in=moved_frameworks).values_list("pk", flat=True)
    )

    def moved_year(copy, attr):
        new_year = year_map.get(getattr(copy, attr), getattr(copy, attr))
        if new_year is None:
            return None
        setattr(copy, attr, new_year)
        return copy

    def adjust(original, copy):
        if isinstance(original, Framework) and original.pk in moved_frameworks and original.start_year:
            copy.start_year, copy.end_year = start_year, end_year
        elif isinstance(original, Project):
            if original.number not in carried:
                return None
            copy.status = Project.Status.PLANNED
        elif isinstance(original, IndicatorTarget) and original.indicator_id in moved_indicators:
            return moved_year(copy, "year")
        elif isinstance(original, ProjectBudget):
            return moved_year(copy, "fiscal_year")
        return copy

    parts = [p for p in PARTS if copy_document or p.model not in DOCUMENT_PARTS]
    # The committee has its own term and the import flags are about the old source file.
    parts = [p for p in parts if p.model._meta.model_name not in {"committee", "committeemember", "importflag"}]
    with revisions.revision(user=user, comment=f"เริ่มแผนใหม่จาก{_name(edition)}"):
        new = Edition(
            organization=edition.organization,
            title=title.strip(),
            start_year=start_year,
            end_year=end_year,
            foreword_signatory=edition.foreword_signatory if copy_document else "",
            based_on=edition,
        )
        new.full_clean()
        new.save()
        copy_edition(source=edition, target=new, parts=parts, adjust=adjust)
        _record(new, "", user=user, note=f"เริ่มจาก{_name(edition)}")
    return new
