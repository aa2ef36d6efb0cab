"""The demo's sample revision (``load_demo``): ฉบับแก้ไข ครั้งที่ ๑ of the Tai Mueang plan.

It is made the way an editor makes one (``revision_start``, then edits, then
``edition_publish``), marked as sample from top to bottom, so that the public
comparison has something to show. Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from editions.services import edition_publish_as_told, revision_start
from plans.models import Edition
from projects.models import ProjectBudget
from strategies.models import Framework, Goal, Strategy
from thaimuang_plan.lib.thai import to_thai_digits

APPROVAL = "มติสภา อบต.ท้ายเหมือง สมัยสามัญ สมัยที่ ๓ ครั้งที่ ๒/๒๕๖๔ (ข้อมูลตัวอย่าง)"
APPROVED_ON = dt.date(2021, 8, 16)  # ๑๖ สิงหาคม ๒๕๖๔
# (project number, fiscal year, new amount): moved money from ๒๕๖๕ into ๒๕๖๔ and cut one project.
BUDGET_CHANGES = [(1, 2564, Decimal(120000)), (1, 2565, Decimal(0)), (3, 2565, Decimal(60000)), (6, 2565, Decimal(30000))]
STRATEGY_NUMBER = 2
STRATEGY_TITLE = "การพัฒนาระบบบริการประชาชนด้วยเทคโนโลยีดิจิทัลและบริการออนไลน์ครบวงจร"
NEW_GOAL = "ประชาชนยื่นคำร้องและชำระค่าธรรมเนียมออนไลน์ได้ (ข้อมูลตัวอย่าง)"


@transaction.atomic
def demo_revision_load(*, edition: Edition) -> Edition:
    """The sample revision of ``edition``, made and published once; the existing one afterwards."""
    existing = Edition.objects.filter(based_on=edition, is_sample=True, revision_number__gt=0).first()
    if existing is not None:
        return existing
    revision = revision_start(
        edition=edition,
        kind=Edition.RevisionKind.AMENDMENT,
        approval_reference=APPROVAL,
        approved_on=APPROVED_ON,
        is_sample=True,
    )
    for number, year, amount in BUDGET_CHANGES:
        budget = ProjectBudget.objects.filter(project__edition=revision, project__number=number, fiscal_year=year)
        budget.update(amount=amount)
    strategy = Strategy.objects.filter(
        framework__edition=revision, framework__kind=Framework.Kind.IT_PLAN, number=STRATEGY_NUMBER
    ).first()
    if strategy is not None:
        strategy.title = STRATEGY_TITLE
        strategy.save(update_fields=["title", "updated_at"])
        Goal.objects.create(strategy=strategy, number=f"({to_thai_digits(strategy.goals.count() + 1)})", text=NEW_GOAL, order=999)
    return edition_publish_as_told(edition=revision)
