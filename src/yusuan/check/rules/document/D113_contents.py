"""目录与正文一致
The table of contents (目录) lists what the document prints, and the document prints what it lists.

What: each entry of the 目录 that names a table of the template (by the table's title pattern)
or a section of the 说明 (by its title) must be printed in the document; and when the 目录
lists tables, every table the document prints must be among its entries. Entries that name
neither (part headings such as "第二部分 …部门决算表", "其他相关情况说明") are not compared: a
目录 lists parts, not every section of a part. A document without a 目录 is not checked (the
rule does not apply); a file that prints no table at all (tables published apart, see R101)
is not asked for the tables its 目录 lists.

Why: the 目录 is how a reader finds a table; an entry with nothing behind it sends the reader
looking for a table that was left out (or renamed), and a table missing from the 目录 is one
a reader may never find. Either shows that the 目录 was not updated with the document.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容完整、格式规范）; the regional
templates print the 目录 as part of the standard document (上海市部门预算、部门决算公开模板).

Example: ``目录 p.2: “7．2025年部门国有资本经营预算支出功能分类预算表” — 正文中没有这张表``
(warning); ``《财政拨款收支预算总表》未列入目录`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, DoesNotApply, issue
from yusuan.check.figures import src_location, table_location
from yusuan.model import Finding, Severity

_CONTENTS = "目录"


def check(ctx: Context) -> Iterator[Finding]:
    d = ctx.disclosure
    if not d.contents:
        raise DoesNotApply("未印目录 / no table of contents printed")
    sections = {s.id for s in d.sections}
    for entry in d.contents:
        where = src_location(entry.source, section=_CONTENTS, sentence=entry.text)
        if entry.table is not None and d.tables and entry.table not in d.tables:
            yield issue(
                Severity.WARNING,
                f"目录列有“{entry.text}”，正文中没有这张表",
                f"the contents list {entry.text!r}, a table the document does not print",
                where,
                hint="补上此表，或从目录中删去 / print the table or take the entry out",
            )
        elif entry.section is not None and entry.section not in sections:
            yield issue(
                Severity.WARNING,
                f"目录列有“{entry.text}”，正文中没有这一部分",
                f"the contents list {entry.text!r}, a part the document does not print",
                where,
                hint="补上此部分，或从目录中删去 / print the part or take the entry out",
            )
    listed = {entry.table for entry in d.contents if entry.table is not None}
    if not listed:
        return  # a 目录 of parts only: it does not list tables
    contents = src_location(d.contents[0].source, section=_CONTENTS)
    for table in d.tables.values():
        if table.id not in listed:
            yield issue(
                Severity.WARNING,
                f"《{table.title}》未列入目录",
                f"table {table.title!r} is not in the contents",
                table_location(table),
                contents,
                hint="在目录中补列此表 / add the table to the contents",
            )
