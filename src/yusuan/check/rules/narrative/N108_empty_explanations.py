"""原因和用途说明不为空、不是模板填充
A reason or purpose the narrative opens is actually given.

What: every "主要原因是…" and "主要用于…" of the 说明 is followed by words that explain: not by
nothing ("主要原因是。"), nor by template filler ("主要原因是xxxxxx", "主要用于……", "等")
(data/shared/wording.yaml: reason_intros, purpose_intros, empty_explanation). One defect,
one rule: an explanation that is the template's placeholder ("主要原因是XXXXXXXX", "xxxxxx") is
template text left in the document, reported by D103; this rule reports the ones that are empty
or filler ("。", "……", "等").

Why: the 说明 exists to explain the figures; an announced reason that is left empty discloses
nothing and shows that the template was filled in carelessly.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对增减变化情况作出说明）.

Example: ``其他相关情况说明: “比2024年预算减少10万元，主要原因是……”`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.explanations import explanations
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import load_wording


def check(ctx: Context) -> Iterator[Finding]:
    wording = load_wording()
    for item in explanations(ctx):
        if not wording.empty_explanation.fullmatch(item.text) or wording.placeholders.search(item.text):
            continue
        what = "原因" if item.kind == "reason" else "用途"
        yield issue(
            Severity.ERROR,
            f"“{item.intro}”之后没有写明{what}：{item.sentence[-40:]}",
            f"{item.intro!r} is followed by no {item.kind}: {item.sentence[-40:]}",
            item.location,
            hint=f"写明具体{what} / state the actual {item.kind}",
        )
