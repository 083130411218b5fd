"""增减方向词与数字相符
The direction words agree with the figures they describe.

What: a change stated with a direction word is consistent with the figures: "增加/减少0万元"
(a change of nothing called an increase or a decrease), "持平/一致X万元" with X not 0, an
amount of 0 said to have increased or grown ("0万元，比上年增加…", nothing can have grown to 0),
an increase larger than the amount it brought about (last year would have been negative), and,
where a sentence gives last year's figure ("上年当年预算执行数为A万元，本年预算安排B万元，比上年
增长C%"), a direction word that does not follow from A and B. The amount a change refers to is
the first amount of its clause ("收入总计341.11万元，其中：…，比上年增加3.92万元"), or where the
template says so (data/templates/<profile>/narrative.yaml change_subject: adjacent) the amount just before
it ("财政拨款收入3,121.42万元，比2024年预算增加107.62万元").

Why: a direction word against the figures misleads the reader about how the budget moved; it is
typically left over from last year's text.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对增减变化情况作出说明）.

Example: ``“公务用车购置费0万元，比2024年预算增加10万元”`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.claims import AMOUNT_PATTERNS, SectionClaim, section_claims
from yusuan.check.context import Context, issue
from yusuan.model import Amount, Finding, Severity, Unit

_CHANGES = ("change", "change_with_rate", "flat_amount", "rate")


def _subject(before: list[SectionClaim], change: SectionClaim, mode: str) -> SectionClaim | None:
    """The amount a change speaks of: the first of its clause, or (mode "adjacent") the only one
    before it or the one just before it ("财政拨款收入3,121.42万元，比2024年预算增加"); else None."""
    if before and before[-1].claim.pattern == "item_with_previous":
        return before[-1]  # "上年…为A万元，本年预算安排B万元，比上年增长C%": the rate is the item's
    if mode != "adjacent":
        return before[0] if before else None
    if len(before) == 1:
        return before[0]
    if before and before[-1].claim.end + 1 == change.claim.start:
        return before[-1]
    return None


def _problem(
    item: SectionClaim, subject: SectionClaim | None, unit: Unit, directions: dict[str, dict[str, str]]
) -> str | None:
    claim = item.claim
    direction = claim.direction("direction", directions) or claim.direction("rate_direction", directions)
    change = claim.amount(unit, "change")
    zero_change = change is not None and change.to(unit) == 0
    if claim.pattern == "flat_amount":
        return None if zero_change else f"说“{claim.values['same']}”却写了变化额{claim.values['change']}万元"
    if zero_change and direction is not None:
        return f"变化额为0却说“{claim.values.get('direction', '')}”"
    if subject is None:
        return None
    now: Amount | None = subject.claim.amount(unit)
    if now is None:
        return None
    if subject.claim.pattern == "item_with_previous" and claim.pattern == "rate":
        previous = subject.claim.amount(unit, "previous")
        if previous is not None and direction is not None:
            moved = now.to(unit) - previous.to(unit)
            if moved == 0 or (moved > 0) != (direction == "up"):
                said = claim.values["rate_direction"]
                return f"上年{previous.normalised()}万元、本年{now.normalised()}万元，却说“{said}”"
        return None
    if direction == "up" and now.to(unit) == 0:
        return "金额为0却说比上年增加"
    if direction == "up" and change is not None and change.to(unit) > now.to(unit):
        return f"增加额{change.normalised()}万元大于本年金额{now.normalised()}万元（上年将为负数）"
    return None


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    before: list[SectionClaim] = []
    clause: tuple[str, int] | None = None
    for item in section_claims(ctx):
        key = (item.section.id, item.claim.clause)
        if key != clause:
            clause, before = key, []
        if item.claim.pattern in AMOUNT_PATTERNS:
            before.append(item)
            continue
        if item.claim.pattern not in _CHANGES:
            continue
        problem = _problem(
            item, _subject(before, item, patterns.change_subject), patterns.unit, patterns.directions
        )
        if problem:
            yield issue(
                Severity.ERROR,
                f"增减说法与数字不符：{problem}（{item.claim.sentence[:60]}）",
                f"the direction word contradicts the figures: {item.claim.sentence[:60]}",
                item.location,
                hint="按实际增减改正方向词或数字 / correct the direction word or the figures",
            )
