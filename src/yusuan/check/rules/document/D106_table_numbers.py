"""表号体例统一并符合文件口径
Tables are numbered in one style that fits the document's scope.

What: the printed table labels (预算公开表1 …) follow one style: a label in another style
("部门公开表9" among "预算公开表N"), or one that says 部门 in a 单位 disclosure, is a warning;
tables printed without a label while others have one are reported as info.

Why: a label in another style marks a table taken from another template or another
document; readers cite tables by their numbers.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（按统一格式公开）.

Example: ``capital_budget: “部门公开表9” — 其他表为“预算公开表N”，本件为单位预算`` (warning).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import table_location
from yusuan.model import Finding, Scope, Severity

_STYLE = re.compile(r"^(?P<style>\D*?)\s*(?P<number>\d+)$")


def check(ctx: Context) -> Iterator[Finding]:
    tables = list(ctx.disclosure.tables.values())
    styles = {
        t.id: m.group("style").strip()
        for t in tables
        if t.number and (m := _STYLE.match(t.number.strip())) is not None
    }
    if not styles:
        return
    usual = Counter(styles.values()).most_common(1)[0][0]
    unit_scope = ctx.disclosure.facts.scope is Scope.UNIT
    for table in tables:
        style = styles.get(table.id)
        if style is None:
            continue
        if style != usual or (unit_scope and "部门" in style and "部门" not in usual):
            yield issue(
                Severity.WARNING,
                f"表号“{table.number}”与其他表的“{usual}N”体例不一"
                + ("，且本件为单位预算" if unit_scope and "部门" in style else ""),
                f"table label {table.number!r} differs from the others' {usual!r}",
                table_location(table),
                hint="统一表号 / number the tables in one style",
            )
    unlabelled = [t for t in tables if not t.number]
    if unlabelled and len(unlabelled) < len(tables):
        yield issue(
            Severity.INFO,
            f"{len(unlabelled)}张表没有印表号（如《{unlabelled[0].title}》）",
            f"{len(unlabelled)} tables carry no number label",
            *(table_location(t) for t in unlabelled),
        )
