"""每一行的合计栏等于各分栏之和
Across each line, the 合计 column equals its parts.

What: on every line of every table, 合计 = 基本支出 + 项目支出; 合计 = 人员经费 + 公用经费
(+ 项目支出 where the table splits so); 合计 = the sum of the funding columns (一般公共预算 +
政府性基金 + 国有资本经营 + 财政专户管理资金 + 单位资金 + 上年结转; or 财政拨款收入 + 事业收入 +
事业单位经营收入 + 其他收入 — those the table has); 合计 = 当年预算安排 + 上年结转安排.

The identities are data (data/identities/<kind>.yaml, format in docs/identities.md), listed
below; rows are found by their role, whatever the template prints.

Why: the columns split one amount several ways; when a split does not add up, one of the
printed figures is wrong.

Legal basis: 《中华人民共和国预算法》第三十二条; 财政部部门预算公开表格式（合计栏为各栏之和）.

Example: ``expenditure 2010350 事业运行 合计: 应为146.17万元，实为146.18万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate


def check(ctx: Context) -> Iterator[Outcome]:
    """The A102 identities of data/identities/<kind>.yaml."""
    yield from evaluate(ctx, "A102")
