"""没有重复的标点和字词
No doubled punctuation or doubled words in the text.

What: "。。", "，，", "、、", "；；" and a function word written twice ("的的", "和和") in the
narrative and the glossary (data/shared/wording.yaml: repeated); reduplicated words
("实实在在") are not slips. Each place is reported once;
many in one section are one finding listing them.

Why: such slips show the text was not proofread; in a document that is a legal disclosure they
undermine its credibility.

Legal basis: 《党政机关公文格式》GB/T 9704-2012; 财预〔2016〕143号（公开内容准确）.

Example: ``情况说明: “主要用于缴纳职业年金支出。。”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import load_wording, squeeze


def check(ctx: Context) -> Iterator[Finding]:
    repeated = load_wording().repeated
    places = [(s.id, s.source, squeeze(s.text)) for s in ctx.disclosure.sections]
    places += [("名词解释", e.source, squeeze(e.term + e.definition)) for e in ctx.disclosure.glossary]
    for section_id, source, text in places:
        # "实实在在", "认认真真": a doubled pair after a doubled character is a reduplicated word
        found = [
            m
            for m in repeated.finditer(text)
            if not (m.start() >= 2 and text[m.start() - 2] == text[m.start() - 1])
        ]
        if not found:
            continue
        shown = "、".join(f"“{text[max(0, m.start() - 8) : m.end() + 2]}”" for m in found[:4])
        yield issue(
            Severity.WARNING,
            f"重复的标点或字词{len(found)}处：{shown}",
            f"{len(found)} doubled marks or words: {shown}",
            *(
                src_location(source, section=section_id, sentence=text[max(0, m.start() - 8) : m.end() + 2])
                for m in found
            ),
            hint="删去重复的标点或字词 / remove the doubled mark or word",
        )
