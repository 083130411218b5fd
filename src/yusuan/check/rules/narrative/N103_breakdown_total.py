"""构成占比合计约为100%，各部分之和等于总数
A breakdown's shares add up to about 100%, and its parts to the whole.

What: for a whole followed by its parts with shares ("预算收入341.11万元，主要包括一般公共
预算拨款收入341.11万元，占100.00%；政府性基金…占0%；…"): the shares never exceed 100% beyond
rounding; and when the parts' amounts make up the whole, their shares sum to 100% within
rounding (n parts × half a unit of the last printed digit).

Why: shares that do not add up show a part dropped, counted twice, or a mistyped share.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》.

Example: ``情况说明 三: 56.93% + 53.07% = 110.00%`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.check.shares import share_groups
from yusuan.model import Evidence, Finding, Severity, rounding_tolerance


def check(ctx: Context) -> Iterator[Finding]:
    unit = ctx.require_narrative().unit
    for group in share_groups(section_claims(ctx), unit):
        shares = [item.claim.number("share") for item, _ in group.parts]
        known = [s for s in shares if s is not None]
        if len(known) < 2:
            continue
        total = sum((s for s, _ in known), Decimal(0))
        tolerance = sum((Decimal(5).scaleb(-(p + 1)) for _, p in known), Decimal(0))
        amounts = [a for _, a in group.parts if a is not None]
        complete = False
        if group.base_amount is not None and amounts:
            parts_sum = sum((a.to(unit) for a in amounts), Decimal(0))
            complete = abs(parts_sum - group.base_amount.to(unit)) <= rounding_tolerance(
                [*amounts, group.base_amount], unit
            )
        evidence = Evidence(
            expected="100%", actual=f"{total}%", difference=f"{total - 100}%", tolerance=f"{tolerance}%"
        )
        first = group.parts[0][0]
        if total > 100 + tolerance:
            yield issue(
                Severity.ERROR,
                f"各部分占比合计{total}%，超过100%",
                f"the shares of the breakdown sum to {total}%, more than 100%",
                first.location,
                evidence=evidence,
            )
        elif complete and abs(total - 100) > tolerance:
            yield issue(
                Severity.WARNING,
                f"各部分金额合计等于总数，但占比合计为{total}%",
                f"the parts make up the whole but their shares sum to {total}%",
                first.location,
                evidence=evidence,
            )
