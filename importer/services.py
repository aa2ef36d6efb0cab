"""Importing a plan (``plan_import``) and removing what a sample import added (``sample_remove``).

Importing a plan written as plain text or as a Word file in the conventions of plan documents.

``plan_import`` reads the file into plain dataclasses (``parser.parse``, no
database), then saves them in one transaction and one reversion revision
(``writer.Writer``). Any problem with the file raises ``ImportRejected`` before
or inside that transaction, so a rejected file changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from editions.services import PublishRefused, edition_publish_as_told
from importer import report
from importer.messages import (
    IMPORT_COMMENT,
    NOT_FOUND,
    PUBLISH_REFUSED,
    SAMPLE_COMMENT,
    SAMPLE_FILE_WITHOUT_FLAG,
    ImportRejected,
)
from importer.parser import parse
from importer.structure import ParsedPlan
from importer.writer import Writer, Written
from monitoring.models import Committee, EvaluationMethod, EvaluationRound, IndicatorResult, ScheduleRound
from plans.models import Block, Edition, EditionStatusChange, ImportFlag, Organization, SwotItem
from plans.revisions import revision
from projects.models import Project, Unit
from strategies.models import Framework

__all__ = ["ImportRejected", "ImportResult", "plan_import", "read_source", "sample_remove"]


@dataclass
class ImportResult:
    plan: ParsedPlan
    written: Written

    @property
    def edition(self) -> Edition:
        return self.written.edition

    def report(self) -> str:
        return report.render(self.plan, self.written)


def read_source(path: str | Path) -> bytes:
    path = Path(path)
    if not path.is_file():
        raise ImportRejected(NOT_FOUND.format(name=path))
    return path.read_bytes()


def plan_import(
    *,
    data: bytes,
    name: str,
    sample: bool = False,
    replace_published: bool = False,
    publish: bool = False,
    user=None,
    progress=None,
    period: tuple[int, int] | None = None,
    organization: str | Organization = "",
) -> ImportResult:
    """Import one plan file (.txt or .docx); with ``sample`` its content is added to the edition of
    the same period as sample. ``period`` and ``organization`` fill in what the file does not say."""
    progress = progress or (lambda message: None)
    progress(f"อ่านบรรทัด … ({name})")
    chosen = organization if isinstance(organization, Organization) else None
    name_given = organization.name if chosen is not None else organization
    plan = parse(data, name=name, period=period, organization=name_given)
    if plan.is_sample_file and not sample:
        raise ImportRejected(SAMPLE_FILE_WITHOUT_FLAG.format(name=name))
    progress(f"จัดกรอบยุทธศาสตร์ … ({len(plan.frameworks)} กรอบ, {len(plan.sections)} หัวข้อ)")
    writer = Writer(
        plan, sample=sample, sha256=hashlib.sha256(data).hexdigest(), progress=progress, organization=chosen
    )
    with transaction.atomic():
        with revision(user=user, comment=(SAMPLE_COMMENT if sample else IMPORT_COMMENT).format(name=name)):
            written = writer.write(replace_published=replace_published)
        if publish and written.edition.status != Edition.Status.PUBLISHED:
            progress("เผยแพร่ …")
            try:
                edition_publish_as_told(edition=written.edition, user=user)
            except PublishRefused as refused:
                raise ImportRejected(PUBLISH_REFUSED.format(reason=refused.message)) from None
    return ImportResult(plan=plan, written=written)


def _sample_editions_remove(edition: Edition | None) -> int:
    """Sample editions (the demo's revision) go whole; the edition they replaced is published again."""
    editions = Edition.objects.filter(is_sample=True)
    if edition is not None:
        editions = editions.filter(based_on=edition)
    count = 0
    for sample in editions.select_related("based_on"):
        replaced = sample.based_on
        if (
            sample.status == Edition.Status.PUBLISHED
            and replaced
            and replaced.status == Edition.Status.ARCHIVED
        ):
            replaced.status = Edition.Status.PUBLISHED
            replaced.save(update_fields=["status", "updated_at"])
            EditionStatusChange.objects.create(
                edition=replaced,
                from_status=Edition.Status.ARCHIVED,
                to_status=replaced.status,
                note=f"ลบ{sample.revision_label}ซึ่งเป็นข้อมูลตัวอย่าง",
            )
        # Projects hold on to their strategy (PROTECT): they go first.
        Project.objects.filter(edition=sample).delete()
        sample.delete()
        count += 1
    return count


@transaction.atomic
def sample_remove(*, edition: Edition | None = None) -> dict[str, int]:
    """Delete every row marked as sample (in one edition, or everywhere). Returns counts per model."""
    counts = {Edition._meta.verbose_name_plural: _sample_editions_remove(edition)}
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
