"""收支总表左右两方各自相加
In the side-by-side 收支总表, each side adds up.

What: in 收支总表 and 财政拨款收支总表, 本年收入合计 = the numbered income lines (一、二、…),
收入总计 = 本年收入合计 + 上年结转; 本年支出合计 = the numbered expenditure lines (the 类),
支出总计 = 本年支出合计 + 年终结转; in every amount column of that side.

Why: these totals are what the narrative and the other tables repeat; a total that is not
the sum of its lines breaks every comparison after it.

Legal basis: 《中华人民共和国预算法》第三十二条; 财政部部门预算公开表格式.

Example: ``overview 本年支出合计 2025年合计: 应为341.11万元，实为342.11万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import (
    find_row,
    is_numbered,
    judge_lines,
    layout,
    value_columns,
)
from yusuan.model import Finding, Row, Table

_SIDES = {
    "income": ("本年收入合计", "收入总计", ("上年结转", "上年财政拨款结转")),
    "expenditure": ("本年支出合计", "支出总计", ("年终结转",)),
}


def _current_items(table: Table, side: str) -> list[Row]:
    """The numbered lines of a side before any 结转 line (those after it are carried over)."""
    items: list[Row] = []
    for row in table.iter_rows(side):
        if "结转" in row.name and not is_numbered(row.name):
            break
        if is_numbered(row.name):
            items.append(row)
    return items


def _carried_items(table: Table, side: str) -> list[Row]:
    rows = list(table.iter_rows(side))
    start = next((i for i, r in enumerate(rows) if "结转" in r.name and not is_numbered(r.name)), None)
    if start is None:
        return []
    return [rows[start]] + [r for r in rows[start + 1 :] if is_numbered(r.name)]


def check(ctx: Context) -> Iterator[Finding]:
    for table in ctx.disclosure.tables.values():
        if layout(ctx.profile, table) != "side_by_side":
            continue
        for side, (subtotal_name, total_name, _carry) in _SIDES.items():
            subtotal = find_row(table, subtotal_name, side)
            total = find_row(table, total_name, side)
            items = _current_items(table, side)
            carried = _carried_items(table, side)
            for column in value_columns(table, side):
                if subtotal is not None and items:
                    found = judge_lines(
                        table,
                        subtotal,
                        items,
                        column,
                        f"{subtotal_name}不等于各项之和",
                        f"{subtotal_name} is not the sum of its lines",
                    )
                    if found:
                        yield found
                if total is not None and subtotal is not None:
                    # the carry-over line, or (when it is only a heading) the lines under it
                    heading = carried[:1]
                    if heading and heading[0].amount(table, column) is None:
                        heading = carried[1:]
                    parts = [subtotal, *heading]
                    found = judge_lines(
                        table,
                        total,
                        parts,
                        column,
                        f"{total_name}不等于{subtotal_name}加结转",
                        f"{total_name} is not {subtotal_name} plus carry-over",
                    )
                    if found:
                        yield found
