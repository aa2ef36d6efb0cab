"""The vocabulary of plan checks: a check, what it found, and the report of a run.

Kept apart from the checks themselves (``editions.checks``, ``editions.consistency``) so
that every module of checks can use it without importing the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models

from plans.models import Edition

if TYPE_CHECKING:
    from editions.checks import PlanFacts


class Severity(models.TextChoices):
    BLOCKING = "blocking", "ต้องแก้ไขก่อนเผยแพร่"
    WARNING = "warning", "ควรตรวจสอบ ยืนยันแล้วเผยแพร่ได้"


@dataclass(frozen=True)
class Finding:
    message: str
    #: The admin page where an editor fixes it.
    fix_url: str
    fix_label: str = "แก้ไข"


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    explanation: str
    severity: Severity
    find: Callable[[PlanFacts], Iterable[Finding]]


@dataclass
class CheckResult:
    check: Check
    findings: list[Finding]

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def is_blocking(self) -> bool:
        return self.check.severity == Severity.BLOCKING


@dataclass
class CheckReport:
    edition: Edition
    #: Only the checks that found something, blocking ones first, in the order of CHECKS.
    results: list[CheckResult]

    @property
    def blocking(self) -> list[CheckResult]:
        return [r for r in self.results if r.is_blocking]

    @property
    def warnings(self) -> list[CheckResult]:
        return [r for r in self.results if not r.is_blocking]

    @property
    def warning_codes(self) -> set[str]:
        return {r.code for r in self.warnings}

    @property
    def fingerprint(self) -> str:
        """Changes whenever the findings change: an acknowledgement is of what the editor saw."""
        text = "\n".join(f"{r.code}\t{f.message}" for r in self.results for f in r.findings)
        return hashlib.sha256(text.encode()).hexdigest()[:16]
