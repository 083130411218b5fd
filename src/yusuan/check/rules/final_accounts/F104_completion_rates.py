"""“完成年初预算的X%”按所写的年初预算和决算数重算
The completion rate "完成年初预算的X%" is recomputed from the stated budget and outturn.

What: in each 决算 statement "年初预算为A万元，支出决算为B万元，完成年初预算的C%", C must be
B ÷ A × 100 within the rounding of A, B and C as printed. A part of the 三公 stated with its
决算 and rate only ("因公出国（境）费决算为0.00万元，完成预算的0.00%") is recomputed against the 三公
table's 预算数. A rate stated for a 预算 of 0 cannot be computed and is reported: an error when
something was spent, a warning when nothing was (0 of 0).

Why: the completion rate is what readers take away from a 决算 statement; a wrong rate (often
copied from the item above) misstates how the budget was executed.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》; 上海市部门决算公开模板（“完成年初预算的
XX%”）.

Example: ``情况说明 五: 年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.16%:
应为98.61%`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Evidence, Finding, Severity, quantize

if TYPE_CHECKING:
    from yusuan.check.final_statements import Statement

KINDS = ("final_accounts",)


def _half_step(value: Decimal) -> Decimal:
    """Half of the last printed digit of ``value`` (452.40 -> 0.005)."""
    return Decimal(1).scaleb(min(value.as_tuple().exponent, 0)) / 2  # type: ignore[arg-type]


def _bounds(budget: Decimal, final: Decimal) -> tuple[Decimal, Decimal]:
    """The rates B/A×100 can have when A and B are each within half their last printed digit."""
    a, b = _half_step(budget), _half_step(final)
    low = (final - b).max(Decimal(0)) / (budget + a) * 100
    high = (final + b) / (budget - a) * 100 if budget > a else Decimal("Infinity")
    return low, high


def _judge(s: Statement) -> Finding | None:
    assert s.budget is not None and s.final is not None and s.rate is not None
    where = src_location(s.section.source, section=s.section.id, sentence=s.sentence)
    if s.budget == 0:
        nothing = s.final == 0
        return issue(
            Severity.WARNING if nothing else Severity.ERROR,
            f"预算为0，完成率“{s.rate_text}%”无从计算：{s.sentence}",
            f"a completion rate of {s.rate_text}% is stated for a budget of 0: {s.sentence}",
            where,
            hint="预算、决算均为0时不写完成率 / state no rate when both are 0"
            if nothing
            else "预算为0时说明年中追加或调剂，不写完成率 / explain the in-year addition instead",
        )
    half = Decimal(1).scaleb(-_places(s.rate_text)) / 2
    low, high = _bounds(s.budget, s.final)
    if s.rate + half < low or s.rate - half > high:
        expected = quantize(s.final / s.budget * 100, _places(s.rate_text))
        return issue(
            Severity.ERROR,
            f"完成率应为{expected}%（{s.final}÷{s.budget}），写的是{s.rate_text}%",
            f"the completion rate is {expected}% ({s.final}/{s.budget}), printed {s.rate_text}%",
            where,
            evidence=Evidence(expected=f"{expected}%", actual=f"{s.rate_text}%"),
        )
    return None


def _places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def check(ctx: Context) -> Iterator[Finding]:
    # final accounts only: a budget's check does not load the statements' patterns
    from yusuan.check.final_statements import part_statements, statements

    for s in [*statements(ctx), *part_statements(ctx)]:
        if s.budget is None or s.final is None or s.rate is None:
            continue  # placeholders (XXX) are D103's; a statement without a rate has nothing to recompute
        found = _judge(s)
        if found:
            yield found
