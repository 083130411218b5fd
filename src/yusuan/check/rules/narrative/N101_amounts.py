"""情况说明中的每个金额与所指表格一致
Every amount the 情况说明 states agrees with the table cell it speaks of.

What: each "…X万元" of the narrative whose label the sentence patterns bind to a table cell
(data/templates/<profile>/narrative.yaml: 基本支出 → 支出总表 合计 基本支出; 一般公共服务支出 → 一般公共
预算支出表 201 …) is compared with that cell; a blank cell reads as 0. The tolerance is the
rounding of both printed figures (146.9 and 146.90 agree). A figure the narrative writes in 元
("基本支出1,942,100元") is converted exactly, so a 元 ↔ 万元 slip (19,421,000元) is found.
An item sentence of the functional classification ("“一般公共服务支出（类）财政事务（款）行政运行
（项）”1,623.18万元", data/shared/sentences.yaml) is bound to its line by code first, then by
the names of its 类, 款 and 项; a name worded differently is N107's concern, not an amount error.
Claims bound to no cell are listed as not evaluated with the reason (no table for that sentence,
table not read, no such line), except in sections whose statements other rules check (政府采购
G101…, 国有资产 G102…, 绩效 P106/P107; data). A figure printed twice (a page printed twice) is
one finding listing both places.

Why: the narrative is what most readers read; a figure there that differs from the tables
misinforms them, and shows that the text was not updated with the tables.

Legal basis: 《中华人民共和国预算法》第十四条（对预算作出说明）; 财预〔2016〕143号.

Example: ``情况说明 三: “基本支出194.21万元” — 支出总表 合计 基本支出 为195.21万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, Decimal

from yusuan.check.claims import AMOUNT_PATTERNS, section_claims
from yusuan.check.context import Context, issue, not_evaluated
from yusuan.check.figures import compare, judge
from yusuan.model import Amount, Finding, Location, NotEvaluated, Severity, Unit


def _tail(name: str, width: int) -> str:
    """The end of a long label or path, marked with … where its start is cut off."""
    return name if len(name) <= width else "…" + name[-width:]


def _truncated(stated: Amount | None, printed: Amount | None, unit: Unit) -> bool:
    """The text's figure is the table's cut off at the text's last digit (87.708 → 87.70)."""
    if stated is None or printed is None:
        return False
    exact = printed.to(unit)
    cut = exact.quantize(Decimal(1).scaleb(-stated.places), rounding=ROUND_DOWN)
    return cut == stated.to(unit) and cut != exact


def _exact(printed: Amount | None, unit: Unit) -> str:
    return f"{printed.to(unit).normalize():f}" if printed is not None else ""


def check(ctx: Context) -> Iterator[Finding | NotEvaluated]:
    patterns = ctx.require_narrative()
    unit = patterns.unit
    unbound: dict[tuple[str, str], list[str]] = {}
    truncated: list[tuple[str, Location]] = []
    for item in section_claims(ctx):
        if item.claim.pattern not in AMOUNT_PATTERNS:
            continue
        stated = item.claim.amount(unit)
        name = item.claim.values.get("path") or item.claim.label
        if item.target is None:
            if item.section.id in patterns.checked_elsewhere:
                continue
            unbound.setdefault((item.section.id, item.why_unbound), []).append(
                f"{_tail(name, 12)}{item.claim.values['amount']}"
            )
            continue
        result = compare(stated, [item.target.amount], unit)
        if result.agrees:
            continue  # judge's answer too; the wording and locations are made only for a finding
        written = (item.claim.unit or unit).value
        found = judge(
            result,
            unit,
            f"说明中“{_tail(name, 16)}{item.claim.values['amount']}{written}”与表中数不符",
            f"the narrative's {_tail(name, 16)} {item.claim.values['amount']} differs from the table",
            item.location,
            item.target.location,
            hint="以报表为准改正说明，或改正报表 / correct the text (or the table)",
        )
        if (
            found is not None
            and found.severity is not Severity.INFO
            and _truncated(stated, item.target.amount, unit)
        ):
            truncated.append(
                (f"{item.claim.values['amount']}←{_exact(item.target.amount, unit)}", item.location)
            )
            continue
        if found:
            yield found
    truncated = list(dict.fromkeys(truncated))  # a page printed twice states them twice
    if truncated:
        yield issue(
            Severity.INFO,
            f"说明中{len(truncated)}处金额按截断而非四舍五入取数（{'、'.join(t for t, _ in truncated[:6])}）",
            f"{len(truncated)} amounts of the narrative are truncated, not rounded",
            *(where for _, where in truncated),
            hint="按四舍五入折算为万元 / round half up when converting to 万元",
        )
    for (section_id, why), labels in unbound.items():
        yield not_evaluated(
            f"情况说明 {section_id}: {len(labels)} 个金额未对应到报表（{'、'.join(labels[:6])}）：{why}"
            f" / {len(labels)} amounts bound to no table cell"
        )
