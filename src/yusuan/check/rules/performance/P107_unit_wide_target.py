"""整体绩效目标覆盖单位全部预算
The unit-wide performance target (整体绩效目标) covers the unit's whole budget.

What: the amount the narrative gives for the 整体绩效目标 ("编报单位整体绩效目标，涉及资金X万元")
equals the unit's total expenditure (支出总表 合计), within rounding.

Why: a unit-wide target is meant to cover all of the unit's money; an amount equal to the
project money only means the basic expenditure is left without targets.

Legal basis: 《中共中央 国务院关于全面实施预算绩效管理的意见》（2018）（部门和单位整体绩效）.

Example: ``情况说明 十: 整体绩效目标涉及资金146.9万元 — 支出总额341.11万元`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.claims import section_claims
from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, judge, total_row
from yusuan.model import Finding, Severity

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("expenditure",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    unit = ctx.require_narrative().unit
    table = ctx.require_table("expenditure")
    total = total_row(table)
    if total is None:
        return
    for item in section_claims(ctx):
        if item.section.id != "performance" or item.claim.pattern != "amount":
            continue
        if "整体绩效目标" not in item.claim.sentence:
            continue
        found = judge(
            compare(item.claim.amount(unit), [total.amount(table, "total")], unit),
            unit,
            "整体绩效目标涉及的资金不是单位全部支出",
            "the unit-wide target does not cover the whole expenditure",
            item.location,
            cell_location(table, total, "total"),
            severity=Severity.WARNING,
            hint="整体绩效目标应覆盖全部资金，或说明口径 / cover all the money, or explain",
        )
        if found:
            yield found
