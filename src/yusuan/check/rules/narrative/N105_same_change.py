"""同一数字的比上年增减处处说法一致
The same figure's change on the previous year is stated the same way everywhere.

What: when several sentences state the change of figures that are the same (the 收入总计,
the 支出总计 and the 一般公共预算当年支出 of a unit funded only by the general budget are all
341.11万元), each states the same change, in the same direction. An error when the two sentences speak
of the same thing (the same label, or the same table cell); a warning when only the printed
figure is the same — two different quantities (机关运行经费 and 一般公共预算支出 of a unit that
spends on nothing else) may be equal this year and have changed differently.

Why: two different changes for one figure cannot both be right; typically one sentence was
updated and the other copied from last year.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》.

Example: ``情况说明 一 “比上年增加3.92万元” vs 情况说明 五 “比上年增加4.92万元” (341.11万元)`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.changes import Change, change_claims
from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.model import Finding, Severity


def _signed(change: Change) -> str | None:
    if change.amount is None or change.direction is None:
        return None
    sign = "-" if change.direction == "down" else "+"
    return f"{sign}{change.amount.value.normalize()}"


def _same_thing(a: Change, b: Change) -> bool:
    first, second = a.subject_item or a.item, b.subject_item or b.item
    if first.claim.label and first.claim.label == second.claim.label:
        return True
    if first.target is None or second.target is None:
        return False
    return (first.target.table.id, first.target.row.name, first.target.column) == (
        second.target.table.id,
        second.target.row.name,
        second.target.column,
    )


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    by_subject: dict[str, list[Change]] = {}
    for change in change_claims(section_claims(ctx), patterns):
        if change.subject is not None and _signed(change) is not None:
            by_subject.setdefault(str(change.subject.value.normalize()), []).append(change)
    for subject, changes in by_subject.items():
        for index, other in enumerate(changes[1:], start=1):
            earlier = changes[:index]
            # compare with an earlier statement of the same thing when there is one, else the first
            first = next((c for c in earlier if _same_thing(c, other)), earlier[0])
            if _signed(other) != _signed(first):
                yield issue(
                    Severity.ERROR if _same_thing(first, other) else Severity.WARNING,
                    f"同为{subject}{patterns.unit.value}，此处写比上年{_signed(other)}，"
                    f"{first.item.section.id}写{_signed(first)}",
                    f"the change of {subject} is {_signed(other)} here "
                    f"and {_signed(first)} in {first.item.section.id}",
                    other.item.location,
                    first.item.location,
                    hint="统一增减额 / state the same change",
                )
