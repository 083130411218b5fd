"""决算总表的总计不为零
The grand total of the 收入支出决算总表 is not zero or blank.

What: the 总计 of the 收入支出决算总表 (either side) is blank or 0, or a 决算 table's 合计 row is
blank or 0 while its lines hold figures.

Why: every unit that publishes a 决算 received and spent money in the year; a zero grand total
is a table published without its figures (or an unfilled template). A 合计 left blank under
lines full of figures hides the table's total.

Legal basis: 《中华人民共和国预算法》第十四条（经本级政府财政部门批复的部门决算…应当在批复后
二十日内由各部门向社会公开）; 财预〔2016〕143号《地方预决算公开操作规程》.

Example: ``final_overview 总计: 收入支出决算总表的总计为空白`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location
from yusuan.model import Finding, Row, Severity, Table

KINDS = ("final_accounts",)


def _zero(row: Row, table: Table, column: str) -> bool:
    amount = row.amount(table, column)
    return amount is None or amount.value == 0


def check(ctx: Context) -> Iterator[Finding]:
    overview = ctx.require_table("final_overview")
    zeros = [
        cell_location(overview, row, column)
        for side, column in (("income", "income_amount"), ("expenditure", "total"))
        for row in overview.iter_rows(side)
        if row.role in (f"{side}_total", "total") and _zero(row, overview, column)
    ]
    if zeros:
        yield issue(
            Severity.ERROR,
            "收入支出决算总表的总计为零或空白",
            "the grand total of the overview is zero or blank",
            *zeros,
            hint="填列决算数 / fill in the final accounts",
        )
    for table in ctx.disclosure.tables.values():
        if table.id == overview.id:
            continue
        total = next((r for r in table.rows if r.role == "total" and not r.side), None)
        lines = [r for r in table.rows if r.code]
        if total is None or not lines:
            continue
        for column in table.columns:
            filled = any(not _zero(r, table, column.key) for r in lines)
            if filled and _zero(total, table, column.key):
                yield issue(
                    Severity.ERROR,
                    f"《{table.title}》合计的“{column.label}”为零或空白，而明细行有数",
                    f"{table.id}: the total of {column.key} is zero or blank under lines with figures",
                    cell_location(table, total, column.key),
                )
