"""绩效目标表的年度资金不超过实施期资金
A sheet's amount for the year is within the amount for its whole period.

What: on each 项目支出绩效目标表, the 年度资金总额 (this year's money) is not above the
实施期资金总额 (the money of the whole implementation period, this year included), both as
printed in 元. A sheet where either figure could not be read is not judged (R101 lists it).

Why: a year cannot spend more than the whole project; a larger annual figure means one of the
two was typed wrong or taken from another project, and the targets were set for the wrong money.

Legal basis: 财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）; 财预〔2020〕10号.

Example: ``绩效目标表 网络通讯费: 年度资金总额120,000元 > 实施期资金总额100,000元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Evidence, Finding, Severity, Unit


def check(ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.disclosure.performance_targets:
        period, annual = sheet.amount_yuan, sheet.annual_amount_yuan
        if period is None or annual is None:
            continue
        if annual.to(Unit.YUAN) <= period.to(Unit.YUAN):
            continue
        yield issue(
            Severity.ERROR,
            f"绩效目标表“{sheet.project}”的年度资金总额{annual.normalised()}元大于实施期资金总额"
            f"{period.normalised()}元",
            f"sheet {sheet.project!r}: the year's {annual.normalised()} exceeds "
            f"the period's {period.normalised()}",
            src_location(sheet.source, section=f"绩效目标表 {sheet.project}"),
            evidence=Evidence(expected=f"≤{period.normalised()}元", actual=f"{annual.normalised()}元"),
            hint="核对两个金额 / check both amounts",
        )
