"""同一科目编码全文只有一个名称
One code, one name, throughout the document.

What: a classification code printed in several tables carries the same name in each
(2010350 事业运行 everywhere), ignoring spaces and the kind of parentheses.

Why: two names for one code mean that one of the lines was typed by hand, and possibly its
figures too.

Legal basis: 《政府收支分类科目》（科目编码与名称一一对应）.

Example: ``expenditure 2010350 “事业运营” ≠ income 2010350 “事业运行”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location, coded_rows, strip_number
from yusuan.model import Finding, Row, Severity, Table
from yusuan.reference.codes import normalise_name


def check(ctx: Context) -> Iterator[Finding]:
    # Each use keeps its table and row; a location is built only for a code named two ways.
    seen: dict[str, list[tuple[str, Table, Row]]] = {}
    for table in ctx.disclosure.tables.values():
        for row in coded_rows(table):
            assert row.code is not None
            name = strip_number(row.name)  # 收支总表 prints 类 as "一、一般公共服务支出"
            seen.setdefault(row.code, []).append((name, table, row))
    for code, uses in seen.items():
        names = {normalise_name(name) for name, _, _ in uses}
        if len(names) > 1:
            first = uses[0][0]
            odd = [(n, table, row) for n, table, row in uses if normalise_name(n) != normalise_name(first)]
            yield issue(
                Severity.WARNING,
                f"科目{code}的名称前后不一：“{first}”与“{odd[0][0]}”",
                f"code {code} is named {first!r} and {odd[0][0]!r}",
                *(cell_location(table, row, None) for _, table, row in odd),
                cell_location(uses[0][1], uses[0][2], None),
                hint="统一为科目表中的名称 / use the name of the code list",
            )
