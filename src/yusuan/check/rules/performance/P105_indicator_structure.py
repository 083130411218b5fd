"""绩效目标表的指标完整
A performance sheet's targets are complete.

What: each sheet has an overall goal (总体目标) and indicators for each period it covers
(实施期, 年度), with the three first-level indicators 产出指标, 效益指标 and 满意度指标 (a
first-level indicator counts as present when one of its second-level indicators is, per the
data in data/templates/<profile>/narrative.yaml), and a value (指标值) for every third-level indicator
named. A sheet that was partly unreadable is not evaluated (R101 lists what could not be read).

Why: a target without an indicator, or an indicator without a value, cannot be assessed.

Legal basis: 财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》
（财预〔2021〕101号）; 财预〔2020〕10号.

Example: ``绩效目标表 遗属补助 年度: 没有“满意度指标”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue, not_evaluated
from yusuan.check.figures import src_location
from yusuan.model import Finding, NotEvaluated, Severity
from yusuan.reference.narrative import squeeze

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)

_PERIODS = {"implementation": "实施期", "annual": "年度"}


def check(ctx: Context) -> Iterator[Finding | NotEvaluated]:
    levels = ctx.require_narrative().indicator_levels
    for sheet in ctx.disclosure.performance_targets:
        if sheet.unreadable:
            yield not_evaluated(
                f"绩效目标表“{sheet.project}”有{len(sheet.unreadable)}处无法读取，不评估其指标结构"
                f" / sheet partly unreadable, structure not evaluated"
            )
            continue
        where = src_location(sheet.source, section=f"绩效目标表 {sheet.project}")
        periods = {i.period for i in sheet.indicators} or set(_PERIODS)
        for period in sorted(periods):
            name = _PERIODS.get(period, period)
            if not sheet.goals.get(period, "").strip():
                yield issue(
                    Severity.WARNING,
                    f"绩效目标表“{sheet.project}”没有{name}总体目标",
                    f"sheet {sheet.project!r}: no overall goal for {period}",
                    where,
                )
            rows = [i for i in sheet.indicators if i.period == period]
            for level1, level2s in levels.items():
                present = any(
                    squeeze(i.level1) == level1 or squeeze(i.level2).rstrip(".。") in level2s for i in rows
                )
                if not present:
                    yield issue(
                        Severity.WARNING,
                        f"绩效目标表“{sheet.project}”{name}没有“{level1}”",
                        f"sheet {sheet.project!r} ({period}) has no {level1}",
                        where,
                    )
            for indicator in rows:
                if indicator.level3.strip() and not indicator.value.strip():
                    yield issue(
                        Severity.WARNING,
                        f"绩效目标表“{sheet.project}”{name}的指标“{indicator.level3}”没有指标值",
                        f"sheet {sheet.project!r}: indicator {indicator.level3!r} has no value",
                        src_location(indicator.source or sheet.source, section=f"绩效目标表 {sheet.project}"),
                    )
