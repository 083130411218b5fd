"""资产情况分别公开50万元以上通用设备和100万元以上专用设备
The asset statement reports 通用设备 above 50万元 and 专用设备 above 100万元.

What: the standard wording of 国有资产占有使用情况 gives 单位价值50万元以上通用设备 and
单位价值100万元以上专用设备; a statement that gives "100万元以上的通用设备" (twice 通用设备)
does not disclose the 专用设备 (warning).

Why: the two thresholds belong to two kinds of equipment; repeating one kind leaves the other
undisclosed.

Legal basis: 财政部部门预算公开模板（国有资产占有使用情况）; 《行政事业性国有资产管理条例》.

Example: ``国有资产: “占有使用价值100万元(原值)以上的通用设备0台(套)”`` (warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

_WRONG = re.compile(r"100万元[^。；;]{0,12}以上的?通用设备")


def check(ctx: Context) -> Iterator[Finding]:
    assets = ctx.disclosure.assets
    if assets is None:
        raise CannotEvaluate("没有读到国有资产占有使用情况 / no asset statement read")
    match = _WRONG.search(squeeze(assets.text))
    if match:
        yield issue(
            Severity.WARNING,
            f"“{match.group(0)}”：100万元以上应为专用设备，专用设备情况未公开",
            f"{match.group(0)!r}: the 100万元 threshold is for 专用设备, which is not disclosed",
            src_location(assets.source, section="assets", sentence=match.group(0)),
            hint="改为“单位价值100万元以上专用设备” / report 专用设备 above 100万元",
        )
