"""决算总表收支平衡：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余
The final accounts balance: opening balance + income = expenditure + closing balance.

What: in the 收入支出决算总表 and the 财政拨款收入支出决算总表, 本年收入合计 + 使用非财政拨款结余
+ 年初结转和结余 = 总计 on the income side, 本年支出合计 + 结余分配 + 年末结转和结余 = 总计 on the
expenditure side, and the two 总计 are equal. In the 政府性基金 and 国有资本经营 决算表, on every
line, 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, and 本年支出 = 基本支出 + 项目支出.
Rows are found by their role (income_subtotal, opening_balance …), not by their wording; the
overview identities are data (data/identities/final_accounts.yaml, rule F101); the per-line
balance of the two fund tables, a subtraction, is computed here.

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
from yusuan.check.final_tables import negated
from yusuan.check.identities import Outcome, evaluate
from yusuan.model import Finding, Table

KINDS = ("final_accounts",)


def _balance_lines(table: Table) -> Iterator[Finding]:
    """年末 = 年初 + 本年收入 − 本年支出 on every line that holds one of them."""
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


def check(ctx: Context) -> Iterator[Outcome]:
    yield from evaluate(ctx, "F101")
    for table_id in ("final_fund", "final_capital"):
        table = ctx.disclosure.table(table_id)
        if table is None:
            if ctx.in_template(table_id):
                yield not_evaluated(f"未读到表 {table_id} / table {table_id} not found")
            continue
        yield from _balance_lines(table)
