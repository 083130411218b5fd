"""每一行的合计栏等于各分栏之和
Across each line, the 合计 column equals its parts.

What: on every line of every table, 合计 = 基本支出 + 项目支出; 合计 = 人员经费 + 公用经费
(+ 项目支出 where the table splits so); 合计 = the sum of the funding columns (一般公共预算 +
政府性基金 + 国有资本经营 + 财政专户管理资金 + 单位资金 + 上年结转; or 财政拨款收入 + 事业收入 +
事业单位经营收入 + 其他收入 — those the table has); 合计 = 当年预算安排 + 上年结转安排.

Why: the columns split one amount several ways; when a split does not add up, one of the
printed figures is wrong.

Legal basis: 《中华人民共和国预算法》第三十二条; 财政部部门预算公开表格式（合计栏为各栏之和）.

Example: ``expenditure 2010350 事业运行 合计: 应为146.17万元，实为146.18万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, judge, layout, value_columns
from yusuan.model import Finding

# The columns that split a total by source of funds (Shanxi: 一般公共预算 … 上年结转; Shanghai:
# 财政拨款收入, 事业收入, 事业单位经营收入, 其他收入), and the splits by nature. A split whose
# columns are all part of a larger split the table has (人员+公用 inside 人员+公用+项目) is
# not an identity of that table.
_FUNDING = [
    "general_budget", "government_fund", "state_capital", "special_account", "unit_funds", "carryover",
    "fiscal", "business_income", "operating_income", "other_income",
]  # fmt: skip
_SPLITS = [
    ["basic", "project"],
    ["personnel", "public", "project"],
    ["personnel", "public"],
    ["current", "carryover"],
]


def check(ctx: Context) -> Iterator[Finding]:
    for table in ctx.disclosure.tables.values():
        coded = layout(ctx.profile, table) in ("coded", "side_by_side_coded")
        for side in sorted({c.side for c in table.columns}, key=str):
            keys = value_columns(table, side)
            if "total" not in keys:
                continue
            funding = [k for k in _FUNDING if k in keys]
            splits: list[list[str]] = []
            for split in (s for s in _SPLITS if all(k in keys for k in s)):
                if not any(set(split) < set(chosen) for chosen in splits):
                    splits.append(split)
            if len(funding) >= 2 and "current" not in keys:
                splits.append(funding)
            for row in table.iter_rows(side if side else None):
                total = row.amount(table, "total")
                for parts in splits:
                    amounts = [row.amount(table, k) for k in parts]
                    if total is None and (coded or all(a is None for a in amounts)):
                        continue  # a blank total in a coded table is A101's
                    result = compare(total, amounts, table.unit)
                    labels = "+".join(
                        table.columns[i].label for k in parts if (i := table.column_index(k)) is not None
                    )
                    found = judge(
                        result,
                        table.unit,
                        f"合计不等于{labels}",
                        f"total is not {'+'.join(parts)}",
                        cell_location(table, row, "total"),
                        *(cell_location(table, row, k) for k in parts),
                    )
                    if found:
                        yield found
