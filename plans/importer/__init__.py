"""Importing a plan written as plain text in the conventions of the Tai Mueang source document.

``plan_import`` reads the file into plain dataclasses (``parser.parse``, no
database), then saves them in one transaction and one reversion revision
(``writer.Writer``). Any problem with the file raises ``ImportRejected`` before
or inside that transaction, so a rejected file changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import reversion
from django.db import transaction

from plans.models import Edition

from . import report
from .messages import IMPORT_COMMENT, NOT_FOUND, SAMPLE_COMMENT, SAMPLE_FILE_WITHOUT_FLAG, ImportRejected
from .parser import parse
from .structure import ParsedPlan
from .writer import Writer, Written

__all__ = ["ImportRejected", "ImportResult", "plan_import", "read_source"]


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
) -> ImportResult:
    """Import one plan file; with ``sample`` its content is added to the edition of the same period as sample."""
    progress = progress or (lambda message: None)
    progress(f"อ่านบรรทัด … ({name})")
    plan = parse(data, name=name)
    if plan.is_sample_file and not sample:
        raise ImportRejected(SAMPLE_FILE_WITHOUT_FLAG.format(name=name))
    progress(f"จัดกรอบยุทธศาสตร์ … ({len(plan.frameworks)} กรอบ, {len(plan.sections)} หัวข้อ)")
    writer = Writer(plan, sample=sample, sha256=hashlib.sha256(data).hexdigest(), progress=progress)
    with transaction.atomic():
        with reversion.create_revision():
            written = writer.write(replace_published=replace_published)
            if user is not None and user.is_authenticated:
                reversion.set_user(user)
            reversion.set_comment((SAMPLE_COMMENT if sample else IMPORT_COMMENT).format(name=name))
        if publish and written.edition.status != Edition.Status.PUBLISHED:
            from plans.services import edition_publish

            progress("เผยแพร่ …")
            edition_publish(edition=written.edition, user=user)
    return ImportResult(plan=plan, written=written)
