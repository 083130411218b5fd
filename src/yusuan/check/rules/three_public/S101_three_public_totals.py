"""三公经费表相加，公务用车分列购置费和运行费
The 三公 table adds up, and the car line splits into purchase and running.

What: in the "三公"经费 table, 合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费, and
公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费, in every column (Shanxi: one line
each; Shanghai: one record with a column each).

The identities are data (data/identities/<kind>.yaml, format in docs/identities.md), listed
below; rows are found by their role, whatever the template prints.

Why: the 三公 figures are the most read lines of a disclosure; the car split is required so
that the purchase of cars is visible on its own.

Legal basis: 《党政机关厉行节约反对浪费条例》; 财预〔2016〕143号《地方预决算公开操作规程》
（"三公"经费细化公开，公务用车购置费和运行费分别列示）.

Example: ``three_public 公务用车购置及运行费: 应为3.00万元（1.00+2.00），实为2.00万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate

TABLES = ("three_public",)


def check(ctx: Context) -> Iterator[Outcome]:
    """The S101 identities of data/identities/<kind>.yaml."""
    yield from evaluate(ctx, "S101")
