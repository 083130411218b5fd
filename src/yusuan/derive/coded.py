"""Tables by 支出功能分类 code (类/款/项 rolled up): 收入总表, 支出总表, 一般公共预算支出表, 基金表."""

from __future__ import annotations

from yusuan.derive.cells import ItemFilter, cells_for
from yusuan.derive.context import Context, by_carryover, by_funding, by_nature
from yusuan.model import Code, Row, Table, Unit
from yusuan.model.budget import Funding, LineItem, Nature


def functional_codes(items: list[LineItem]) -> list[str]:
    """Every code the items use and every 类/款 above them, in printed order (类, its 款, its 项)."""
    codes: set[str] = set()
    for item in items:
        code: Code | None = item.functional
        while code is not None:
            codes.add(code.digits)
            code = code.parent
    return sorted(codes)


def coded_rows(
    ctx: Context,
    items: list[LineItem],
    columns: list[tuple[str, ItemFilter | None]],
    keys: list[str],
    unit: Unit,
    side: str | None = None,
) -> list[Row]:
    """The 合计 row, then one row per 类/款/项 with the sums of the items under it."""
    rows = [Row(name=ctx.form.total_row, cells=cells_for(items, columns, keys, unit), side=side)]
    for code in functional_codes(items):
        under = [i for i in items if i.functional.digits.startswith(code)]
        name = ctx.names.functional_name(code)
        rows.append(Row(name=name, code=code, cells=cells_for(under, columns, keys, unit), side=side))
    return rows


_BASIC_PROJECT: list[tuple[str, ItemFilter | None]] = [
    ("total", None),
    ("basic", by_nature(Nature.BASIC)),
    ("project", by_nature(Nature.PROJECT)),
]


def _basic_project_table(ctx: Context, table_id: str, items: list[LineItem]) -> Table:
    unit = ctx.unit_of(table_id)
    return ctx.table(table_id, coded_rows(ctx, items, _BASIC_PROJECT, ctx.column_keys(table_id), unit))


def _current_of(funding: Funding) -> ItemFilter:
    return lambda item: item.funding is funding and not item.carryover


def _current_of_any(ctx: Context, key: str) -> ItemFilter:
    fundings = {Funding(f) for f in ctx.form.fundings_of(key)}
    return lambda item: item.funding in fundings and not item.carryover


def income(ctx: Context) -> Table:
    """预算收入总表: this year's income by funding source, then 上年结转; 合计 is all of them
    (合计 = 一般公共预算 + … + 单位资金 + 上年结转, the identity the checker's A102 holds)."""
    columns: list[tuple[str, ItemFilter | None]] = [("total", None)]
    for funding in Funding:
        columns.append((funding.value, _current_of(funding)))
    for key in ctx.form.funding_groups:  # columns summing several sources (上海 财政拨款收入)
        columns.append((key, _current_of_any(ctx, key)))
    columns.append(("carryover", by_carryover(True)))
    unit = ctx.unit_of("income")
    rows = coded_rows(ctx, ctx.items(), columns, ctx.column_keys("income"), unit)
    return ctx.table("income", rows)


def expenditure(ctx: Context) -> Table:
    """预算支出总表: all spending (this year's and carried over), basic and project."""
    return _basic_project_table(ctx, "expenditure", ctx.items())


def general_expenditure(ctx: Context) -> Table:
    """一般公共预算支出预算表(不含上年结转)."""
    return _basic_project_table(ctx, "general_expenditure", ctx.items(Funding.GENERAL, carryover=False))


def fund_expenditure(ctx: Context) -> Table:
    """政府性基金预算支出表(不含上年结转)."""
    return _basic_project_table(ctx, "fund_expenditure", ctx.items(Funding.FUND, carryover=False))


def fund_income(ctx: Context) -> Table:
    """政府性基金预算收入表: the 合计 only; line items carry no 收入分类 code to list by."""
    items = ctx.items(Funding.FUND, carryover=False)
    unit = ctx.unit_of("fund_income")
    columns: list[tuple[str, ItemFilter | None]] = [("fund_income", by_funding(Funding.FUND))]
    cells = cells_for(items, columns, ctx.column_keys("fund_income"), unit)
    return ctx.table("fund_income", [Row(name=ctx.form.total_row, cells=cells)])


def capital_budget(ctx: Context) -> Table:
    """国有资本经营预算收支预算表: income 合计 on the left, spending by code on the right."""
    items = ctx.items(Funding.STATE_CAPITAL, carryover=False)
    unit = ctx.unit_of("capital_budget")
    keys = ctx.column_keys("capital_budget")
    income_row = Row(
        name=ctx.form.total_row,
        cells=cells_for(items, [("income_amount", None)], keys, unit),
        side="income",
    )
    spending = coded_rows(ctx, items, _BASIC_PROJECT, keys, unit, side="expenditure")
    return ctx.table("capital_budget", [income_row, *spending])
