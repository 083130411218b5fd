"""项目支出表的合计等于各项目之和
In the project tables, the total line equals the sum of the projects.

What: in 项目支出表（本年预算） and 项目支出表（上年结转）, the 合计 line — or, where the
template prints the unit's name as the heading line, that line — equals the sum of the
project lines, in every column.

Why: the project total is repeated in the expenditure tables and the narrative; a project
left out of the sum, or a mistyped amount, breaks those comparisons.

Legal basis: 财政部部门预算公开表格式（项目支出表）; 《中华人民共和国预算法》第三十二条.

Example: ``projects 朔州市朔城区数字政府服务中心 合计: 应为146.90万元，实为147.90万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import judge_lines
from yusuan.check.projects import project_rows, project_total_row
from yusuan.model import Finding


def check(ctx: Context) -> Iterator[Finding]:
    for table_id in ("projects", "projects_carryover"):
        table = ctx.disclosure.table(table_id)
        if table is None:
            continue
        total = project_total_row(ctx, table)
        projects = project_rows(ctx, table)
        if total is None or not projects:
            continue
        for column in table.columns:
            found = judge_lines(
                table,
                total,
                projects,
                column.key,
                f"{total.name}不等于各项目之和",
                f"{total.name} (the project total) is not the sum of the projects",
            )
            if found:
                yield found
