"""收支总表 and 财政拨款收支总表: income by funding source beside spending by 类.

Each row belongs to one side; the renderer sets the two sides next to each other and pairs
the total rows as the template form lists them.
"""

from __future__ import annotations

from yusuan.derive.cells import ItemFilter, blank, cells_for, money_cell, total_yuan
from yusuan.derive.context import Context, by_carryover, by_funding, by_nature
from yusuan.model import Cell, Row, Table, Unit
from yusuan.model.budget import Funding, LineItem, Nature

INCOME, EXPENDITURE = "income", "expenditure"


def _income_cell_row(name: str, yuan_items: list[LineItem], keys: list[str], unit: Unit) -> Row:
    cells = [money_cell(total_yuan(yuan_items), unit) if k == "income_amount" else blank() for k in keys]
    return Row(name=name, cells=cells, side=INCOME)


def _funding_rows(ctx: Context, table_id: str, items: list[LineItem], unit: Unit) -> list[Row]:
    """One row per income key of the form ("一、…"), each followed by its parts ("1、…")."""
    keys = ctx.column_keys(table_id)
    form = ctx.form.table(table_id)
    rows = []
    for index, key in enumerate(form.income_rows):
        name = f"{ctx.form.ordinal(index)}、{ctx.form.funding_names[key]}"
        rows.append(_income_cell_row(name, _of(ctx, items, key), keys, unit))
        for number, part in enumerate(form.income_parts.get(key, ()), start=1):
            name = f"{number}、{ctx.form.funding_names[part]}"
            rows.append(_income_cell_row(name, _of(ctx, items, part), keys, unit))
    return rows


def _of(ctx: Context, items: list[LineItem], key: str) -> list[LineItem]:
    fundings = {Funding(f) for f in ctx.form.fundings_of(key)}
    return [i for i in items if i.funding in fundings]


def _class_rows(
    ctx: Context,
    table_id: str,
    items: list[LineItem],
    columns: list[tuple[str, ItemFilter | None]],
    keys: list[str],
    unit: Unit,
) -> list[Row]:
    rows = []
    classes = ctx.names.functional_classes()
    if ctx.form.table(table_id).class_rows == "used":  # only the 类 with money, numbered in turn
        classes = [c for c in classes if any(i.functional.digits.startswith(c) for i in items)]
    for index, code in enumerate(classes):
        under = [i for i in items if i.functional.digits.startswith(code)]
        name = f"{ctx.form.ordinal(index)}、{ctx.names.functional_name(code)}"
        rows.append(Row(name=name, code=code, cells=cells_for(under, columns, keys, unit), side=EXPENDITURE))
    return rows


def _check_classes(ctx: Context, items: list[LineItem]) -> None:
    """Every 类 spent on must have a row, or its spending would vanish from the table."""
    for item in items:
        ctx.names.functional_name(item.functional.digits[:3])  # raises when the 类 has no name


def overview(ctx: Context) -> Table:
    """预算收支总表: this year's income by source, 上年结转; spending by 类, this year's and carried over."""
    table_id = "overview"
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    items = ctx.items()
    _check_classes(ctx, items)
    current, carried = ctx.items(carryover=False), ctx.items(carryover=True)
    personnel = ctx.form.personnel_classes
    basic = by_nature(Nature.BASIC)
    columns: list[tuple[str, ItemFilter | None]] = [
        ("total", None),
        ("current", by_carryover(False)),
        ("carryover", by_carryover(True)),
        ("basic", basic),
        ("project", by_nature(Nature.PROJECT)),
        ("personnel", lambda i: basic(i) and i.economic.digits[:3] in personnel),
        ("public", lambda i: basic(i) and i.economic.digits[:3] not in personnel),
    ]
    rows = _funding_rows(ctx, table_id, current, unit) + _class_rows(
        ctx, table_id, items, columns, keys, unit
    )
    # the totals, in the form's pairs: 本年收入合计|本年支出合计, 上年结转|年终结转, 收入总计|支出总计
    income_totals = [current, carried, items]
    pairs = ctx.form.table(table_id).totals
    for index, (income_name, spending_name) in enumerate(pairs):
        last = index == len(pairs) - 1  # 收入总计|支出总计: everything, whatever pairs precede it
        if income_name:
            rows.append(_income_cell_row(income_name, items if last else income_totals[index], keys, unit))
        if spending_name:
            spent = last or index != 1  # 年终结转 stays blank in a budget
            cells = cells_for(items, columns, keys, unit) if spent else _blanks(keys)
            rows.append(Row(name=spending_name, cells=cells, side=EXPENDITURE))
    return ctx.table(table_id, rows)


def fiscal_overview(ctx: Context) -> Table:
    """财政拨款收支总表: fiscal appropriations only (一般公共预算, 政府性基金, 国有资本经营)."""
    table_id = "fiscal_overview"
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    fiscal = ctx.fiscal
    items = ctx.items(fiscal)
    _check_classes(ctx, items)
    current, carried = ctx.items(fiscal, carryover=False), ctx.items(fiscal, carryover=True)
    columns: list[tuple[str, ItemFilter | None]] = [("total", None)]
    columns += [(f.value, by_funding(f)) for f in fiscal]
    rows = _funding_rows(ctx, table_id, current, unit) + _class_rows(
        ctx, table_id, items, columns, keys, unit
    )
    # pairs: 本年收入合计|本年支出合计, 上年财政拨款结转|年终结转, its three sources, 收入总计|支出总计
    income_totals: list[list[LineItem]] = [current, carried]
    income_totals += [[i for i in carried if i.funding is f] for f in fiscal]
    income_totals.append(items)
    pairs = ctx.form.table(table_id).totals
    for index, (income_name, spending_name) in enumerate(pairs):
        last = index == len(pairs) - 1  # 收入总计|支出总计: everything, whatever pairs precede it
        if income_name:
            rows.append(_income_cell_row(income_name, items if last else income_totals[index], keys, unit))
        if spending_name:
            spent = index in (0, len(pairs) - 1)  # 本年支出合计 and 支出总计; 年终结转 stays blank
            cells = cells_for(items, columns, keys, unit) if spent else _blanks(keys)
            rows.append(Row(name=spending_name, cells=cells, side=EXPENDITURE))
    return ctx.table(table_id, rows)


def _blanks(keys: list[str]) -> list[Cell]:
    return [blank() for _ in keys]
