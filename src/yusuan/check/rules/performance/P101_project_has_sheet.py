"""项目支出表的每个项目都有绩效目标表
Every project of the project table has its performance sheet.

What: each project line of 项目支出表（本年预算） has a 项目支出绩效目标表 with the same
project name.

Why: performance targets are how a unit commits to what a project's money buys; a project
without a published sheet escapes that commitment, and the narrative's coverage claims (P106)
then overstate.

Legal basis: 《中共中央 国务院关于全面实施预算绩效管理的意见》（2018）; 财政部《项目支出绩效
评价管理办法》（财预〔2020〕10号）; 财预〔2016〕143号（绩效目标随部门预算公开）.

Example: ``projects 好差评系统购置费及维护费 9.90万元: 没有绩效目标表`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location
from yusuan.check.projects import project_rows, sheet_for
from yusuan.model import Finding, Severity

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.require_table("projects")
    for row in project_rows(ctx, table):
        if sheet_for(ctx.disclosure.performance_targets, row.name) is None:
            amount = row.amount(table, "total")
            yield issue(
                Severity.ERROR,
                f"项目“{row.name}”（{amount or '—'}）没有公开绩效目标表",
                f"project {row.name!r} ({amount or '-'}) has no performance sheet",
                cell_location(table, row, "total"),
                hint="公开该项目的绩效目标表 / publish the project's performance sheet",
            )
