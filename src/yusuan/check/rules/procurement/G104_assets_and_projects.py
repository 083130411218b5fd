"""国有资产情况与项目相符
The asset statement is plausible against the projects.

What: a project that rents or runs offices (名称含“办公用房”) while the office space the unit
is said to use is 0 m² (warning: "uses 0 m²" contradicts renting a building); a project that
buys (名称含“购置”/“采购”) while the procurement budget is zero (info: it may buy below the
procurement thresholds).

Why: the asset statement and the projects describe the same unit; when they seem to
disagree the reader should be able to see the explanation.

Legal basis: 财预〔2016〕143号（公开国有资产占有使用情况）; 《行政事业性国有资产管理条例》.

Example: ``项目“办公用房租赁费”120.00万元，而办公用房建筑总面积为0平方米`` (warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import cell_location
from yusuan.check.projects import project_rows
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)

_NO_SPACE = re.compile(r"办公用房建筑总面积0平方米")


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.require_table("projects")
    assets = ctx.disclosure.assets
    procurement = ctx.disclosure.procurement
    if assets is None and procurement is None:
        raise CannotEvaluate("没有读到资产与采购情况 / no asset or procurement statement read")
    for row in project_rows(ctx, table):
        amount = row.amount(table, "total")
        if amount is None or amount.value == 0:
            continue
        if procurement is not None and procurement.total is not None and procurement.total.value == 0:
            if "购置" in row.name or "采购" in row.name:
                yield issue(
                    Severity.INFO,
                    f"项目“{row.name}”{amount}含购置，而政府采购预算为0",
                    f"project {row.name!r} {amount} buys, yet the procurement budget is 0",
                    cell_location(table, row, "total"),
                )
        if assets is not None and _NO_SPACE.search(squeeze(assets.text)) and "办公用房" in row.name:
            yield issue(
                Severity.WARNING,
                f"项目“{row.name}”{amount}，而国有资产情况称办公用房建筑总面积为0平方米",
                f"project {row.name!r} {amount}, yet the stated office space is 0 m²",
                cell_location(table, row, "total"),
                hint="如为租用房屋，可在资产情况中说明 / explain rented space in the asset statement",
            )
