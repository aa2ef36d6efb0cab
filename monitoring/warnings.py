"""Warnings, not refusals: what the committee may record but should explain (spending over plan).

Spending more than the plan's budget for the year happens (a transfer, a
supplementary budget); the entry saves it and says so, and asks for the reason
in ``ProjectProgress.overspend_reason``. Messages are constants the tests reuse.
"""

from __future__ import annotations

from decimal import Decimal

from thaimuang_plan.lib.formatting import baht, number

OVER_PLAN = "ใช้งบ {spent} บาท เกินงบตามแผน {planned} บาท ({ratio} เท่าของแผน)"
OVER_NO_PLAN = "ใช้งบ {spent} บาท ทั้งที่แผนไม่มีงบของปีนี้"
GIVE_A_REASON = "กรุณากรอกเหตุผลที่ใช้งบเกินแผน"
SAVED_OVER_PLAN = "บันทึกแล้ว แต่ {count} โครงการใช้งบเกินแผน: {projects}"
SAVED_OVER_PLAN_NO_REASON = "ยังไม่ได้กรอกเหตุผลที่ใช้งบเกินแผนของ {projects}"


def over_plan(spent: Decimal | None, planned: Decimal | None) -> str | None:
    """The warning for spending ``spent`` against ``planned`` for the year, or None when within plan."""
    if not spent:
        return None
    if planned is None or planned == 0:
        return OVER_NO_PLAN.format(spent=baht(spent))
    if spent <= planned:
        return None
    ratio = number(spent / planned, places=1 if spent / planned < 10 else 0)
    return OVER_PLAN.format(spent=baht(spent), planned=baht(planned), ratio=ratio)
