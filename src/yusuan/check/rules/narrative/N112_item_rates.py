"""按上年数和本年数说明的增减率计算正确
The rate of an item sentence follows from last year's and this year's figures.

What: in "上年当年预算执行数为A万元，本年预算安排B万元，比上年增长C%" (data/shared/sentences.yaml
item_with_previous and rate), C equals (B − A) ÷ A × 100 within the rounding of the three printed
figures. A rate stated on a last-year figure of 0 cannot be computed and is reported as such.
(Whether 增长/下降 fits is N109's concern.)

Why: the rate is what readers compare between items; a rate that does not follow from the two
figures was typed by hand or copied from another item.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对增减变化情况作出说明）.

Example: ``“上年当年预算执行数为100.00万元，本年预算安排110.00万元，比上年增长12.00%”`` — 应为10.00% (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.changes import rate_evidence
from yusuan.check.claims import SectionClaim, section_claims
from yusuan.check.context import Context, issue
from yusuan.model import Finding, Severity, quantize


def check(ctx: Context) -> Iterator[Finding]:
    unit = ctx.require_narrative().unit
    item: SectionClaim | None = None
    for claim_item in section_claims(ctx):
        claim = claim_item.claim
        if claim.pattern == "item_with_previous":
            item = claim_item
            continue
        if claim.pattern != "rate" or item is None or item.section.id != claim_item.section.id:
            continue
        previous, now = item.claim.amount(unit, "previous"), item.claim.amount(unit)
        stated = claim.number("rate")
        item_location = item.location
        item = None
        if previous is None or now is None or stated is None:
            continue
        rate, places = stated
        if previous.to(unit) == 0:
            yield issue(
                Severity.ERROR,
                f"上年数为0，无法计算增减率，却写了“{claim.values['rate_direction']}{claim.values['rate']}%”",
                f"a rate is stated on a last-year figure of 0: {claim.sentence[:60]}",
                claim_item.location,
                hint="上年为0时说明新增金额，不写增减率 / state the new amount, not a rate",
            )
            continue
        exact = abs(now.to(unit) - previous.to(unit)) / previous.to(unit) * 100
        err = (previous.half_step + now.half_step) * 100 / previous.to(unit)
        half = Decimal(5).scaleb(-(places + 1))
        if abs(rate - exact) <= err + half:
            continue
        yield issue(
            Severity.ERROR,
            f"增减率应为{quantize(exact, places)}%，说明中为{rate}%"
            f"（上年{previous.normalised()}、本年{now.normalised()}）",
            f"the rate should be {quantize(exact, places)}%, the text says {rate}%",
            claim_item.location,
            item_location,
            evidence=rate_evidence(exact, rate, places, err + half),
            hint="按(本年−上年)÷上年重新计算 / recompute (this year − last year) ÷ last year",
        )
