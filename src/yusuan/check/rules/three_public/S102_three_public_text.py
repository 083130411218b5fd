"""说明中对三公和机关运行经费的表述与表格一致
What the narrative says of 三公 and 机关运行经费 agrees with their tables.

What: when the 情况说明 states there is no 三公 budget ("本单位无"三公"经费预算") or no
机关运行经费, the table must be empty; when the table holds money, the narrative must not say
there is none. (The amounts the narrative gives are compared with the tables by N101.)

Why: "无三公经费" beside a table with money (or the reverse) is a contradiction on the most
watched figures of a disclosure.

Legal basis: 《中华人民共和国预算法》第十四条（对机关运行经费的安排、使用情况作出说明）;
财预〔2016〕143号.

Example: ``情况说明 七: “本单位无"三公"经费预算” — 三公经费表 合计 2.00万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location, table_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    for table_id in ("three_public", "admin_running"):
        table = ctx.disclosure.table(table_id)
        section = ctx.disclosure.section(table_id)
        if table is None or section is None:
            continue
        text = squeeze(section.text)
        says_none = next((s for s in patterns.none_statements.get(table_id, ()) if squeeze(s) in text), None)
        if says_none and not table.is_empty:
            yield issue(
                Severity.ERROR,
                f"说明称“{says_none}”，但《{table.title}》有数",
                f"the narrative says {says_none!r} but table {table_id} holds figures",
                src_location(section.source, section=section.id, sentence=says_none),
                table_location(table),
            )
