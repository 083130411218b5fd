"""空表保留格式并说明为何无数据
An empty table keeps its form and says why it is empty.

What: a table without any figure is still printed with its columns and its 合计 line, and
either carries a note (注：本表无数据 / 本单位无政府性基金预算…) that names the right fund, or
the 情况说明 states that there is none (本单位无"三公"经费预算). A note that names another
fund is reported too.

Why: an empty table without a word looks like an omission; readers must be able to tell
"nothing to disclose" from "not disclosed".

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》：没有数据的表格应当列示空表并说明.

Example: ``fund_expenditure: 空表没有说明`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import table_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    narrative = squeeze("".join(s.text for s in ctx.disclosure.sections))
    for table in ctx.disclosure.tables.values():
        if not table.is_empty:
            continue
        if not table.columns:
            yield issue(
                Severity.WARNING,
                "空表没有保留表格格式（没有栏目）",
                f"empty table {table.id} lost its form (no columns)",
                table_location(table),
            )
        fund = patterns.table_funds.get(table.id)
        notes = [squeeze(n) for n in table.notes]
        if notes:
            other = [f for f in set(patterns.table_funds.values()) if f != fund and fund and fund not in f]
            wrong = [n for n in notes if any(f in n for f in other) and (fund or "") not in n]
            if wrong:
                yield issue(
                    Severity.WARNING,
                    f"空表的说明“{wrong[0]}”说的不是本表的资金（应为{fund}）",
                    f"the note of empty table {table.id} names another fund (expected {fund})",
                    table_location(table),
                )
            continue
        statements = patterns.none_statements.get(table.id, ())
        if any(squeeze(s) in narrative for s in statements):
            continue
        yield issue(
            Severity.WARNING,
            f"空表《{table.title}》没有说明为何无数据",
            f"empty table {table.id} carries no note and the narrative does not explain it",
            table_location(table),
            hint=f"在表下注明“本单位无{fund or ''}预算，本表无数据” / add a note naming the fund",
        )
