"""上年文件是同一单位的上一年度文件；单位更名予以报告
Last year's document is the same unit's, of the year before; a renamed unit is reported.

What: the document given as last year's (``--previous``, or paired in a batch) must be of the
year before this one and of the same kind (预算 with 预算, 决算 with 决算). When the unit's
name differs between the two years — the names compared without spaces and brackets — the
rename is reported, so that a reviewer can confirm it is the same unit (机构改革 renames
units; a wrong file pairs two different units).

Why: every cross-year comparison assumes the two documents describe the same unit in
consecutive years; a mismatched pair makes every other cross-year finding meaningless.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（预决算公开应当与上年度比较说明）.

Example: ``2025年 上海市普陀区规划和自然资源局 against 2024年 上海市普陀区规划局`` (warning: renamed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Evidence, Finding, Severity

_NOISE = re.compile(r"[\s()（）\[\]【】]")


def _name(text: str) -> str:
    return _NOISE.sub("", text or "")


def check(ctx: Context) -> Iterator[Finding]:
    previous = ctx.require_previous()
    now, then = ctx.disclosure.facts, previous.facts
    here = src_location(now.source, section="document")
    there = src_location(then.source, section="previous document")
    if now.year is not None and then.year is not None and then.year != now.year - 1:
        yield issue(
            Severity.ERROR,
            f"上年文件（{previous.source_file}）为{then.year}年，应为{now.year - 1}年",
            f"the previous document ({previous.source_file}) is of {then.year}, not {now.year - 1}",
            here,
            there,
            evidence=Evidence(expected=str(now.year - 1), actual=str(then.year)),
            hint="用同一单位上一年度的公开文件 / give the same unit's document of the year before",
        )
    if now.kind is not then.kind:
        yield issue(
            Severity.ERROR,
            f"上年文件（{previous.source_file}）类别为 {then.kind.value}，本文件为 {now.kind.value}",
            f"the previous document is a {then.kind.value}, this one a {now.kind.value}",
            here,
            there,
            evidence=Evidence(expected=now.kind.value, actual=then.kind.value),
            hint="预算与上年预算比较，决算与上年决算比较 / budget with budget, accounts with accounts",
        )
    if _name(now.unit) and _name(then.unit) and _name(now.unit) != _name(then.unit):
        yield issue(
            Severity.WARNING,
            f"单位名称与上年不同：上年“{then.unit}”，本年“{now.unit}”（更名，或不是同一单位）",
            f"the unit's name changed: '{then.unit}' last year, '{now.unit}' this year"
            " (renamed, or not the same unit)",
            here,
            there,
            evidence=Evidence(expected=then.unit, actual=now.unit),
            hint="确认是同一单位更名；否则换用正确的上年文件 / confirm the rename, or pair the right one",
        )
