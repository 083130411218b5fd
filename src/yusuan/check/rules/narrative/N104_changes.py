"""比上年增减额、增减率与方向词相互一致
Changes on the previous year (比上年增加/减少X万元，增长/下降Y%) are consistent.

What: in "预算收入总计341.11万元，…，比上年增加3.92万元，增长1.16%": the two direction words
agree (增加 with 增长, 减少 with 下降), a zero change has a zero rate, and the rate equals the
change over last year's figure (this year's figure minus the increase, or plus the decrease),
within the rounding of the printed figures. The figure a change refers to is the first amount
of its clause.

Why: the change explains how the budget moved; contradictory words or a rate that does not
follow from the amounts show that the sentence was edited piecemeal.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（说明收支增减变化及原因）.

Example: ``情况说明 一: “比上年增加3.92万元，下降1.16%”`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.changes import change_claims, rate_evidence
from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.model import Finding, Severity, quantize


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    unit = patterns.unit
    for change in change_claims(section_claims(ctx), patterns):
        claim = change.item.claim
        words = f"{claim.values.get('direction', '')}{claim.values.get('change', '')}{unit.value}，" + (
            f"{claim.values.get('rate_direction', '')}{claim.values.get('rate', '')}%"
        )
        if change.rate is None:
            continue
        if change.rate_direction is not None and change.direction != change.rate_direction:
            yield issue(
                Severity.ERROR,
                f"“比上年{words}”：增减方向前后矛盾",
                f"'{words}': the two direction words contradict each other",
                change.item.location,
                hint="增加对应增长，减少对应下降 / 增加 goes with 增长, 减少 with 下降",
            )
            continue
        if change.subject is None or change.amount is None:
            continue
        rate, places = change.rate
        now, delta = change.subject.to(unit), change.amount.to(unit)
        previous = now - delta if change.direction == "up" else now + delta
        if previous <= 0:
            continue
        exact = delta / previous * 100
        err = (
            change.subject.half_step * change.subject.unit.factor
            + change.amount.half_step * change.amount.unit.factor
        ) / unit.factor
        delta_err = change.amount.half_step * change.amount.unit.factor / unit.factor
        low = max(delta - delta_err, Decimal(0)) / (previous + err) * 100
        high = (delta + delta_err) / max(previous - err, Decimal("0.000001")) * 100
        half = Decimal(5).scaleb(-(places + 1))
        if low - half <= rate <= high + half:
            continue
        yield issue(
            Severity.ERROR,
            f"“比上年{words}”：{change.amount.normalised()}÷上年{previous}"
            f"={quantize(exact, places)}%，与所写不符",
            f"'{words}': {change.amount.normalised()} / last year's {previous} = {quantize(exact, places)}%",
            change.item.location,
            evidence=rate_evidence(exact, rate, places, max(high - exact, exact - low) + half),
            hint="按增减额与上年数重新计算增长率 / recompute the rate",
        )
