"""与功能科目对应的经济科目金额一致（警告）
Economic lines that mirror functional lines carry the same money (warning).

What: 机关事业单位基本养老保险缴费 (economic) against 2080505 机关事业单位基本养老保险缴费支出
(functional, basic); 职工基本医疗保险缴费 + 公务员医疗补助缴费 against 2101101/2101102/2101103
行政/事业单位医疗、公务员医疗补助; 住房公积金 against 2210201; 职业年金缴费 against 2080506;
退休费 + 离休费 at most 2080501/2080502 离退休 (which also carries other allowances). The pairs
are data (data/codes/mirrors.yaml).

Why: the same contribution is shown once by purpose and once by nature; a difference often
reveals a line booked under the wrong code. Conventions vary (part may be booked elsewhere),
so a difference is a warning, not an error. Where the 一般公共预算支出表 has no 基本支出 column
(Jiangsu), each 项's whole amount is the bound: the economic lines are at most that.

Legal basis: 《政府收支分类科目》支出功能分类与支出经济分类的对应关系.

Example: ``general_basic_economic 住房公积金 18.36万元 ≠ general_expenditure 2210201 基本支出
17.36万元`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.context import CannotEvaluate, Context
from yusuan.check.figures import cell_location, compare, find_row, judge
from yusuan.model import Finding, Severity

TABLES = ("general_basic_economic", "general_expenditure")  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    economic = ctx.require_table("general_basic_economic")
    general = ctx.require_table("general_expenditure")
    if not ctx.codes.mirrors:
        raise CannotEvaluate("没有对应科目数据 / no mirror data (data/codes/mirrors.yaml)")
    # A table without a 基本支出 column (Jiangsu's) prints each 项's whole amount, of which the
    # basic expenditure is a part: the economic lines are then at most the functional ones.
    column = "basic" if general.column_index("basic") is not None else "total"
    for mirror in ctx.codes.mirrors:
        econ_rows = [r for name in mirror.economic if (r := find_row(economic, name)) is not None]
        func_rows = [r for code in mirror.functional if (r := general.row_by_code(code)) is not None]
        if not econ_rows and not func_rows:
            continue
        econ_amounts = [r.amount(economic, "total") for r in econ_rows]
        func_amounts = [r.amount(general, column) for r in func_rows]
        if all(a is None for a in econ_amounts + func_amounts):
            continue
        if mirror.relation == "at_most" or column != "basic":
            econ_sum = sum((a.to(economic.unit) for a in econ_amounts if a is not None), Decimal(0))
            func_sum = sum((a.to(economic.unit) for a in func_amounts if a is not None), Decimal(0))
            if econ_sum <= func_sum:
                continue
        # the single line against the sum of the others (one economic line may mirror two 项)
        if len(econ_amounts) == 1:
            result = compare(econ_amounts[0], func_amounts, economic.unit)
        else:
            result = compare(func_amounts[0] if func_amounts else None, econ_amounts, economic.unit)
        found = judge(
            result,
            economic.unit,
            f"经济分类与功能分类的{mirror.name}不一致",
            f"{mirror.name}: the economic and the functional lines differ",
            *(cell_location(economic, r, "total") for r in econ_rows),
            *(cell_location(general, r, column) for r in func_rows),
            severity=Severity.WARNING,
            hint="核对科目归属 / check under which code the amount is booked",
        )
        if found:
            yield found
