"""购买服务的项目列入政府采购的服务预算
Projects that buy services appear in the procurement budget's services.

What: when the procurement statement plans 0 for services while projects of the project
table are, by their names, purchases of services (服务费, 租赁费, 通讯费, 维护费 … — the words
are data), the projects are listed (warning).

Why: government purchases must be budgeted as procurement (应编尽编); a service project left
out of the procurement budget escapes the procurement rules and the SME reservation.

Legal basis: 《中华人民共和国政府采购法》第二条、第六条; the attached 集中采购目录及采购限额标准
(政府采购预算应编尽编).

Example: ``政府采购服务预算0万元 — 网络通讯费7.00万元、办公用房租赁费120.00万元`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import cell_location, src_location
from yusuan.check.projects import project_rows
from yusuan.model import Finding, Severity

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    words = ctx.require_narrative().service_words
    statement = ctx.disclosure.procurement
    if statement is None:
        raise CannotEvaluate("没有读到政府采购情况 / no procurement statement read")
    if statement.services is None or statement.services.value != 0:
        return
    table = ctx.require_table("projects")
    buying = [
        row
        for row in project_rows(ctx, table)
        if any(w in row.name for w in words) and (a := row.amount(table, "total")) is not None and a.value > 0
    ]
    if buying:
        names = "、".join(f"{r.name}{r.amount(table, 'total')}" for r in buying)
        yield issue(
            Severity.WARNING,
            f"政府采购服务预算为0，但项目中有服务类支出：{names}",
            f"no services in the procurement budget, yet projects buy services: {names}",
            src_location(statement.source, section="procurement"),
            *(cell_location(table, r, "total") for r in buying),
            hint="将服务类采购编入政府采购预算，或说明不属于政府采购的原因 / budget them, or explain",
        )
