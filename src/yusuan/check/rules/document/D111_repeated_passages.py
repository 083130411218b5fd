"""同一段文字没有重复印出
No passage of the text is printed twice.

What: two consecutive sentences (together 80 characters or more) that appear again, in the same
order, within one section of the 说明 — a whole page printed twice, a paragraph pasted twice —
are reported once per section, saying how many sentences repeat. A single sentence that recurs
is not judged: formulas ("与2024年预算持平。") and a reason shared by several items ("决算数小于
预算数的主要原因：…") legitimately do.

Why: a duplicated passage shows that the document was not proofread before publication, and
the reader cannot tell whether the second copy was meant to say something else.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容准确、完整）.

Example: ``部门预算编制说明: 第7页与第8页的11个句子完全相同`` (warning).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

_SENTENCE = re.compile(r"[^。！？]+[。！？]")
_LONGEST_FORMULA = 80  # characters of two sentences together: shorter runs repeat legitimately


def check(ctx: Context) -> Iterator[Finding]:
    for section in ctx.disclosure.sections:
        sentences = _SENTENCE.findall(squeeze(section.text))
        pairs = Counter(
            (first, second)
            for first, second in itertools.pairwise(sentences)
            if len(first) + len(second) >= _LONGEST_FORMULA
        )
        repeated = list(dict.fromkeys(s for pair, n in pairs.items() if n > 1 for s in pair))
        if not repeated:
            continue
        yield issue(
            Severity.WARNING,
            f"本节有{len(repeated)}个句子重复印出，如“{repeated[0][:30]}…”",
            f"{len(repeated)} sentences of this section are printed twice, e.g. {repeated[0][:30]!r}",
            src_location(section.source, section=section.id, sentence=repeated[0][:80]),
            hint="删去重复的段落 / remove the duplicated passage",
        )
