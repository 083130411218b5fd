"""原因与增减方向一致
A reason does not contradict the direction it explains.

What: a reason given for a decrease ("减少的主要原因是…") that speaks only of things that grew
(增加, 新增, 提高…) and of nothing that shrank, or a reason for an increase that speaks only of
things that shrank, is reported; a reason that sets the two against each other ("虽…但…") is
not (data/shared/wording.yaml: directions, up_words, down_words, contrast_words).

Why: a reason that points the other way is usually copied from another year or another item,
and leaves the reader without the real cause of the change.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对增减变化情况作出说明）.

Example: ``“比上年减少12.00万元，主要原因是新增信息化运维项目”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.explanations import explanations
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import load_wording

_WORD = {"up": "增加", "down": "减少"}


def check(ctx: Context) -> Iterator[Finding]:
    wording = load_wording()
    words = {"up": wording.up_words, "down": wording.down_words}
    for item in explanations(ctx):
        if (
            item.kind != "reason"
            or item.explains not in words
            or any(c in item.text for c in wording.contrast_words)
        ):
            continue
        other = "down" if item.explains == "up" else "up"
        said = [w for w in words[other] if w in item.text]
        if not said or any(w in item.text for w in words[item.explains]):
            continue
        yield issue(
            Severity.WARNING,
            f"{_WORD[item.explains]}的原因只说到“{said[0]}”：{item.text[:40]}",
            f"the reason for a{'n increase' if item.explains == 'up' else ' decrease'} "
            f"speaks only of the opposite ({said[0]}): {item.text[:40]}",
            item.location,
            hint="写明导致本项增减的实际原因 / state what actually moved the figure this way",
        )
