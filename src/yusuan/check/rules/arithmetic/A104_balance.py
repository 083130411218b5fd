"""收入总计等于支出总计
收入总计 equals 支出总计.

What: in 收支总表 and 财政拨款收支总表, the 收入总计 (left) equals the 支出总计 (right, 合计
column); a budget balances.

The identities are data (data/identities/<kind>.yaml, format in docs/identities.md), listed
below; rows are found by their role, whatever the template prints.

Why: a budget that does not balance is either misprinted or incomplete; every other table
derives from these two figures.

Legal basis: 《中华人民共和国预算法》第十二条（各级预算应当遵循统筹兼顾、勤俭节约、量力而行、
讲求绩效和收支平衡的原则）.

Example: ``overview 收入总计 341.11万元 ≠ 支出总计 342.11万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate


def check(ctx: Context) -> Iterator[Outcome]:
    """The A104 identities of data/identities/<kind>.yaml."""
    yield from evaluate(ctx, "A104")
