"""情况说明中的每个金额与所指表格一致
Every amount the 情况说明 states agrees with the table cell it speaks of.

What: each "…X万元" of the narrative whose label the sentence patterns bind to a table cell
(data/narrative/<profile>.yaml: 基本支出 → 支出总表 合计 基本支出; 一般公共服务支出 → 一般公共
预算支出表 201 …) is compared with that cell; a blank cell reads as 0. The tolerance is the
rounding of both printed figures (146.9 and 146.90 agree). A figure the narrative writes in 元
("基本支出1,942,100元") is converted exactly, so a 元 ↔ 万元 slip (19,421,000元) is found.
Claims whose label is bound to no cell are listed as not evaluated, except in sections whose
statements other rules check (政府采购 G101…, 国有资产 G102…, 绩效 P106/P107; data).

Why: the narrative is what most readers read; a figure there that differs from the tables
misinforms them, and shows that the text was not updated with the tables.

Legal basis: 《中华人民共和国预算法》第十四条（对预算作出说明）; 财预〔2016〕143号.

Example: ``情况说明 三: “基本支出194.21万元” — 支出总表 合计 基本支出 为195.21万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.claims import section_claims
from yusuan.check.context import Context, not_evaluated
from yusuan.check.figures import compare, judge
from yusuan.model import Finding, NotEvaluated

_AMOUNT_PATTERNS = ("amount", "amount_share", "amount_yuan", "amount_share_yuan")


def check(ctx: Context) -> Iterator[Finding | NotEvaluated]:
    patterns = ctx.require_narrative()
    unit = patterns.unit
    unbound: dict[str, list[str]] = {}
    for item in section_claims(ctx):
        if item.claim.pattern not in _AMOUNT_PATTERNS:
            continue
        stated = item.claim.amount(unit)
        if item.target is None:
            if item.section.id in patterns.checked_elsewhere:
                continue
            unbound.setdefault(item.section.id, []).append(
                f"{item.claim.label[-12:]}{item.claim.values['amount']}"
            )
            continue
        result = compare(stated, [item.target.amount], unit)
        written = (item.claim.unit or unit).value
        found = judge(
            result,
            unit,
            f"说明中“{item.claim.label[-16:]}{item.claim.values['amount']}{written}”与表中数不符",
            f"the narrative's {item.claim.label[-16:]} {item.claim.values['amount']} differs from the table",
            item.location,
            item.target.location,
            hint="以报表为准改正说明，或改正报表 / correct the text (or the table)",
        )
        if found:
            yield found
    for section_id, labels in unbound.items():
        yield not_evaluated(
            f"情况说明 {section_id}: {len(labels)} 个金额未对应到报表（{'、'.join(labels[:6])}）"
            f" / {len(labels)} amounts bound to no table cell"
        )
