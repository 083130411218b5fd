"""多张表中出现的同一数字处处相同
A figure that appears in several tables is the same in each.

What: the identities between the standard tables, line by line:

- 收支总表 本年支出合计 = 支出总表 合计; its 类 lines = the 类 lines of 支出总表;
- 收入总表 = 支出总表 code by code (合计 column);
- 收入总表 一般公共预算 column = 一般公共预算支出表 code by code;
- 财政拨款收支总表 类 lines (一般公共预算) = 一般公共预算支出表 类 lines — only when the
  财政拨款收支总表 carries no 上年财政拨款结转: its expenditure lines then include the spending of
  the carried-over money, which the 一般公共预算支出表 (不含上年结转) leaves out;
  its 一、一般公共预算 = 收支总表 一、一般公共预算;
- 一般公共预算支出表 合计 基本支出 = 基本支出经济分类表 合计;
- 一般公共预算支出表 合计 项目支出 = 项目支出表（本年）合计 一般公共预算;
- 支出总表 合计 项目支出 = 项目支出表（本年）合计 + 项目支出表（上年结转）合计;
- 政府性基金预算支出表 合计 = 财政拨款收支总表 政府性基金预算 column;
  政府性基金预算收入表 合计 = 财政拨款收支总表 二、政府性基金预算 (收入);
- 国有资本经营预算表 支出合计 = 财政拨款收支总表 国有资本经营预算 column.

A blank total line is left to the arithmetic rules (A101); elsewhere a blank reads as zero.

Why: the tables are cuts of one budget; a figure that differs between two tables means one
of them is wrong, and readers cannot tell which.

Legal basis: 财政部部门预算公开表格式（各表间的勾稽关系）; 《中华人民共和国预算法》第三十二条.

Example: ``expenditure 2010350 合计 146.17万元 ≠ income 2010350 合计 146.18万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.claims import Target
from yusuan.check.context import Context
from yusuan.check.figures import (
    coded_rows,
    compare,
    find_row,
    is_numbered,
    is_total_name,
    judge,
    strip_number,
    total_row,
)
from yusuan.check.projects import project_total_row
from yusuan.model import Finding, Row, Table

Ref = Target


def _carries_over(fiscal: Table) -> bool:
    """True when the 财政拨款收支总表 shows 上年财政拨款结转 money on its income side."""
    rows = list(fiscal.iter_rows("income"))
    start = next((i for i, r in enumerate(rows) if "上年" in r.name and "结转" in r.name), None)
    if start is None:
        return False
    for offset, row in enumerate(rows[start:]):
        if offset and "总计" in row.name:  # 收入总计 closes the carried-over lines
            break
        if any(c.amount is not None and c.amount.value != 0 for c in row.cells):
            return True
    return False


def _label(ref: Ref) -> str:
    return f"{ref.table.id} {ref.row.code or ref.row.name}"


def _is_total(ref: Ref) -> bool:
    return is_total_name(ref.row.name) or "合计" in ref.row.name or "总计" in ref.row.name


def _compare(left: list[Ref], right: list[Ref], what: str) -> Finding | None:
    refs = left + right
    if any(_is_total(r) and r.amount is None for r in refs) and any(r.amount is not None for r in refs):
        return None  # a blank total: A101/A103 report it
    if not left or not right:
        return None
    unit = left[0].table.unit
    if len(left) == 1:
        result = compare(left[0].amount, [r.amount for r in right], unit)
    else:
        result = compare(right[0].amount, [r.amount for r in left], unit)
    names = f"{'+'.join(_label(r) for r in left)} = {'+'.join(_label(r) for r in right)}"
    return judge(
        result,
        unit,
        f"表间不一致（{what}）：{names}",
        f"tables disagree ({what}): {names}",
        *(r.location for r in refs),
        hint="核对两张表中的这一数字 / check this figure in both tables",
    )


def _by_code(a: Table, a_col: str, b: Table, b_col: str, what: str) -> Iterator[Finding]:
    if a.column_index(a_col) is None or b.column_index(b_col) is None:
        return  # this template has no such column: the identity is not one of its tables
    a_rows = {r.code: r for r in coded_rows(a)}
    b_rows = {r.code: r for r in coded_rows(b)}
    for code in sorted(set(a_rows) | set(b_rows), key=str):
        ra, rb = a_rows.get(code), b_rows.get(code)
        if ra is None or rb is None:
            present = ra or rb
            table = a if ra else b
            assert present is not None
            other = b if ra else a
            col = a_col if ra else b_col
            if present.amount(table, col) is not None:
                found = _compare(
                    [Ref(table, present, col)], [Ref(other, Row(present.name, [], code=code), col)], what
                )
                if found:
                    yield found
            continue
        found = _compare([Ref(a, ra, a_col)], [Ref(b, rb, b_col)], what)
        if found:
            yield found


def _classes(table: Table, side: str | None) -> dict[str, Row]:
    """The 类 lines by name: numbered lines of a side-by-side table, or 3-digit codes."""
    if side is not None:
        return {
            strip_number(r.name).replace(" ", ""): r for r in table.iter_rows(side) if is_numbered(r.name)
        }
    return {r.name.replace(" ", ""): r for r in coded_rows(table) if r.code and len(r.code) == 3}


def _by_class(
    a: Table, a_side: str | None, a_col: str, b: Table, b_side: str | None, b_col: str, what: str
) -> Iterator[Finding]:
    if a.column_index(a_col) is None or b.column_index(b_col) is None:
        return
    a_rows, b_rows = _classes(a, a_side), _classes(b, b_side)
    for name, ra in a_rows.items():
        rb = b_rows.get(name)
        if rb is None:
            if ra.amount(a, a_col) is not None:
                found = _compare([Ref(a, ra, a_col)], [Ref(b, Row(name, []), b_col)], what)
                if found:
                    yield found
            continue
        found = _compare([Ref(a, ra, a_col)], [Ref(b, rb, b_col)], what)
        if found:
            yield found


def _one(table: Table | None, name: str, column: str, side: str | None = None) -> Ref | None:
    if table is None:
        return None
    row = total_row(table, side) if name == "合计" else find_row(table, name, side)
    return Ref(table, row, column) if row is not None else None


def check(ctx: Context) -> Iterator[Finding]:
    t = ctx.disclosure.table
    overview, income, expenditure = t("overview"), t("income"), t("expenditure")
    fiscal, general, economic = t("fiscal_overview"), t("general_expenditure"), t("general_basic_economic")
    projects, carried, fund = t("projects"), t("projects_carryover"), t("fund_expenditure")

    def pair(left: list[Ref | None], right: list[Ref | None], what: str) -> Iterator[Finding]:
        refs = [r for r in left + right if r is not None]
        if len(refs) == len(left + right) and all(r.table.column_index(r.column) is not None for r in refs):
            found = _compare([r for r in left if r], [r for r in right if r], what)
            if found:
                yield found

    if overview and expenditure:
        yield from pair(
            [_one(overview, "本年支出合计", "total", "expenditure")],
            [_one(expenditure, "合计", "total")],
            "支出合计",
        )
        yield from _by_class(overview, "expenditure", "total", expenditure, None, "total", "支出功能分类类级")
    if income and expenditure:
        yield from _by_code(income, "total", expenditure, "total", "收入与支出按科目")
    if income and general:
        yield from _by_code(income, "general_budget", general, "total", "一般公共预算按科目")
    if fiscal and general and not _carries_over(fiscal):
        yield from _by_class(fiscal, "expenditure", "general_budget", general, None, "total", "财政拨款类级")
    if fiscal and overview:
        yield from pair(
            [_one(fiscal, "一般公共预算", "income_amount", "income")],
            [_one(overview, "一般公共预算", "income_amount", "income")],
            "一般公共预算收入",
        )
    if general and economic:
        yield from pair([_one(general, "合计", "basic")], [_one(economic, "合计", "total")], "基本支出")
    if general and projects:
        total = project_total_row(ctx, projects)
        if total is not None:
            yield from pair(
                [_one(general, "合计", "project")],
                [Ref(projects, total, "general_budget")],
                "一般公共预算项目支出",
            )
    if expenditure and projects:
        total = project_total_row(ctx, projects)
        carried_total = project_total_row(ctx, carried) if carried is not None else None
        right: list[Ref | None] = [Ref(projects, total, "total")] if total else [None]
        if carried is not None and carried_total is not None:
            right.append(Ref(carried, carried_total, "total"))
        yield from pair([_one(expenditure, "合计", "project")], right, "项目支出")
    fund_income, capital = t("fund_income"), t("capital_budget")
    if fund_income and fiscal and fund_income.columns:
        yield from pair(
            [_one(fund_income, "合计", fund_income.columns[0].key)],
            [_one(fiscal, "政府性基金预算", "income_amount", "income")],
            "政府性基金收入",
        )
    if capital and fiscal:
        yield from pair(
            [_one(capital, "合计", "total", "expenditure") or _one(capital, "合计", "total")],
            [_one(fiscal, "本年支出合计", "state_capital", "expenditure")],
            "国有资本经营预算支出",
        )
    if fund and fiscal:
        yield from pair(
            [_one(fund, "合计", "total")],
            [_one(fiscal, "本年支出合计", "government_fund", "expenditure")],
            "政府性基金支出",
        )
