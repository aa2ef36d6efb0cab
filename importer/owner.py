"""Whose plan it is and for which years: the organization and the period named in the file."""

from __future__ import annotations

import re
from collections import Counter

from plans.models import ImportFlag
from thaimuang_plan.lib.thai import local_government_name_pattern

from .lines import Line, find_period
from .messages import ORGANIZATION_MISMATCH
from .structure import ParsedPlan

ORG_RE = re.compile(local_government_name_pattern())
PLAN_TITLE_RE = re.compile(r"(แผนแม่บท[^\s(]*(?:\s*\(IT Master Plan\))?)\s*พ\.\s*ศ\.", re.IGNORECASE)


def find_period_and_title(plan: ParsedPlan, lines: list[Line]) -> None:
    """The plan's period and title: from the first "แผนแม่บท… พ.ศ. ๒๕๖๓ - ๒๕๖๕" in the file."""
    for line in lines:
        if "แผนแม่บท" not in line.text:
            continue
        period = find_period(line.text)
        if period is None:
            continue
        plan.start_year, plan.end_year = period
        match = PLAN_TITLE_RE.search(line.text)
        plan.title = re.sub(r"\s+", " ", match.group(1)).strip() if match else "แผนแม่บทเทคโนโลยีสารสนเทศ"
        return
    if plan.partial:
        # A plan without chapters names its years near its title: the first period in the file.
        for line in lines[:80]:
            period = find_period(line.text)
            if period is not None:
                plan.start_year, plan.end_year = period
                plan.title = "แผนแม่บทเทคโนโลยีสารสนเทศ"
                return


def find_organization(plan: ParsedPlan, lines: list[Line]) -> None:
    """The plan's owner: named in the signatory, else the organization the text names most."""
    for text in plan.foreword_signatory.splitlines():
        match = ORG_RE.fullmatch(text.strip())
        if match:
            plan.organization_name = text.strip()
            return
    names = Counter()
    for line in lines:
        for token in re.split(r"\s+", line.text):
            match = ORG_RE.fullmatch(token)
            if match:
                names[token] += 1
    if names:
        plan.organization_name = names.most_common(1)[0][0]


def choose_organization(plan: ParsedPlan, chosen: str) -> None:
    """The organization the person importing chose owns the plan; a file naming another is flagged."""
    named = plan.organization_name
    plan.organization_name = chosen
    if named and re.sub(r"\s+", "", named) != re.sub(r"\s+", "", chosen):
        plan.document_organization_name = named
        plan.flag(ImportFlag.Kind.FOREIGN_NAME, ORGANIZATION_MISMATCH.format(document=named, chosen=chosen))
