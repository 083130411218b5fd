"""“比上年增减”与上年文件本身的数字一致
What a change on the previous year implies agrees with last year's own document.

What: "预算支出总计341.11万元，比上年增加3.92万元" says that last year's figure was 337.19万元.
With last year's document of the same unit (``--previous FILE``, or the same unit's previous
year in a batch) the rule finds the same figure there — the same sentence pattern binds it to
the same table cell (收支总表 合计, 一般公共预算支出表 合计 …) — and compares: this year's
figure minus the increase (or plus the decrease) must equal what last year's document
printed, within the rounding of the three printed figures.

Why: the change is the reader's only link between two years; a change computed from a draft,
an adjusted budget or another unit's figures misleads while each document looks consistent
on its own.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对本年度收支与上年度相比的增减变化作出说明）.

Example: ``情况说明 一: “比上年增加3.92万元” but the 2024 document's 收支总表 合计 is 340.00万元,
not 337.19万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.changes import change_claims
from yusuan.check.claims import resolve, section_claims
from yusuan.check.context import Context, issue, not_evaluated
from yusuan.check.figures import cell_location, fmt
from yusuan.model import Evidence, Finding, NotEvaluated, Severity, rounding_tolerance


def check(ctx: Context) -> Iterator[Finding | NotEvaluated]:
    previous = ctx.require_previous()
    patterns = ctx.require_narrative()
    unit = patterns.unit
    now_facts, then_facts = ctx.disclosure.facts, previous.facts
    if now_facts.kind is not then_facts.kind or (
        now_facts.year is not None and then_facts.year is not None and then_facts.year != now_facts.year - 1
    ):
        yield not_evaluated(
            "上年文件不是上一年度的同类文件（见 Y102）/ not last year's document of this kind"
        )
        return
    before = Context(previous)
    if before.narrative is None:
        yield not_evaluated(
            f"上年文件没有句式数据（模板 {previous.facts.profile}）/ no patterns for last year"
        )
        return
    unlocated = 0
    seen: set[tuple[object, ...]] = set()
    for change in change_claims(section_claims(ctx), patterns):
        subject = change.subject_item
        if subject is None or change.subject is None or change.amount is None:
            continue
        target = resolve(before, subject.section.id, subject.claim).target
        then = target.amount if target is not None else None
        if target is None or then is None:
            unlocated += 1
            continue
        now, delta = change.subject.to(unit), change.amount.to(unit)
        implied = now - delta if change.direction == "up" else now + delta
        if change.direction is None and delta == 0:
            implied = now
        printed = then.to(unit)
        tolerance = rounding_tolerance([change.subject, change.amount, then], unit)
        difference = printed - implied
        if abs(difference) <= tolerance:
            continue
        where = cell_location(target.table, target.row, target.column)
        key = (change.item.location, where, implied)
        if key in seen:  # the same sentence printed twice (a department's and its unit's part)
            continue
        seen.add(key)
        values = change.item.claim.values
        words = f"{subject.claim.label}{change.subject}，比上年{values.get('direction', '')}{change.amount}"
        yield issue(
            Severity.ERROR,
            f"“{words}”推出上年为{fmt(implied)}{unit.value}，而上年文件（{previous.source_file or '上年'}）"
            f"{where} 为{fmt(printed)}{unit.value}",
            f"'{words}' implies last year's figure {fmt(implied)}; last year's document prints "
            f"{fmt(printed)} at {where}",
            change.item.location,
            where,
            evidence=Evidence(
                expected=fmt(printed),
                actual=fmt(implied),
                difference=fmt(implied - printed),
                tolerance=str(tolerance.normalize() if tolerance else Decimal(0)),
            ),
            hint="按上年公开文件的数字重算增减额和增减率 / recompute the change from last year's figure",
        )
    if unlocated:
        yield not_evaluated(
            f"{unlocated} 处比上年增减在上年文件中找不到对应数字 / {unlocated} changes not located last year"
        )
