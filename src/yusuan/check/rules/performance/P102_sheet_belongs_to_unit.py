"""每张绩效目标表都属于本单位
Every performance sheet belongs to this unit.

What: each 项目支出绩效目标表's 实施单位 is the unit of the document, and its 主管部门 is the
department the unit's other sheets name. Names on scanned sheets carry OCR slips, so two names
that differ by a character or two ("数字画数字政府服务中心") count as the same; another unit's
name ("城镇发展服务中心") does not.

Why: a sheet of another unit (another 主管部门, another 实施单位) was attached by mistake; it
tells nothing about this unit's money and hides that this unit's own sheet is missing.

Legal basis: 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）; 财预〔2016〕143号.

Example: ``绩效目标表 遗属补助: 实施单位 朔州市朔城区城镇发展服务中心, 主管部门 042-朔州市朔城区
住房和城乡建设局 — 不是本单位`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.check.projects import belongs_to_unit, similar
from yusuan.model import Finding, Severity

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    sheets = ctx.disclosure.performance_targets
    own = [s.department for s in sheets if belongs_to_unit(ctx, s) and s.department.strip()]
    usual = max(own, key=lambda d: sum(1 for o in own if similar(o, d))) if own else None
    for sheet in sheets:
        where = src_location(sheet.source, section=f"绩效目标表 {sheet.project}")
        if not belongs_to_unit(ctx, sheet):
            yield issue(
                Severity.ERROR,
                f"绩效目标表“{sheet.project}”的实施单位是“{sheet.implementing_unit}”，"
                f"主管部门“{sheet.department}”，不是本单位",
                f"performance sheet {sheet.project!r} is implemented by {sheet.implementing_unit!r} "
                f"(department {sheet.department!r}), not by this unit",
                where,
                hint="删除他单位的绩效目标表，公开本单位的 / remove the other unit's sheet",
            )
        elif usual and sheet.department.strip() and not similar(sheet.department, usual):
            yield issue(
                Severity.WARNING,
                f"绩效目标表“{sheet.project}”的主管部门“{sheet.department}”与其他表（{usual}）不同",
                f"performance sheet {sheet.project!r} names department {sheet.department!r}, "
                f"the others {usual!r}",
                where,
            )
