"""说明中列举的经济科目在经济分类表中有数
The economic items the narrative lists exist in the economic table, with money.

What: in the 一般公共预算基本支出 section, "人员经费188.51万元，主要包括：基本工资、津贴补贴…等"
and "公用经费5.70万元，主要包括：办公费、邮电费…等": each item named is a line of the economic
classification table with an amount in the 人员经费 (or 公用经费) column.

Why: the list tells readers what the money buys; an item that is not in the table (or holds no
such money) is text copied from another year or unit.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（基本支出按经济分类说明）.

Example: ``情况说明 六: 公用经费“主要包括：取暖费” — 经济分类表中没有“取暖费”`` (warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location, find_row, src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

# "人员经费188.51万元，主要包括：A、B、C等" — the column is named by the label.
_LIST = re.compile(
    r"(?P<label>人员经费|公用经费)[\d.]+万元[，,]?主要包括[：:](?P<items>[^。；;：:]+?)等?(?=[。；;：:]|$)"
)
_COLUMNS = {"人员经费": "personnel", "公用经费": "public"}


def check(ctx: Context) -> Iterator[Finding]:
    section = ctx.disclosure.section("general_basic")
    table = ctx.require_table("general_basic_economic")
    if section is None:
        return
    for match in _LIST.finditer(squeeze(section.text)):
        column = _COLUMNS[match.group("label")]
        for name in (n.strip() for n in match.group("items").split("、")):
            if not name:
                continue
            row = find_row(table, name)
            amount = row.amount(table, column) if row is not None else None
            if row is None or amount is None or amount.value == 0:
                missing = "没有这一行" if row is None else f"该行没有{match.group('label')}"
                yield issue(
                    Severity.WARNING,
                    f"说明称{match.group('label')}主要包括“{name}”，经济分类表中{missing}",
                    f"the narrative lists {name!r} under {match.group('label')}; the economic table "
                    + ("has no such line" if row is None else "shows no such money on it"),
                    src_location(section.source, section=section.id, sentence=match.group(0)[:80]),
                    *([cell_location(table, row, column)] if row is not None else []),
                    hint="按经济分类表改正列举 / list the items of the table",
                )
