"""名称显示为购置的项目编入政府采购预算
Projects whose names show a purchase are covered by the procurement budget.

What: projects of the project table whose names say they buy something (购置, 采购, 购买 … —
the words are data, ``data/procurement/purchase-words.yaml``) are compared with the
procurement statement. A purchase project while the procurement budget is 0 or absent is a
warning; a procurement budget smaller than the purchase projects together is info (a
project such as 购置费及维护费 may buy only part of its money), naming the projects.

Why: a purchase paid from fiscal funds inside the catalogue or above the limit must be
budgeted as government procurement (应编尽编、应列尽列); a purchase project without a
procurement budget escapes the procurement rules.

Legal basis: 《中华人民共和国政府采购法》第二条、第六条; 晋财购〔2022〕3号 四（二）
(政府采购预算应编尽编、应列尽列、编实列细).

Example: ``政府采购预算总额0万元 — 项目“办公设备购置费”20.00万元`` (warning);
``政府采购预算总额3.93万元，名称显示为购置的项目“好差评系统购置费及维护费”9.90万元`` (info).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import cell_location, src_location
from yusuan.check.projects import project_rows
from yusuan.model import Evidence, Finding, Severity
from yusuan.reference.purchase_words import purchase_words

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)


def _wan(yuan: Decimal) -> str:
    return f"{yuan / Decimal(10000):.2f}万元"


def check(ctx: Context) -> Iterator[Finding]:
    statement = ctx.disclosure.procurement
    if statement is None:
        raise CannotEvaluate("没有读到政府采购情况 / no procurement statement read")
    table = ctx.require_table("projects")
    buying = []
    for row in project_rows(ctx, table):
        amount = row.amount(table, "total")
        if amount is not None and amount.value > 0 and any(w in row.name for w in purchase_words()):
            buying.append((row, amount))
    if not buying:
        return
    names = "、".join(f"“{row.name}”{amount}" for row, amount in buying)
    where = [src_location(statement.source, section="procurement")]
    where += [cell_location(table, row, "total") for row, _ in buying]
    budget = statement.total.yuan if statement.total is not None else Decimal(0)
    purchases = sum((amount.yuan for _, amount in buying), Decimal(0))
    if budget == 0:
        yield issue(
            Severity.WARNING,
            f"政府采购预算为0，但项目名称显示为购置：{names}",
            f"no procurement budget, yet projects are named as purchases: {names}",
            *where,
            evidence=Evidence(expected=f"> 0（至多 {_wan(purchases)}）", actual="0"),
            hint="将购置编入政府采购预算，或说明不属于政府采购的原因 / budget the purchase, or explain",
        )
    elif budget < purchases:
        yield issue(
            Severity.INFO,
            f"政府采购预算{_wan(budget)}少于名称显示为购置的项目金额之和{_wan(purchases)}（{names}）；"
            "请确认其余部分不属于政府采购",
            f"the procurement budget {_wan(budget)} is below the purchase projects' "
            f"{_wan(purchases)} ({names}); confirm the rest is not procurement",
            *where,
            evidence=Evidence(expected=f"≥ {_wan(purchases)}", actual=_wan(budget)),
            hint="核对采购预算是否覆盖项目中的购置部分 / check the budget covers the purchases",
        )
