"""Saving the parsed frameworks: points, strategies, goals, tactics, indicators, alignments."""

from __future__ import annotations

from collections import Counter

from plans.models import ImportFlag
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib.thai import strategy_label, to_thai_digits

from .structure import Flag, PFramework


class FrameworkWriter:
    """Part of ``Writer``: expects ``edition``, ``plan``, ``frameworks``, ``flags``, ``_save``."""

    def _write_framework(self, parsed: PFramework) -> None:
        if self.sample and Framework.objects.filter(edition=self.edition, slug=parsed.slug).exists():
            self.flags.append(
                Flag(
                    ImportFlag.Kind.UNPLACED,
                    f"แผนมี “{parsed.name}” อยู่แล้ว ข้อมูลตัวอย่างของกรอบนี้จึงไม่ถูกนำเข้า",
                    parsed.section.body_line,
                    parsed.name,
                )
            )
            return
        framework = self._save(
            Framework(
                edition=self.edition,
                kind=parsed.kind,
                name=parsed.name,
                short_name=parsed.short_name,
                slug=parsed.slug,
                start_year=parsed.start_year,
                end_year=parsed.end_year,
                vision=parsed.vision,
                values=parsed.values,
                order=parsed.order,
                **self._sample(),
            ),
            parsed.section.body_line,
        )
        self.frameworks[parsed.kind] = framework
        per_kind = Counter()
        for point in parsed.points:
            per_kind[point.kind] += 1
            self._save(
                FrameworkPoint(
                    framework=framework,
                    kind=point.kind,
                    number=point.number,
                    title=point.title[:500],
                    text=point.text,
                    order=per_kind[point.kind],
                ),
                point.line,
            )
        for order, item in enumerate(parsed.tactics, start=1):
            self._save(
                Tactic(framework=framework, number=item.number, text=item.text, order=order), item.line
            )
        for order, parsed_indicator in enumerate(parsed.indicators, start=1):
            self._write_indicator(framework, None, parsed_indicator, order)
        tactic_order = len(parsed.tactics)
        indicator_order = len(parsed.indicators)
        for order, parsed_strategy in enumerate(parsed.strategies, start=1):
            strategy = self._save(
                Strategy(
                    framework=framework,
                    number=parsed_strategy.number,
                    title=parsed_strategy.title or strategy_label(parsed_strategy.number),
                    heading_in_detail=parsed_strategy.heading_in_detail,
                    description=parsed_strategy.description,
                    order=order,
                ),
                parsed_strategy.line,
            )
            parsed_strategy.saved = strategy
            for goal_order, goal in enumerate(parsed_strategy.goals, start=1):
                self._save(
                    Goal(strategy=strategy, number=goal.number, text=goal.text, order=goal_order), goal.line
                )
            for item in parsed_strategy.tactics:
                tactic_order += 1
                self._save(
                    Tactic(
                        framework=framework,
                        strategy=strategy,
                        number=item.number,
                        text=item.text,
                        order=tactic_order,
                    ),
                    item.line,
                )
            for parsed_indicator in parsed_strategy.indicators:
                indicator_order += 1
                self._write_indicator(framework, strategy, parsed_indicator, indicator_order)

    def _write_indicator(self, framework, strategy, parsed, order) -> None:
        indicator = self._save(
            Indicator(
                framework=framework,
                strategy=strategy,
                number=parsed.number,
                name=parsed.name,
                unit=parsed.unit[:50],
                total_text=parsed.total_text[:50],
                total_value=parsed.total_value,
                total_rule=parsed.total_rule,
                order=order,
            ),
            parsed.line,
        )
        targets = [
            self._save(
                IndicatorTarget(indicator=indicator, year=year, text=text[:50], value=value), parsed.line
            )
            for year, (text, value) in sorted(parsed.targets.items())
        ]
        if indicator.total_matches(targets) is False:
            expected = indicator.expected_total(targets)
            how = "ค่าของปีสุดท้าย" if indicator.total_rule == Indicator.TotalRule.LAST else "ผลรวมรายปี"
            shown = " + ".join(t.text for t in targets if t.value is not None)
            self.flags.append(
                Flag(
                    ImportFlag.Kind.TOTAL_MISMATCH,
                    f"ตัวชี้วัด {parsed.number} ค่ารวมพิมพ์ว่า “{parsed.total_text}” แต่{how}คือ "
                    f"{to_thai_digits(_plain_number(expected))} {indicator.unit} ({shown}) "
                    f"เก็บค่ารวมตามที่พิมพ์",
                    parsed.line,
                    f"{parsed.number} {parsed.name}",
                )
            )

    def _write_alignments(self) -> None:
        known = {}
        for framework in Framework.objects.filter(edition=self.edition).prefetch_related("strategies"):
            for strategy in sorted(framework.strategies.all(), key=lambda s: s.order):
                known.setdefault((framework.kind, strategy.number), strategy)
        for parsed in self.plan.frameworks.values():
            for parsed_strategy in parsed.strategies:
                strategy = getattr(parsed_strategy, "saved", None)
                for kind, number, line in parsed_strategy.aligns_with:
                    target = known.get((kind, number))
                    if strategy is None:
                        continue
                    if target is None:
                        self.flags.append(
                            Flag(
                                ImportFlag.Kind.UNPLACED,
                                f"{strategy_label(parsed_strategy.number)} ระบุว่าสอดคล้องกับยุทธศาสตร์ที่ "
                                f"{to_thai_digits(number)} ของ{Framework.Kind(kind).label} แต่ไม่พบยุทธศาสตร์นั้นในแผน",
                                line,
                                "",
                            )
                        )
                        continue
                    strategy.aligns_with.add(target)
                    self.counts["ความสอดคล้องของยุทธศาสตร์"] += 1


def _plain_number(value) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
