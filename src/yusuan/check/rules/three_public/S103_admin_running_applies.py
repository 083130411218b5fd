"""机关运行经费只适用于行政和参公单位，等于其公用经费
机关运行经费 applies to 行政 and 参公 units and equals their 公用经费.

What: the unit type is taken from an option or inferred from the codes the tables use
(a 项 "行政运行" shows an administrative or 参公 unit; "事业运行" a public institution). For
行政/参公 units, the 机关运行经费 total equals the 公用经费 of the general-budget basic
expenditure (经济分类表 合计 公用经费; where the table prints no such column, its 公用经费
classes 302 商品和服务支出 and 310 资本性支出, data/codes/mirrors.yaml). For other public
institutions the concept does not apply: a 机关运行经费 table with money is reported (warning).

Why: 机关运行经费 is by definition the 公用经费 of 行政单位 and 参公事业单位; a figure that
differs, or one shown by a 事业单位, misstates it.

Legal basis: 《中华人民共和国预算法》第十四条; 《机关事务管理条例》（机关运行经费）;
财政部关于机关运行经费口径的规定（行政单位和参照公务员法管理的事业单位使用一般公共预算财政
拨款安排的基本支出中的日常公用经费）.

Example: ``admin_running 部门合计 5.00万元 ≠ 经济分类表 公用经费 5.70万元 (行政单位)`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import cell_location, compare, judge, table_location, total_row
from yusuan.model import Finding, Severity
from yusuan.model.unit_type import UnitType

TABLES = ("admin_running",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.require_table("admin_running")
    kind, how = ctx.unit_type()
    if kind is None:
        raise CannotEvaluate(
            f"无法判断单位类型（行政/参公/事业），可用 --unit-type 指定 / unit type unknown: {how}"
        )
    if kind is UnitType.PUBLIC_INSTITUTION:
        if not table.is_empty:
            yield issue(
                Severity.WARNING,
                f"本单位为事业单位（{how}），机关运行经费仅适用于行政单位和参公单位，但本表有数",
                f"a public institution ({how}) shows 机关运行经费 (administrative units only)",
                table_location(table),
                hint="核对单位性质；事业单位应说明不适用 / check the unit type",
            )
        return
    economic = ctx.require_table("general_basic_economic")
    row = table.rows[0] if table.rows else None
    econ_total = total_row(economic)
    if row is None or econ_total is None:
        raise CannotEvaluate("机关运行经费表或经济分类表中未找到 total 行 / no total line found")
    if economic.column_index("public") is not None:
        public = [(econ_total, "public")]
    else:  # no 公用经费 column (Jiangsu): the 公用经费 classes' lines (302, 310)
        public = [(r, "total") for r in economic.rows if r.code in ctx.codes.public_classes]
        if not public:
            raise CannotEvaluate("经济分类表中没有公用经费栏或类级行 / no 公用经费 column or class line")
    found = judge(
        compare(row.amount(table, "total"), [r.amount(economic, k) for r, k in public], table.unit),
        table.unit,
        f"机关运行经费应等于公用经费（{how}）",
        f"机关运行经费 should equal the 公用经费 ({how})",
        cell_location(table, row, "total"),
        *(cell_location(economic, r, k) for r, k in public),
    )
    if found:
        yield found
