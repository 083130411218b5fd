"""三公经费说明与上年比较增减（提示）
The 三公 section states the change on the previous year (info).

What: the section "三公经费增减变动原因说明" says how the 三公 budget compares with the
previous year (比上年 / 与上年 / 上年…, or the previous year by number: "与2024年预算持平"
in a 2025 document), even when this year's budget is zero.

Why: the heading asks for the change and its reason; "本单位无三公经费预算" alone does not
show whether the budget fell.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（"三公"经费增减变化原因说明）.

Example: ``情况说明 七: “本单位无"三公"经费预算。” — 未与上年比较`` (info).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    section = ctx.disclosure.section("three_public")
    if section is None:
        raise CannotEvaluate("缺少三公经费说明 / no 三公 section (see C102)")
    text = squeeze(section.text)
    year = ctx.disclosure.facts.year
    markers = ["上年"] + ([f"{year - 1}年"] if year is not None else [])
    if not any(marker in text for marker in markers):
        yield issue(
            Severity.INFO,
            "三公经费说明没有与上年比较增减",
            "the 三公 section states no change on the previous year",
            src_location(section.source, section=section.id, sentence=squeeze(section.text)[:60]),
            hint="写明上年数与增减及原因 / give last year's figure and the change",
        )
