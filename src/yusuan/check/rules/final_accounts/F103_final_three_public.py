"""“三公”经费决算表的预算数和决算数各自相加
The 三公 final accounts table adds up, for the 预算数 and for the 决算数.

What: in the 财政拨款“三公”经费支出决算表, on the 预算数 row and on the 决算数 row, 合计 =
因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and 公务用车购置及运行维护费 = 购置费 +
运行维护费.

Why: the 三公 figures are the most read lines of a 决算; the budget and the outturn are
compared by readers column by column, so each row must add up on its own.

Legal basis: 《党政机关厉行节约反对浪费条例》; 财预〔2016〕143号《地方预决算公开操作规程》
（"三公"经费细化公开）.

Example: ``final_three_public 决算数 合计: 应为0.39万元（0.00+0.00+0.39），实为0.49万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, judge
from yusuan.check.final_statements import applies
from yusuan.model import Finding

_IDENTITIES = [
    ("total", ["abroad", "vehicle", "reception"], "合计不等于三项之和", "total is not the sum of the three"),
    (
        "vehicle",
        ["vehicle_purchase", "vehicle_running"],
        "公务用车购置及运行维护费不等于购置费加运行维护费",
        "cars are not purchase + running",
    ),
]


def check(ctx: Context) -> Iterator[Finding]:
    if not applies(ctx):
        return
    table = ctx.require_table("final_three_public")
    for row in table.rows:
        for head, parts, what, what_en in _IDENTITIES:
            found = judge(
                compare(row.amount(table, head), [row.amount(table, p) for p in parts], table.unit),
                table.unit,
                f"{row.name}：{what}",
                f"{row.name}: {what_en}",
                cell_location(table, row, head),
                *(cell_location(table, row, p) for p in parts),
            )
            if found:
                yield found
