"""决算数与预算数的比较用词与数字一致，差异写明原因
The 决算 vs 预算 direction words agree with the figures, and a difference gives its reason.

What: in each 决算 statement "年初预算为A万元，支出决算为B万元…决算数大于/小于/等于预算数…",
the word must agree with A and B (B > A 大于, B < A 小于, B = A 等于 or 持平), and a difference
must be followed by its reason ("主要原因…"). One defect, one rule: the template's pair of words
left undecided ("大于（小于）", "下降（增长）" …) and a reason still the template's placeholder
("主要原因：XXXXXXXX") are template text left in the document, reported by D103; a reason that is
printed but empty ("主要原因：。") is reported by N108. This rule reports what only the figures
tell: a word that contradicts them, and a difference stated with no reason at all.

Why: the template requires every difference between budget and outturn to be explained
("预决算持平的不用说明变动原因"); a direction word that contradicts the figures, or an empty
reason, tells the reader nothing or the opposite of the truth.

Legal basis: 《中华人民共和国预算法》第十四条（决算…应当…对重要事项作出说明）; 财预〔2016〕143号
《地方预决算公开操作规程》; 上海市部门决算公开模板（“决算数大于（小于）预算数的主要原因”）.

Example: ``情况说明 五: 年初预算为42.73万元，支出决算为40.35万元…决算数大于预算数: 应为小于`` (error);
``决算数小于预算数。`` with no reason after it (warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity

if TYPE_CHECKING:
    from yusuan.check.final_statements import Statement

KINDS = ("final_accounts",)

_WORDS = {"up": "大于", "down": "小于", "same": "等于（持平）"}


def _expected(s: Statement) -> str | None:
    if s.budget is None or s.final is None:
        return None
    return "up" if s.final > s.budget else "down" if s.final < s.budget else "same"


def _findings(s: Statement) -> Iterator[Finding]:
    where = src_location(s.section.source, section=s.section.id, sentence=s.sentence)
    expected = _expected(s)
    if s.undecided:  # "决算数大于（小于）预算数": no word was chosen, the template's text is D103's
        return
    if s.direction is not None and expected is not None and s.direction != expected:
        yield issue(
            Severity.ERROR,
            f"“{s.direction_text}”与数字不符：年初预算{s.budget}万元，决算{s.final}万元，应为{_WORDS[expected]}",
            f"{s.direction_text!r} contradicts the figures: budget {s.budget}, outturn {s.final}",
            where,
        )
    # a reason printed, however empty or unfinished, is N108's and D103's to judge
    if s.reason is None and expected in ("up", "down") and s.direction is not None:
        yield issue(
            Severity.WARNING,
            f"决算数{_WORDS[expected]}预算数，未说明原因",
            "budget and outturn differ but no reason is given",
            where,
        )


def check(ctx: Context) -> Iterator[Finding]:
    # final accounts only: a budget's check does not load the statements' patterns
    from yusuan.check.final_statements import statements

    for s in statements(ctx):
        yield from _findings(s)
