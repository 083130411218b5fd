"""每个占比（占X%）按金额重新计算
Every share (占X%) is recomputed from its amount and the whole it is a share of.

What: in "支出预算341.11万元，其中：基本支出194.21万元，占56.93%", the share is the amount over
the whole named before the breakdown (the last amount stated without a share before the
first share). The stated share must lie within the range that the rounding of the printed
amounts and of the share itself allows.

Why: a wrong share misstates the structure of the budget, and usually betrays an amount
changed after the text was written.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（说明应准确反映预算结构）.

Example: ``情况说明 三: “占56.93%” — 194.21 / 341.11 = 56.93%; printed 65.93%`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.check.shares import share_groups
from yusuan.model import Evidence, Finding, Severity, quantize


def check(ctx: Context) -> Iterator[Finding]:
    unit = ctx.require_narrative().unit
    for group in share_groups(section_claims(ctx), unit):
        base = group.base_amount
        if base is None or base.value == 0:
            continue
        whole, whole_err = base.yuan, base.half_step * base.unit.factor
        for item, amount in group.parts:
            stated, places = item.claim.number("share") or (None, 0)
            if stated is None or amount is None:
                continue
            part, part_err = amount.yuan, amount.half_step * amount.unit.factor  # both in 元
            exact = part / whole * 100
            low = max(part - part_err, Decimal(0)) / (whole + whole_err) * 100
            high = (part + part_err) / (whole - whole_err) * 100
            half = Decimal(5).scaleb(-(places + 1))
            evidence = Evidence(
                expected=f"{quantize(exact, places)}%",
                actual=f"{stated}%",
                difference=f"{quantize(stated - exact, places + 1)}%",
                tolerance=f"{quantize(max(high - exact, exact - low) + half, places + 2)}%",
            )
            if low - half <= stated <= high + half:
                if stated != quantize(exact, places):
                    yield issue(
                        Severity.INFO,
                        f"“{item.claim.label[-12:]}占{stated}%”：按表计算为{evidence.expected}，差在四舍五入之内",
                        f"share {stated}% of {item.claim.label[-12:]}: "
                        f"{evidence.expected} computed, within rounding",
                        item.location,
                        evidence=evidence,
                    )
                continue
            yield issue(
                Severity.ERROR,
                f"“{item.claim.label[-12:]}{amount.normalised()}{unit.value}，占{stated}%”：应占{evidence.expected}"
                f"（{amount.normalised()}÷{base.normalised()}）",
                f"share of {item.claim.label[-12:]}: {stated}% printed, {evidence.expected} computed "
                f"({amount.normalised()} / {base.normalised()})",
                item.location,
                evidence=evidence,
                hint="按金额重新计算占比 / recompute the share from the amounts",
            )
