"""The public summary of a plan's completeness: what the live checks found, without admin links."""

from __future__ import annotations

from dataclasses import dataclass

from editions.checks import CHECKS, run_checks
from plans.models import Edition


@dataclass
class Completeness:
    checked: int  # how many checks ran
    found: list[tuple[str, int]]  # (the check's title, how many places it found)

    @property
    def is_complete(self) -> bool:
        return not self.found


def public_completeness(edition: Edition) -> Completeness:
    """A fixed number of queries (those of ``run_checks``)."""
    report = run_checks(edition)
    return Completeness(checked=len(CHECKS), found=[(r.check.title, len(r.findings)) for r in report.results])
