"""决算总表收支平衡：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余
The final accounts balance: opening balance + income = expenditure + closing balance.

What: in the 收入支出决算总表 and the 财政拨款收入支出决算总表, 本年收入合计 + 使用非财政拨款结余
+ 年初结转和结余 = 总计 on the income side, 本年支出合计 + 结余分配 + 年末结转和结余 = 总计 on the
expenditure side, and the two 总计 are equal. In the 政府性基金 and 国有资本经营 决算表, on every
line, 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, and 本年支出 = 基本支出 + 项目支出.
Rows are found by their role (income_subtotal, opening_balance …), not by their wording.

Why: a 决算 accounts for every yuan: what was carried in and received was either spent or is
carried out. A total that does not balance means a figure is wrong or missing.

Legal basis: 《中华人民共和国预算法》第七十五条（决算草案应当做到收支真实、数额准确）;
财政部《部门决算报表》编制说明（收入支出决算总表平衡关系）.

Example: ``final_overview 总计: 应为9859.38万元（9746.50+112.88），实为9849.38万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, not_evaluated
from yusuan.check.figures import cell_location, compare, judge
from yusuan.check.final_statements import applies
from yusuan.check.final_tables import GRAND_TOTAL, negated, role_row
from yusuan.model import Finding, NotEvaluated, Row, Table

_SIDES = (
    ("income", "income_amount", ("income_subtotal", "use_of_balance", "opening_balance")),
    ("expenditure", "total", ("expenditure_subtotal", "balance_distribution", "closing_balance")),
)


def _overview(table: Table) -> Iterator[Finding | NotEvaluated]:
    totals: dict[str, Row] = {}
    for side, column, roles in _SIDES:
        total = role_row(table, *GRAND_TOTAL, side=side)
        if total is None:
            yield not_evaluated(f"表 {table.id} 没有{side}方的总计行 / no {side} grand total row")
            return
        totals[side] = total
        parts = [row for role in roles if (row := role_row(table, role, side=side)) is not None]
        found = judge(
            compare(total.amount(table, column), [p.amount(table, column) for p in parts], table.unit),
            table.unit,
            "总计不等于本年合计与结转结余之和",
            "the grand total is not the year's subtotal plus the balances",
            cell_location(table, total, column),
            *(cell_location(table, p, column) for p in parts),
        )
        if found:
            yield found
    income, spending = totals["income"], totals["expenditure"]
    found = judge(
        compare(spending.amount(table, "total"), [income.amount(table, "income_amount")], table.unit),
        table.unit,
        "收入总计与支出总计不等",
        "the income and expenditure grand totals differ",
        cell_location(table, spending, "total"),
        cell_location(table, income, "income_amount"),
    )
    if found:
        yield found


def _balance_lines(table: Table) -> Iterator[Finding]:
    for row in table.rows:
        amount = row.amount
        if all(
            amount(table, key) is None for key in ("opening_balance", "income", "total", "closing_balance")
        ):
            continue
        found = judge(
            compare(
                amount(table, "closing_balance"),
                [amount(table, "opening_balance"), amount(table, "income"), negated(amount(table, "total"))],
                table.unit,
            ),
            table.unit,
            f"{row.code or row.name}：年末结转和结余不等于年初结转和结余加本年收入减本年支出",
            f"{row.code or row.name}: closing balance is not opening + income - expenditure",
            cell_location(table, row, "closing_balance"),
            cell_location(table, row, "opening_balance"),
            cell_location(table, row, "income"),
            cell_location(table, row, "total"),
        )
        if found:
            yield found
        found = judge(
            compare(amount(table, "total"), [amount(table, "basic"), amount(table, "project")], table.unit),
            table.unit,
            f"{row.code or row.name}：本年支出不等于基本支出加项目支出",
            f"{row.code or row.name}: expenditure is not basic + project",
            cell_location(table, row, "total"),
            cell_location(table, row, "basic"),
            cell_location(table, row, "project"),
        )
        if found:
            yield found


def check(ctx: Context) -> Iterator[Finding | NotEvaluated]:
    if not applies(ctx):
        return
    for table_id, judge_table in (
        ("final_overview", _overview),
        ("final_fiscal_overview", _overview),
        ("final_fund", _balance_lines),
        ("final_capital", _balance_lines),
    ):
        table = ctx.disclosure.table(table_id)
        if table is None:
            yield not_evaluated(f"缺少表 {table_id} / table {table_id} missing")
            continue
        yield from judge_table(table)
