"""按科目编码的表逐级相加：类=Σ款，款=Σ项，合计=Σ类
In a table by classification code, each level adds up: 类 = Σ款, 款 = Σ项, 合计 = Σ类.

What: in every table listed by functional code (收入总表, 支出总表, 一般公共预算支出表, 政府性
基金表, 国有资本经营预算表), for every column, a 类 equals the sum of its 款, a 款 the sum
of its 项, and the 合计 line the sum of the 类. A blank 合计 where the parts hold money is an
error as well.

Why: a level that does not add up means a figure was mistyped or a line dropped; readers
cannot know which figure is right.

Legal basis: 《政府收支分类科目》（类、款、项的层级汇总关系）; 《中华人民共和国预算法》第三十二条
（预算编制的完整、准确）.

Example: ``income 合计 合计: 应为341.11万元，表中为空白`` (error). Differences within the
rounding of the printed figures are info only.
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import (
    children_by_code,
    code_lengths,
    coded_rows,
    judge_lines,
    layout,
    total_row,
    value_columns,
)
from yusuan.model import Finding, Row, Table


def _check_sum(
    table: Table, parent: Row, parts: list[Row], column: str, what: str, what_en: str
) -> Finding | None:
    return judge_lines(
        table,
        parent,
        parts,
        column,
        what,
        what_en,
        hint="核对上下级科目的金额 / check the figures of this level and the one below",
    )


def check(ctx: Context) -> Iterator[Finding]:
    for table in ctx.disclosure.tables.values():
        if layout(ctx.profile, table) not in ("coded", "side_by_side_coded"):
            continue
        sides: list[str | None] = sorted({r.side for r in table.rows if r.code}, key=str) or [None]
        for side in sides:
            rows = [r for r in coded_rows(table) if side is None or r.side == side]
            columns = value_columns(table, side)
            children = children_by_code(rows, code_lengths(rows))
            for row in rows:
                assert row.code is not None
                parts = children.get(row.code)
                if not parts:
                    continue
                what = f"{row.code} {row.name}不等于其下级科目之和"
                what_en = f"{row.code} {row.name} is not the sum of its sub-items"
                for column in columns:
                    found = _check_sum(table, row, parts, column, what, what_en)
                    if found:
                        yield found
            total = total_row(table, side)
            tops = [r for r in rows if r.code and len(r.code) == 3]
            if total is None or not tops:
                continue
            for column in columns:
                found = _check_sum(
                    table,
                    total,
                    tops,
                    column,
                    f"{total.name}不等于各类之和",
                    f"{total.name} is not the sum of the 类 lines",
                )
                if found:
                    yield found
