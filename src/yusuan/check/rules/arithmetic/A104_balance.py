"""收入总计等于支出总计
收入总计 equals 支出总计.

What: in 收支总表 and 财政拨款收支总表, the 收入总计 (left) equals the 支出总计 (right, 合计
column); a budget balances.

Why: a budget that does not balance is either misprinted or incomplete; every other table
derives from these two figures.

Legal basis: 《中华人民共和国预算法》第十二条（各级预算应当遵循统筹兼顾、勤俭节约、量力而行、
讲求绩效和收支平衡的原则）.

Example: ``overview 收入总计 341.11万元 ≠ 支出总计 342.11万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, find_row, judge, layout
from yusuan.model import Finding


def check(ctx: Context) -> Iterator[Finding]:
    for table in ctx.disclosure.tables.values():
        if layout(ctx.profile, table) != "side_by_side":
            continue
        income = find_row(table, "收入总计", "income")
        spending = find_row(table, "支出总计", "expenditure")
        income_column = next((c.key for c in table.columns if c.side == "income"), None)
        if income is None or spending is None or income_column is None:
            continue
        found = judge(
            compare(income.amount(table, income_column), [spending.amount(table, "total")], table.unit),
            table.unit,
            "收入总计不等于支出总计",
            "total income is not total expenditure",
            cell_location(table, income, income_column),
            cell_location(table, spending, "total"),
        )
        if found:
            yield found
