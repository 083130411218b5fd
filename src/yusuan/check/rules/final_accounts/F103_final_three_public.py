"""“三公”经费决算表的预算数和决算数各自相加
The 三公 final accounts table adds up, for the 预算数 and for the 决算数.

What: in the 财政拨款“三公”经费支出决算表, on the 预算数 row and on the 决算数 row, 合计 =
因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and 公务用车购置及运行维护费 = 购置费 +
运行维护费. The identities are data (data/identities/final_accounts.yaml, rule F103).

Why: the 三公 figures are the most read lines of a 决算; the budget and the outturn are
compared by readers column by column, so each row must add up on its own.

Legal basis: 《党政机关厉行节约反对浪费条例》; 财预〔2016〕143号《地方预决算公开操作规程》
（"三公"经费细化公开）.

Example: ``final_three_public 决算数 合计: 应为0.39万元（0.00+0.00+0.39），实为0.49万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate

KINDS = ("final_accounts",)


def check(ctx: Context) -> Iterator[Outcome]:
    """The F103 identities of data/identities/final_accounts.yaml."""
    yield from evaluate(ctx, "F103")
