"""说明中“其中”所列各项之和等于总数
The parts a statement lists after "其中" add up to its total.

What: in "收入预算3,121.42万元，其中：财政拨款收入3,121.42万元…；事业收入0万元；事业单位经营收入
0万元；其他收入0万元" or "“三公”经费预算数为37.91万元…。其中：（一）…0万元…（二）…36.56万元…
（三）…1.35万元", the amounts of the parts (two or more) add up to the total within the rounding
of the printed figures. Parts that exceed the total are an error; parts short of it a warning (a
"其中" may list only some parts). A statement with only one part is not judged.

Why: a breakdown that does not add up shows a part dropped, counted twice or mistyped, even when
each figure alone matches some table.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》.

Example: ``“政府采购预算117.00万元，其中：货物17.00万元、工程0万元、服务110.00万元”`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.claims import section_claims
from yusuan.check.context import Context
from yusuan.check.figures import compare, judge
from yusuan.check.parts import parts_statements
from yusuan.model import Finding, Severity


def check(ctx: Context) -> Iterator[Finding]:
    unit = ctx.require_narrative().unit
    for statement in parts_statements(section_claims(ctx)):
        whole = statement.whole.claim.amount(unit)
        amounts = [p.claim.amount(unit) for p in statement.parts]
        result = compare(whole, amounts, unit)
        label = (statement.whole.claim.values.get("path") or statement.whole.claim.label)[-16:]
        found = judge(
            result,
            unit,
            f"“{label}{statement.whole.claim.values['amount']}{unit.value}”其中所列{len(amounts)}项之和",
            f"the {len(amounts)} parts listed under {label} {statement.whole.claim.values['amount']}",
            statement.whole.location,
            *(p.location for p in statement.parts if p.location != statement.whole.location),
            hint="核对所列各项与其所分解的金额 / check the parts against the amount they break down",
            severity=Severity.ERROR if result.expected > result.actual else Severity.WARNING,
        )
        if found:
            yield found
