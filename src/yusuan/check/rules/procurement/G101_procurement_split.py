"""政府采购预算等于货物、工程、服务之和
The procurement budget splits exactly into goods, works and services.

What: in 政府采购情况, 政府采购预算总额 = 货物 + 工程 + 服务, within the rounding of the
printed figures; and the total does not exceed the unit's total expenditure.

Why: the split tells what the unit will buy; a total that is not its parts, or larger than
the budget, is a misprint.

Legal basis: 《中华人民共和国政府采购法》第六条、第三十三条（政府采购应当严格按照批准的预算执行）;
财预〔2016〕143号（公开政府采购预算）.

Example: ``情况说明 九: 3.93 ≠ 3.93 + 0 + 1.00`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context
from yusuan.check.figures import cell_location, compare, judge, src_location, total_row
from yusuan.model import Finding, Severity

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    statement = ctx.disclosure.procurement
    if statement is None:
        raise CannotEvaluate("文件中没有读到政府采购情况 / no procurement statement read")
    where = src_location(statement.source, section="procurement")
    parts = [statement.goods, statement.works, statement.services]
    if statement.total is not None and any(p is not None for p in parts):
        found = judge(
            compare(statement.total, parts, statement.total.unit),
            statement.total.unit,
            "政府采购预算总额不等于货物、工程、服务之和",
            "procurement total is not goods + works + services",
            where,
        )
        if found:
            yield found
    expenditure = ctx.disclosure.table("expenditure")
    total = total_row(expenditure) if expenditure is not None else None
    budget = total.amount(expenditure, "total") if total is not None and expenditure is not None else None
    if statement.total is not None and budget is not None and expenditure is not None and total is not None:
        if statement.total.yuan > budget.yuan + budget.half_step * budget.unit.factor:
            found = judge(
                compare(statement.total, [budget], budget.unit),
                budget.unit,
                "政府采购预算总额超过支出预算总额",
                "procurement exceeds the whole expenditure budget",
                where,
                cell_location(expenditure, total, "total"),
                severity=Severity.ERROR,
            )
            if found:
                yield found
