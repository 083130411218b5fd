"""每张绩效目标表都对应项目支出表中的项目
Every performance sheet is for a project the project table lists.

What: each 项目支出绩效目标表's 项目名称 is a project line of 项目支出表（本年预算）（or of the
上年结转 table).

Why: a sheet for a project that is not in the budget describes money the unit does not have
(often it is another unit's sheet, see P102).

Legal basis: 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）.

Example: ``绩效目标表 遗属补助 (6,036元): 项目支出表中没有此项目`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.check.projects import project_rows, same_project
from yusuan.model import Finding, Severity

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    names = []
    for table_id in ("projects", "projects_carryover"):
        table = ctx.disclosure.table(table_id)
        if table is not None:
            names += [r.name for r in project_rows(ctx, table)]
    for sheet in ctx.disclosure.performance_targets:
        if not any(same_project(sheet.project, name) for name in names):
            yield issue(
                Severity.ERROR,
                f"绩效目标表“{sheet.project}”（{sheet.amount_yuan or '—'}）的项目不在项目支出表中",
                f"performance sheet {sheet.project!r} ({sheet.amount_yuan or '-'}) is for no listed project",
                src_location(sheet.source, section=f"绩效目标表 {sheet.project}"),
                hint="核对项目名称，或删除不属于本单位预算的表 / check the name or remove the sheet",
            )
