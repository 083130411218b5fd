"""情况说明（及概况）的每一部分都在
Every section of the 情况说明 (and of the 概况) is there.

What: each narrative section the profile lists (Shanxi: 概况 一、二; 情况说明 一 … 十二) is
present; a section printed with an empty text is reported as well.

Why: the 情况说明 is where a unit explains its figures, 三公 and 机关运行经费 changes,
procurement, performance and assets. A missing section leaves those figures unexplained.

Legal basis: 《中华人民共和国预算法》第十四条（对机关运行经费的安排、使用情况等重要事项作出说明）;
财预〔2016〕143号《地方预决算公开操作规程》.

Example: ``情况说明 十一、国有资产占有使用情况 缺失`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity


def check(ctx: Context) -> Iterator[Finding]:
    profile = ctx.require_profile()
    for spec in profile.sections:
        section = ctx.disclosure.section(spec.id)
        name = f"{spec.part} {spec.number}、{spec.title}"
        if section is None:
            yield issue(
                Severity.ERROR,
                f"缺少{name}",
                f"section missing: {name} ({spec.id})",
                src_location(ctx.disclosure.facts.source, section=spec.id),
                hint="补上这一部分的说明 / add this section",
            )
        elif not section.text.strip():
            yield issue(
                Severity.WARNING,
                f"{name}没有内容",
                f"section {spec.id} is empty",
                src_location(section.source, section=spec.id),
            )
