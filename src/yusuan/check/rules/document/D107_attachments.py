"""所称附件确已附上，且适用于预算年度
What the text refers to as attached is attached, and is in force for the budget year.

What: a line of the narrative that refers to an attachment ("（一）政府购买服务指导性目录
详见附件") names something an attachment's title shows; an attachment whose title dates it to
other years ("2022—2023年集中采购目录") does not cover the budget year (warning).

Why: an attachment that is not what the text says leaves the referenced content undisclosed;
an expired catalogue does not state the rules for this year.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容完整）; 《中华人民共和国
政府采购法》第七条（集中采购目录由省级以上人民政府公布）.

Example: ``其他说明: “政府购买服务指导性目录 详见附件” — 附件为集中采购目录及采购限额标准`` (warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

_REFERS = re.compile(r"详见附件|附件详见")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]?")
_YEARS = re.compile(r"(20\d{2})\s*[—–\-~至]\s*(20\d{2})\s*年")


def _topic(lines: list[str], index: int) -> str:
    line = squeeze(lines[index])
    before = _REFERS.split(line)[0].strip("。：:，,")
    if not before and index > 0:
        before = squeeze(lines[index - 1])
    return _NUMBERING.sub("", before).strip("。：:，,")


def check(ctx: Context) -> Iterator[Finding]:
    attachments = ctx.disclosure.attachments
    titles = [squeeze(a.title) for a in attachments]
    for section in ctx.disclosure.sections:
        lines = [ln for ln in section.text.splitlines() if ln.strip()]
        for index, line in enumerate(lines):
            if not _REFERS.search(line):
                continue
            topic = _topic(lines, index)
            if not topic or any(topic in title for title in titles):
                continue
            what = "；".join(a.title[:30] for a in attachments) or "无附件 / none"
            yield issue(
                Severity.WARNING,
                f"说明称“{topic}”详见附件，但附件中没有（附件：{what}）",
                f"{topic!r} is said to be attached; no attachment is ({len(attachments)} attached)",
                src_location(section.source, section=section.id, sentence=squeeze(line)[:60]),
                *(src_location(a.source, section=f"附件 {a.title[:20]}") for a in attachments[:1]),
                hint="附上所说的材料，或改正说明 / attach what is referred to, or correct the text",
            )
    year = ctx.year
    if year is None:
        return
    expired = []
    for attachment in attachments:
        match = _YEARS.search(attachment.title) or _YEARS.search(attachment.text[:400])
        if match and not int(match.group(1)) <= year <= int(match.group(2)):
            expired.append((attachment, f"{match.group(1)}—{match.group(2)}"))
    if expired:
        first, years = expired[0]
        yield issue(
            Severity.WARNING,
            f"{len(expired)}份附件适用于{years}年，不含{year}年（如“{squeeze(first.title)[:40]}”）",
            f"{len(expired)} attachments are for {years}, not {year}",
            *(src_location(a.source, section=f"附件 {squeeze(a.title)[:20]}") for a, _ in expired),
            hint="附上本年度适用的目录 / attach the catalogue in force",
        )
