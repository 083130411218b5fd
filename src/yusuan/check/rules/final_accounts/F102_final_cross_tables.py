"""决算各表之间的合计一致
The totals of the 决算 tables agree with each other.

What: 收入决算表 合计 = 收入支出决算总表 本年收入合计; 支出决算表 合计 (本年支出合计, 基本支出,
项目支出) = 收入支出决算总表 本年支出合计; 收入决算表 合计 财政拨款收入 = 财政拨款收入支出决算总表
本年收入合计; 一般公共预算财政拨款支出决算表 合计 = 财政拨款收入支出决算总表 本年支出合计
（一般公共预算财政拨款列）; 一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计 =
一般公共预算财政拨款支出决算表 合计 基本支出. Rows are found by role.

Why: the nine tables are views of the same accounts; a total that differs between them means
one of the tables was prepared from other figures.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容真实、准确、完整）;
财政部《部门决算报表》表间审核关系.

Example: ``final_income 合计: 应为9746.50万元（收入支出决算总表 本年收入合计），实为9736.50万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, not_evaluated
from yusuan.check.figures import cell_location, compare, judge
from yusuan.check.final_statements import applies
from yusuan.model import Finding, NotEvaluated

# (table, row role, column) = Σ (table, row role, column): the identities of the 决算 tables.
_IDENTITIES: list[tuple[tuple[str, str, str], list[tuple[str, str, str]], str, str]] = [
    (
        ("final_income", "total", "total"),
        [("final_overview", "income_subtotal", "income_amount")],
        "收入决算表合计不等于收入支出决算总表本年收入合计",
        "the income table's total differs from the overview's income subtotal",
    ),
    (
        ("final_expenditure", "total", "total"),
        [("final_overview", "expenditure_subtotal", "total")],
        "支出决算表合计不等于收入支出决算总表本年支出合计",
        "the expenditure table's total differs from the overview's expenditure subtotal",
    ),
    (
        ("final_income", "total", "fiscal"),
        [("final_fiscal_overview", "income_subtotal", "income_amount")],
        "收入决算表财政拨款收入不等于财政拨款收入支出决算总表本年收入合计",
        "the income table's 财政拨款收入 differs from the fiscal overview's income subtotal",
    ),
    (
        ("final_general_expenditure", "total", "total"),
        [("final_fiscal_overview", "expenditure_subtotal", "general_budget")],
        "一般公共预算财政拨款支出决算表合计不等于财政拨款总表本年支出合计（一般公共预算）",
        "the general budget table's total differs from the fiscal overview's general budget subtotal",
    ),
    (
        ("final_general_expenditure", "total", "basic"),
        [
            ("final_general_basic", "personnel_total", "personnel"),
            ("final_general_basic", "public_total", "public"),
        ],
        "一般公共预算财政拨款支出决算表基本支出不等于人员经费合计加公用经费合计",
        "the general budget table's basic expenditure is not 人员经费合计 + 公用经费合计",
    ),
]


def check(ctx: Context) -> Iterator[Finding | NotEvaluated]:
    if not applies(ctx):
        return
    for head, parts, what, what_en in _IDENTITIES:
        places = []
        for table_id, role, column in [head, *parts]:
            table = ctx.disclosure.table(table_id)
            row = next((r for r in table.rows if r.role == role), None) if table else None
            if table is None or row is None:
                yield not_evaluated(f"{table_id} 没有 {role} 行 / {table_id}: no {role} row")
                break
            places.append((table, row, column))
        else:
            (table, row, column), others = places[0], places[1:]
            found = judge(
                compare(row.amount(table, column), [r.amount(t, c) for t, r, c in others], table.unit),
                table.unit,
                what,
                what_en,
                cell_location(table, row, column),
                *(cell_location(t, r, c) for t, r, c in others),
            )
            if found:
                yield found
