"""“比上年”比较的是上一年
Comparisons with "the previous year" are with year − 1.

What: a sentence that compares with a named year ("比2023年增加…", "与2023年度相比") in a 2025
budget (or a 2025 决算), or a stock date ("截至2023年12月31日", or "截至2024年8月31日" in a 2026
budget) that is not in the previous year, is reported (Shanghai states assets at 8月31日 of the
previous year, Shanxi at the end of it). In a 决算 (final accounts) the stock date is in the year
itself: a 2024 决算 states "截至2024年12月31日".

Why: budgets compare with the previous year's budget; a wrong year is usually text left over
from an older disclosure, and the change figures then belong to another comparison.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对比上年增减变化作出说明）.

Example: ``情况说明 一: “比2023年增加3.92万元” in a 2025 budget`` (error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Kind, Severity
from yusuan.reference.narrative import squeeze

_COMPARED = re.compile(
    r"比(20\d{2})年(?:度)?(?:预算)?(?:增加|减少|增长|下降|持平)|与(20\d{2})年(?:度)?(?:预算)?相比"
)
_STOCK_DATE = re.compile(r"截至(20\d{2})年(\d{1,2})月(\d{1,2})日")


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.year is None:
        raise CannotEvaluate("文件没有写明预算年度 / the document states no budget year")
    previous = ctx.year - 1
    final = ctx.disclosure.facts.kind is Kind.FINAL_ACCOUNTS
    stock_year = ctx.year if final else previous
    which = "本" if final else "上"
    for section in ctx.disclosure.sections:
        text = squeeze(section.text)
        for match in _COMPARED.finditer(text):
            if int(match.group(1) or match.group(2)) != previous:
                yield issue(
                    Severity.ERROR,
                    f"“{match.group(0)}”：{ctx.year}年预算应与{previous}年比较",
                    f"{match.group(0)!r}: a {ctx.year} budget compares with {previous}",
                    src_location(section.source, section=section.id, sentence=match.group(0)),
                )
        for match in _STOCK_DATE.finditer(text):
            if int(match.group(1)) != stock_year:
                yield issue(
                    Severity.ERROR if final else Severity.WARNING,
                    f"资产情况的时点“{match.group(0)}”不在{which}年（{stock_year}年）",
                    f"stock date {match.group(0)!r} is not in {stock_year}",
                    src_location(section.source, section=section.id, sentence=match.group(0)),
                )
