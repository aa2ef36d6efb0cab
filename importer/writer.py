"""Saving a ParsedPlan into the models, replacing what an earlier import of the same plan wrote.

Called inside one transaction and one reversion revision (see ``plan_import``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.deletion import Collector, ProtectedError
from django.utils import timezone

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, ImportFlag, Organization, Section, SwotItem
from projects.models import Project, ProjectBudget
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib.richtext import from_plain_text
from thaimuang_plan.lib.thai import short_organization_name, to_thai_digits

from .lines import NUM, to_int
from .messages import (
    DEPENDENT_ROWS,
    INVALID_VALUE,
    PUBLISHED_REFUSED,
    SAMPLE_AMBIGUOUS,
    SAMPLE_FLAG_PREFIX,
    SAMPLE_WITHOUT_EDITION,
    ImportRejected,
)
from .structure import Flag, ParsedPlan, PSection
from .write_chapters import ChapterWriter
from .write_frameworks import FrameworkWriter

# Rows an import writes and may replace; anything else pointing at them is someone's work.
OWNED = {
    Section,
    Block,
    SwotItem,
    ImportFlag,
    Framework,
    FrameworkPoint,
    Strategy,
    Goal,
    Tactic,
    Indicator,
    IndicatorTarget,
    Strategy.aligns_with.through,
    Tactic.aligns_with.through,
    Project,
    ProjectBudget,
    Committee,
    CommitteeMember,
    EvaluationMethod,
    ScheduleRound,
}


@dataclass
class Written:
    edition: Edition
    created: bool
    counts: Counter = field(default_factory=Counter)  # rows written, by verbose_name_plural
    removed: int = 0  # rows of an earlier import that were replaced


def find_edition(
    plan: ParsedPlan, *, sample: bool, organization: Organization | None = None
) -> Edition | None:
    if not sample:
        organization = organization or Organization.objects.filter(name=plan.organization_name).first()
        if organization is None:
            return None
        # A file is the plan as first written (revision 0); revisions are made in the admin.
        return Edition.objects.filter(
            organization=organization, start_year=plan.start_year, end_year=plan.end_year, revision_number=0
        ).first()
    editions = list(
        Edition.objects.filter(
            start_year=plan.start_year, end_year=plan.end_year, revision_number=0
        ).select_related("organization")
    )
    period = to_thai_digits(f"{plan.start_year}-{plan.end_year}")
    named = [e for e in editions if e.organization.name == plan.organization_name]
    if named:
        return named[0]
    if not editions:
        raise ImportRejected(SAMPLE_WITHOUT_EDITION.format(period=period))
    if len(editions) > 1:
        raise ImportRejected(
            SAMPLE_AMBIGUOUS.format(period=period, names=", ".join(str(e.organization) for e in editions))
        )
    return editions[0]


class Writer(FrameworkWriter, ChapterWriter):
    def __init__(self, plan: ParsedPlan, *, sample: bool, sha256: str, progress, organization=None):
        self.plan = plan
        self.organization = organization  # chosen by the person importing; else found by the plan's name
        self.sample = sample
        self.sha256 = sha256
        self.progress = progress
        self.counts: Counter = Counter()
        self.sections: dict[int, Section] = {}  # id(PSection) -> Section
        self.frameworks: dict[str, Framework] = {}
        self.flags: list[Flag] = []

    # --- edition ------------------------------------------------------------------------------

    def write(self, *, replace_published: bool) -> Written:
        edition = find_edition(self.plan, sample=self.sample, organization=self.organization)
        created = edition is None
        if edition is not None and edition.is_public and not replace_published:
            raise ImportRejected(PUBLISHED_REFUSED.format(edition=edition))
        if created:
            edition = self._new_edition()
        elif not self.sample:
            edition.foreword_signatory = self.plan.foreword_signatory
            edition.source_name = self.plan.source_name
            edition.source_sha256 = self.sha256
            edition.imported_at = timezone.now()
            edition.save(
                update_fields=[
                    "foreword_signatory",
                    "source_name",
                    "source_sha256",
                    "imported_at",
                    "updated_at",
                ]
            )
        self.edition = edition
        removed = 0 if created else self._clear()
        self.progress("บันทึกหัวข้อและเนื้อหา …")
        self._write_sections()
        self.progress("บันทึกกรอบยุทธศาสตร์ …")
        for parsed in sorted(self.plan.frameworks.values(), key=lambda f: f.order):
            self._write_framework(parsed)
        self._write_alignments()
        self._write_blocks()
        self.progress("บันทึกโครงการและการติดตามผล …")
        self._write_swot()
        self._write_projects()
        self._write_monitoring()
        self._write_flags()
        return Written(edition=edition, created=created, counts=self.counts, removed=removed)

    def _new_edition(self) -> Edition:
        plan = self.plan
        if self.organization is not None:
            organization, made = self.organization, False
        else:
            organization, made = Organization.objects.get_or_create(
                name=plan.organization_name, defaults={"short_name": short_organization_name(plan.organization_name)}
            )
        if made:
            self.counts[Organization._meta.verbose_name_plural] += 1
        edition = Edition(
            organization=organization,
            title=plan.title[:300],
            start_year=plan.start_year,
            end_year=plan.end_year,
            foreword_signatory=plan.foreword_signatory,
            source_name=plan.source_name,
            source_sha256=self.sha256,
            imported_at=timezone.now(),
        )
        edition.full_clean()
        edition.save()
        self.counts[Edition._meta.verbose_name_plural] += 1
        return edition

    def _clear(self) -> int:
        """Delete what an earlier import wrote; refuse if other rows depend on it."""
        edition = self.edition
        if self.sample:
            querysets = [
                Project.objects.filter(edition=edition, is_sample=True),
                Block.objects.filter(section__edition=edition, is_sample=True),
                SwotItem.objects.filter(edition=edition, is_sample=True),
                Framework.objects.filter(edition=edition, is_sample=True),
                Committee.objects.filter(edition=edition, is_sample=True),
                EvaluationMethod.objects.filter(edition=edition, is_sample=True),
                ScheduleRound.objects.filter(edition=edition, is_sample=True),
                ImportFlag.objects.filter(edition=edition, is_sample=True),
            ]
        else:
            querysets = [
                Project.objects.filter(edition=edition),
                Framework.objects.filter(edition=edition),
                Section.objects.filter(edition=edition),
                SwotItem.objects.filter(edition=edition),
                Committee.objects.filter(edition=edition),
                EvaluationMethod.objects.filter(edition=edition),
                ScheduleRound.objects.filter(edition=edition),
                ImportFlag.objects.filter(edition=edition),
            ]
        # Delete in order (projects before the strategies they point to); inside the import's
        # transaction, so a refusal half-way leaves everything as it was.
        removed = 0
        for queryset in querysets:
            others = _outside_rows(queryset)
            if others:
                rows = ", ".join(f"{name} {to_thai_digits(count)} รายการ" for name, count in others.items())
                raise ImportRejected(DEPENDENT_ROWS.format(edition=edition, rows=rows))
            removed += queryset.delete()[0]
        return removed

    # --- helpers ------------------------------------------------------------------------------

    def _save(self, obj: models.Model, line: int | None = None) -> models.Model:
        """Validate the values (lengths, choices) without queries, then save."""
        exclude = [f.name for f in obj._meta.fields if f.is_relation]
        try:
            obj.clean_fields(exclude=exclude)
        except ValidationError as error:
            name, messages = next(iter(error.message_dict.items()))
            label = obj._meta.get_field(name).verbose_name
            raise ImportRejected(
                INVALID_VALUE.format(line=line or "-", field=label, error=" ".join(messages))
            ) from None
        obj.save()
        self.counts[obj._meta.verbose_name_plural] += 1
        return obj

    def _sample(self, **kwargs) -> dict:
        return {"is_sample": True, **kwargs} if self.sample else kwargs

    # --- sections and blocks --------------------------------------------------------------------

    def _write_sections(self) -> None:
        if self.sample:
            existing = {_parts(s.number): s for s in Section.objects.filter(edition=self.edition) if s.number}
            for parsed in self.plan.sections:
                self.sections[id(parsed)] = existing.get(parsed.parts)
            return
        for order, parsed in enumerate(self.plan.sections, start=1):
            section = Section(
                edition=self.edition,
                parent=self.sections.get(id(parsed.parent)) if parsed.parent else None,
                level=parsed.level,
                number=parsed.number,
                title=parsed.title or parsed.body_title,
                toc_pages=parsed.toc_pages,
                in_toc=parsed.in_toc,
                order=order,
            )
            self.sections[id(parsed)] = self._save(section, parsed.toc_line or parsed.body_line)

    def _target_section(self, parsed: PSection) -> tuple[Section | None, bool]:
        """Where a parsed section's blocks go; True when it exists only in the sample file."""
        node, own = parsed, True
        while node is not None:
            section = self.sections.get(id(node))
            if section is not None:
                return section, not own
            node, own = node.parent, False
        return None, True

    def _write_blocks(self) -> None:
        orders: Counter = Counter()
        if self.sample:
            for row in (
                Block.objects.filter(section__edition=self.edition)
                .values("section")
                .annotate(top=models.Max("order"))
            ):
                orders[row["section"]] = row["top"]
        for parsed in self.plan.sections:
            section, foreign = self._target_section(parsed)
            if not parsed.blocks:
                continue
            if section is None:
                for block in parsed.blocks:
                    self.flags.append(
                        Flag(
                            ImportFlag.Kind.UNPLACED, f"ไม่พบหัวข้อ {parsed.label} ในแผน", block.line, block.text
                        )
                    )
                continue
            if foreign:
                orders[section.pk] += 1
                self._save(
                    Block(
                        section=section,
                        order=orders[section.pk],
                        kind=Block.Kind.HEADING,
                        text=from_plain_text(parsed.label),
                        source_line=parsed.body_line,
                        **self._sample(),
                    ),
                    parsed.body_line,
                )
            for block in parsed.blocks:
                orders[section.pk] += 1
                self._save(
                    Block(
                        section=section,
                        order=orders[section.pk],
                        kind=block.kind,
                        marker=block.marker,
                        text=from_plain_text(block.text).replace("\n", "<br>"),
                        embed=block.embed,
                        framework_slug=self.frameworks[block.framework].slug if block.framework in self.frameworks else "",
                        source_line=block.line,
                        **self._sample(),
                    ),
                    block.line,
                )

    def _write_flags(self) -> None:
        self.plan.flags.extend(self.flags)
        prefix = SAMPLE_FLAG_PREFIX if self.sample else ""
        for flag in sorted(self.plan.flags, key=lambda f: (f.line or 0)):
            self._save(
                ImportFlag(
                    edition=self.edition,
                    kind=flag.kind,
                    severity=flag.severity,
                    line=flag.line,
                    source_text=flag.text,
                    message=prefix + flag.message,
                    **self._sample(),
                ),
                flag.line,
            )


def _outside_rows(queryset) -> Counter:
    """Rows outside the import's own models that deleting ``queryset`` would delete or change."""
    collector = Collector(using=queryset.db)
    others = Counter()
    try:
        collector.collect(queryset)
    except ProtectedError as error:
        for obj in error.protected_objects:
            others[obj._meta.verbose_name] += 1
        return others
    for model, objects in collector.data.items():
        if model not in OWNED and objects:
            others[model._meta.verbose_name] += len(objects)
    for fast in collector.fast_deletes:
        if fast.model not in OWNED and (count := fast.count()):
            others[fast.model._meta.verbose_name] += count
    for (field_, _value), objects in collector.field_updates.items():
        if field_.model not in OWNED:
            count = sum(o.count() if isinstance(o, models.QuerySet) else 1 for o in objects)
            if count:
                others[field_.model._meta.verbose_name] += count
    return others


def _parts(number: str) -> tuple[int, ...]:
    return tuple(to_int(n) for n in re.findall(NUM, number))
