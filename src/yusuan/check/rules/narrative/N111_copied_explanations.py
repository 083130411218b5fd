"""各项的用途和原因不照抄其他项
An item's purpose or reason is not copied from another item.

What: within a section, two different items (two 类/款/项 lines, two 三公 items) given the very
same purpose ("主要用于…"), or the very same reason ("主要原因是…") for changes in opposite
directions (one cause cannot explain both a rise and a fall), are reported, as are two
consecutive items stating the same change and rate when their amounts differ ("比上年增加5.00
万元，增长10%" under two items of 50万元 and 80万元 cannot both be right). Short explanations
(fewer than 8 characters, "保持不变") and explanations that name their own item are not judged.

Why: a purpose or change copied from the item above is a sign that the text was produced by
copy and paste; the reader is told nothing true about the second item.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对支出情况逐项作出说明）.

Example: ``二、“行政运行”与“一般行政管理事务”均写“主要用于局本级人员经费及公用经费等基本支出”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.changes import change_claims
from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.check.explanations import explanations
from yusuan.model import Finding, Severity

_SHORTEST = 8  # characters: shorter explanations ("保持不变", "业务需要") repeat legitimately


def _copied_texts(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    for item in explanations(ctx):
        if len(item.text) < _SHORTEST:
            continue
        key = (item.section.id, item.kind, item.text)
        head = item.sentence[: max(0, len(item.sentence) - len(item.text) - len(item.intro))]
        first = seen.get(key)
        copied = first is not None and first[0] != head
        if copied and item.kind == "reason":  # a shared cause may explain several items alike
            copied = first is not None and None not in (first[1], item.explains) and first[1] != item.explains
        if copied:
            yield issue(
                Severity.WARNING,
                f"两项的{'原因' if item.kind == 'reason' else '用途'}一字不差：“{item.text[:40]}”",
                f"two items share the same {item.kind}: {item.text[:40]}",
                item.location,
                hint="逐项写明各自的用途和原因 / explain each item on its own",
            )
        seen.setdefault(key, (head, item.explains))


def _copied_changes(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    previous = None
    for change in change_claims(section_claims(ctx), patterns):
        if previous is not None and change.rate is not None and change.subject is not None:
            same_words = (change.direction, change.amount, change.rate) == (
                previous.direction,
                previous.amount,
                previous.rate,
            )
            if (
                same_words
                and change.item.section.id == previous.item.section.id
                and previous.subject is not None
                and change.subject.to(patterns.unit) != previous.subject.to(patterns.unit)
            ):
                sentence = change.item.claim.sentence[:60]
                yield issue(
                    Severity.WARNING,
                    f"金额不同的两项写了相同的增减额和增减率：{sentence}",
                    f"two items of different amounts state the same change and rate: {sentence}",
                    previous.item.location,
                    change.item.location,
                    hint="按各项自己的上年数重新计算 / recompute each item's change",
                )
        previous = change


def check(ctx: Context) -> Iterator[Finding]:
    yield from _copied_texts(ctx)
    yield from _copied_changes(ctx)
