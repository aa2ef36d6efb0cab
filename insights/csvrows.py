"""The alignment gap report as rows for CSV: one row per higher strategy or tactic."""

from __future__ import annotations

from insights.alignment import AlignmentReport, HigherTactic, Level, Served

LEVEL_TEXT = {
    Level.DIRECT: "มีสิ่งสนับสนุนโดยตรง",
    Level.STRATEGY: "สนับสนุนเฉพาะระดับยุทธศาสตร์",
    Level.NONE: "ไม่มีสิ่งใดสนับสนุน",
}


def _names(served: Served) -> list[str]:
    return [
        "; ".join(i.label for i in served.strategies),
        "; ".join(i.label for i in served.tactics),
        "; ".join(f"โครงการที่ {p.number} {p.name}" for p in served.projects),
    ]


def _baht(amount) -> str:
    # Whole baht without decimals, as the other open-data files write them.
    return str(amount.quantize(1)) if amount == amount.to_integral_value() else str(amount)


def _money(served: Served) -> list[str]:
    return [_baht(b) for b in served.budgets] + [_baht(served.total)]


def alignment_rows(report: AlignmentReport) -> list[list[str]]:
    """Header row first. Amounts in baht with Arabic digits so spreadsheets read them as numbers."""
    header = [
        "กรอบยุทธศาสตร์",
        "ระดับ",
        "เลขที่",
        "ข้อความ",
        "สถานะ",
        "ยุทธศาสตร์ด้านไอทีที่สนับสนุน",
        "กลยุทธ์ด้านไอทีที่สนับสนุน",
        "โครงการที่สนับสนุน",
        *[f"งบประมาณ {y} (บาท)" for y in report.years],
        "งบประมาณรวม (บาท)",
        "สัดส่วนของงบประมาณไอที (%)",
    ]
    rows = [header]

    def tactic_row(framework: str, tactic: HigherTactic) -> list[str]:
        return [
            framework, "กลยุทธ์", tactic.number, tactic.text, LEVEL_TEXT[tactic.level],
            *_names(tactic.served),
            # A tactic served only through its strategy has no budget of its own to show.
            *(_money(tactic.served) if tactic.level == Level.DIRECT else [""] * (len(report.years) + 1)),
            "",
        ]

    for framework in report.frameworks:
        for strategy in framework.strategies:
            status = "มีสิ่งสนับสนุน" if strategy.served.is_served else "ไม่มีสิ่งใดสนับสนุน"
            share = "" if strategy.share is None else str(strategy.share)
            rows.append(
                [
                    framework.name, "ยุทธศาสตร์", str(strategy.number), strategy.title, status,
                    *_names(strategy.served), *_money(strategy.served), share,
                ]
            )
            rows.extend(tactic_row(framework.name, t) for t in strategy.tactics)
        rows.extend(tactic_row(framework.name, t) for t in framework.untied_tactics)
    for item in report.orphan_strategies:
        rows.append(["แผนแม่บทไอที", "ยุทธศาสตร์ที่ไม่สอดคล้องกับกรอบใด", "", item.label, "ไม่สอดคล้องกับกรอบที่สูงกว่า"])
    for item in report.orphan_tactics:
        rows.append(["แผนแม่บทไอที", "กลยุทธ์ที่ไม่สอดคล้องกับกรอบใด", "", item.label, "ไม่สอดคล้องกับกรอบที่สูงกว่า"])
    for p in report.orphan_projects:
        rows.append(["แผนแม่บทไอที", "โครงการที่ไม่สอดคล้องกับกรอบใด", str(p.number), p.name, "ไม่สอดคล้องกับกรอบที่สูงกว่า"])
    return rows
