"""面向中小企业的预留份额不超过采购预算
The share reserved for small and medium enterprises lies within the procurement budget.

What: an amount the 政府采购情况 says is reserved for SMEs ("面向中小企业预留X万元", "其中
授予中小企业合同金额X万元") does not exceed the procurement total; a stated SME share (占X%)
agrees with amount ÷ total within the rounding of the three printed figures.

Why: the SME reservation is a policy commitment; a reservation larger than the budget is a
misprint.

Legal basis: 《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）; 《中华人民共和国政府采购法》第九条.

Example: ``情况说明 九: 面向中小企业预留5.00万元 > 采购总额3.93万元`` (error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Amount, Evidence, Finding, Severity
from yusuan.reference.narrative import squeeze

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)

_SME = re.compile(
    r"(?:面向中小企业预留|授予中小企业合同金额|中小企业预留)[^0-9]{0,6}(?P<amount>\d+(?:\.\d+)?)(?P<unit>万元|元)"
)
_SHARE = re.compile(r"占[^0-9，,。]{0,12}(?P<share>\d+(?:\.\d+)?)[%％]")


def check(ctx: Context) -> Iterator[Finding]:
    statement = ctx.disclosure.procurement
    if statement is None or statement.total is None:
        raise CannotEvaluate("没有读到政府采购预算总额 / no procurement total read")
    text = squeeze(statement.text)
    where = src_location(statement.source, section="procurement")
    for match in _SME.finditer(text):
        sme = Amount.parse(match.group("amount") + match.group("unit"))
        assert sme is not None
        if sme.yuan > statement.total.yuan:
            yield issue(
                Severity.ERROR,
                f"面向中小企业的金额{sme}超过政府采购预算总额{statement.total}",
                f"the SME amount {sme} exceeds the procurement total {statement.total}",
                where,
                evidence=Evidence(expected=f"≤{statement.total}", actual=str(sme)),
            )
            continue
        share = _SHARE.search(text, match.end())
        total = statement.total
        total_err = total.half_step * total.unit.factor
        if share and total.yuan > total_err:
            stated = Decimal(share.group("share"))
            places = len(share.group("share").partition(".")[2])
            sme_err = sme.half_step * sme.unit.factor
            exact = sme.yuan / total.yuan * 100
            low = max(sme.yuan - sme_err, Decimal(0)) / (total.yuan + total_err) * 100
            high = (sme.yuan + sme_err) / (total.yuan - total_err) * 100
            half = Decimal(5).scaleb(-(places + 1))
            if not low - half <= stated <= high + half:
                yield issue(
                    Severity.ERROR,
                    f"中小企业占比写为{stated}%，按金额计算为{exact:.2f}%",
                    f"SME share stated {stated}%, computed {exact:.2f}%",
                    where,
                )
