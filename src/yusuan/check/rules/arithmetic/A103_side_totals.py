"""收支总表左右两方各自相加
In the side-by-side 收支总表, each side adds up.

What: in 收支总表 and 财政拨款收支总表, 本年收入合计 = the numbered income lines (一、二、…),
收入总计 = 本年收入合计 + 上年结转; 本年支出合计 = the numbered expenditure lines (the 类),
支出总计 = 本年支出合计 + 年终结转; in every amount column of that side.

The identities are data (data/identities/<kind>.yaml, format in docs/identities.md), listed
below; rows are found by their role, whatever the template prints.

Why: these totals are what the narrative and the other tables repeat; a total that is not
the sum of its lines breaks every comparison after it.

Legal basis: 《中华人民共和国预算法》第三十二条; 财政部部门预算公开表格式.

Example: ``overview 本年支出合计 2025年合计: 应为341.11万元，实为342.11万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate


def check(ctx: Context) -> Iterator[Outcome]:
    """The A103 identities of data/identities/<kind>.yaml."""
    yield from evaluate(ctx, "A103")
