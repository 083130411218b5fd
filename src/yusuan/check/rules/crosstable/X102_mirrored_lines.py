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
17.36万元`` (warning): "经济分类住房公积金为18.36万元，功能分类2210201 住房公积金为17.36万元". An upper
bound is worded as one: "经济分类退休费、离休费之和1206.11万元，超过功能分类2080504 …
的397.23万元（应不超过）" with the bound (≤397.23万元) as the expected figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import Comparison, cell_location, find_row, in_unit
from yusuan.model import Amount, Finding, Location, Row, Severity, Unit

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
        # Both sides as sums, the economic side as the printed figure at the first place: the
        # message then names what each side holds, whichever holds several lines.
        comparison = compare_sums(econ_amounts, func_amounts, economic.unit)
        at_most = mirror.relation == "at_most" or column != "basic"
        if at_most and (comparison.difference <= 0 or comparison.within_rounding):
            continue
        places = [*(cell_location(economic, r, "total") for r in econ_rows)]
        places += [cell_location(general, r, column) for r in func_rows]
        found = judge_sides(comparison, economic.unit, mirror.name, econ_rows, func_rows, at_most, places)
        if found:
            yield found


def compare_sums(
    economic: Sequence[Amount | None], functional: Sequence[Amount | None], unit: Unit
) -> Comparison:
    """The economic lines' sum (the printed side) against the functional lines' sum (expected)."""
    present = tuple(a for a in [*economic, *functional] if a is not None)
    return Comparison(
        expected=sum((in_unit(a, unit) for a in functional if a is not None), Decimal(0)),
        actual=sum((in_unit(a, unit) for a in economic if a is not None), Decimal(0)),
        actual_blank=all(a is None for a in economic),
        present=present,
        unit=unit,
    )


def judge_sides(
    comparison: Comparison,
    unit: Unit,
    name: str,
    econ_rows: Sequence[Row],
    func_rows: Sequence[Row],
    at_most: bool,
    places: Sequence[Location],
) -> Finding | None:
    """The finding, naming each side: "经济分类 X 为 a，功能分类 Y 为 b"; for an upper bound, "超过"."""
    if comparison.agrees:
        return None
    economic = "、".join(r.name for r in econ_rows) or name
    functional = "、".join(f"{r.code} {r.name}".strip() for r in func_rows) or "—"
    evidence = comparison.evidence(unit)
    bound = evidence.expected
    if at_most:
        evidence = replace(evidence, expected=f"≤{evidence.expected}")
    if comparison.within_rounding:
        return issue(
            Severity.INFO,
            f"经济分类与功能分类的{name}相差{evidence.difference}，在四舍五入误差之内",
            f"{name}: the economic and the functional lines differ by {evidence.difference}, within rounding",
            *places,
            evidence=evidence,
        )
    total = "之和" if len(econ_rows) > 1 else ""
    func_total = "之和" if len(func_rows) > 1 else ""
    if at_most:
        message = (
            f"经济分类{economic}{total}{evidence.actual}，超过功能分类{functional}{func_total}的"
            f"{bound}（应不超过），多{evidence.difference}"
        )
        message_en = (
            f"{name}: the economic lines ({economic}) hold {evidence.actual}, more than the functional "
            f"lines ({functional}) {bound} that contain them, by {evidence.difference}"
        )
    else:
        message = (
            f"经济分类与功能分类的{name}不一致：经济分类{economic}{total}为{evidence.actual}，"
            f"功能分类{functional}{func_total}为{evidence.expected}，相差{evidence.difference}"
        )
        message_en = (
            f"{name}: the economic lines ({economic}) hold {evidence.actual}, the functional lines "
            f"({functional}) {evidence.expected}, difference {evidence.difference}"
        )
    return issue(
        Severity.WARNING,
        message,
        message_en,
        *places,
        evidence=evidence,
        hint="核对科目归属 / check under which code the amount is booked",
    )
