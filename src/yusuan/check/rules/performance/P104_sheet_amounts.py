"""绩效目标表的资金（元）与项目金额（万元）一致
A sheet's amount (元) agrees with the project's amount (万元).

What: the 年度资金总额 of each sheet (printed in 元: 1,200,000) equals the project's 合计 in the
project table (printed in 万元: 120.00), converted exactly; the tolerance is the rounding of the
万元 figure (120.00万元 covers 1,199,950–1,200,050元). The 实施期资金总额 is compared instead only
when the sheet gives no annual figure (a multi-year project's 实施期 total is larger).

Why: the sheet commits targets for an amount of money; if that is not the budgeted amount,
either the sheet or the table is wrong.

Legal basis: 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）.

Example: ``绩效目标表 网络通讯费 70,000元 ≠ 项目支出表 7.50万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, judge, src_location
from yusuan.check.projects import project_rows, sheet_for
from yusuan.model import Amount, Finding

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.require_table("projects")
    for row in project_rows(ctx, table):
        sheet = sheet_for(ctx.disclosure.performance_targets, row.name)
        if sheet is None:
            continue
        planned = row.amount(table, "total")
        # the table gives this year's money: the 年度资金总额; the 实施期 total only stands in for
        # it when the sheet gives no annual figure (a multi-year project's 实施期 total is larger)
        compared: list[tuple[str, Amount | None]]
        if sheet.annual_amount_yuan is not None:
            compared = [("年度资金总额", sheet.annual_amount_yuan)]
        else:
            compared = [("实施期资金总额", sheet.amount_yuan)]
        for label, amount in compared:
            if amount is None or planned is None:
                continue
            found = judge(
                compare(amount, [planned], table.unit),
                table.unit,
                f"绩效目标表“{sheet.project}”的{label}{amount}与项目支出表{planned}不符",
                f"sheet {sheet.project!r}: {label} {amount} differs from the project table's {planned}",
                src_location(sheet.source, section=f"绩效目标表 {sheet.project}"),
                cell_location(table, row, "total"),
            )
            if found:
                yield found
