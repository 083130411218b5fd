"""每张表注明金额单位
Every table states its currency unit ("单位：万元").

What: a table printed without its currency line ("单位：万元", "单位：元") is reported as info,
all such tables in one finding, each located. The figures are then read in the profile's
unit (Shanxi 万元, Shanghai 元), which is a reasonable but unstated assumption — a reader of
the published page cannot tell 万元 from 元.

Why: the same figure is ten thousand times larger in 元 than in 万元; a table must say which.
Text extracted from a PDF may also have lost the line, so this is information, not an error.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开表格按统一格式，注明金额单位）.

Example: ``expenditure, income … 没有印出“单位：万元”，按模板的万元读取`` (info).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import table_location
from yusuan.model import Finding, Severity


def check(ctx: Context) -> Iterator[Finding]:
    missing = [t for t in ctx.disclosure.tables.values() if t.unit_line is None]
    if not missing:
        return
    unit = missing[0].unit.value
    names = "、".join(f"《{t.title}》" for t in missing[:3]) + ("等" if len(missing) > 3 else "")
    yield issue(
        Severity.INFO,
        f"{len(missing)}张表没有印出金额单位（{names}），按模板的{unit}读取",
        f"{len(missing)} tables print no currency unit; read in the template's {unit}",
        *(table_location(t) for t in missing),
        hint="在表头注明“单位：万元”或“单位：元” / state the unit above the table",
    )
