"""经济分类表的小计相加：类=Σ款，合计=Σ类
In the economic-classification table, subtotals add up: 类 = Σ款, 合计 = Σ类.

What: in 一般公共预算基本支出经济分类表, each 类 line (工资福利支出, 商品和服务支出, 对个人和
家庭的补助 …) equals the sum of the 款 lines under it, and 合计 equals the sum of the 类, in
every column. A 类 is known by its 3-digit code, or by its name in the code list, or (Shanxi)
by an empty 政府预算经济科目 label.

Why: the economic table shows what the basic expenditure buys; a subtotal that does not add up
hides a line or a typing error.

Legal basis: 《政府收支分类科目》支出经济分类（类、款）; 财政部部门预算公开表格式.

Example: ``general_basic_economic 工资福利支出 合计: 应为187.56万元，实为187.66万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import judge_lines, layout
from yusuan.model import CodeKind, Finding, Row


def _is_class(ctx: Context, row: Row) -> bool:
    if row.code:
        return len(row.code) == 3
    known = ctx.codes.code_for_name(row.name, CodeKind.ECONOMIC)
    if known is not None:
        return len(known) == 3
    return not any(row.labels.values())


def check(ctx: Context) -> Iterator[Finding]:
    for table in ctx.disclosure.tables.values():
        if layout(ctx.profile, table) != "economic":
            continue
        groups: list[tuple[Row, list[Row]]] = []
        total: Row | None = None
        for row in table.rows:
            if row.role == "total" and not row.code:
                total = row
            elif _is_class(ctx, row):
                groups.append((row, []))
            elif groups:
                groups[-1][1].append(row)
        for column in (c.key for c in table.columns):
            for head, parts in groups:
                if not parts:
                    continue
                found = judge_lines(
                    table,
                    head,
                    parts,
                    column,
                    f"{head.name}不等于其下各款之和",
                    f"{head.name} is not the sum of its lines",
                )
                if found:
                    yield found
            if total is not None and groups:
                found = judge_lines(
                    table,
                    total,
                    [h for h, _ in groups],
                    column,
                    f"{total.name}不等于各类之和",
                    f"{total.name} is not the sum of the 类 lines",
                )
                if found:
                    yield found
