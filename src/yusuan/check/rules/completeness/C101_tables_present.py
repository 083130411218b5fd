"""模板规定的每张表都已公开，标题正确
Every table of the regional template is published, with its title.

What: each table the profile names (Shanxi: 13 tables, 收支总表 … 项目支出表（上年结转）) is
present in the document and its title is the template's title.

Why: a table that is left out hides a whole part of the budget; a reader cannot tell "no
money" from "not disclosed". A table with no data is published empty (see C104).

Legal basis: 《中华人民共和国预算法》第十四条; 财政部《地方预决算公开操作规程》
（财预〔2016〕143号）: 部门预算公开的表格按统一格式公开，没有数据的表格应当公开空表并说明.

A file that prints no table at all (the text only, "公开表附后") is one cause, reported once by
R101; this rule is then not evaluated.

Example: ``项目支出表（上年结转） 缺失`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location, table_location
from yusuan.model import Finding, Severity


def check(ctx: Context) -> Iterator[Finding]:
    profile = ctx.require_profile()
    facts = ctx.disclosure.facts
    if profile.tables and not ctx.disclosure.tables:
        # one cause, reported once by R101 (the file prints only the text; "公开表附后")
        raise CannotEvaluate(
            "本文件未印任何报表（见 R101），报表可能另行发布 / no table printed in this file (see R101)"
        )
    for spec in profile.tables:
        title = spec.title_for(ctx.year) if ctx.year else spec.title
        table = ctx.disclosure.table(spec.id)
        if table is None:
            yield issue(
                Severity.ERROR,
                f"缺少第{spec.number}张表《{title}》",
                f"table {spec.number} ({spec.id}) {title!r} is missing",
                src_location(facts.source, table=spec.id),
                hint="按模板公开此表；没有数据的公开空表并说明 / publish it, empty with a note if no data",
            )
        elif not spec.title_pattern.search(table.title.replace("“", '"').replace("”", '"')):
            yield issue(
                Severity.WARNING,
                f"第{spec.number}张表的标题《{table.title}》与模板《{title}》不符",
                f"table {spec.id}: title {table.title!r} differs from the template's {title!r}",
                table_location(table),
            )
