"""读取时未能读出的内容逐项报告
Everything the reader saw but could not read is reported, at its place.

What: each problem the reader recorded (an unreadable figure, a part it could not find or
recognise), each table cell kept as printed because it is not a readable figure, and the
fields of each performance sheet that were printed but could not be read (one finding per
sheet, listing them).

Why: a check that silently skips what it could not read passes documents it never saw. Every
gap is named so that a person can look at the printed page; rules that need the unreadable
part say they were not evaluated.

Legal basis: none; this is the checker's own rule of honesty (DESIGN.md: "whatever cannot be
read is reported as a finding with its location, never dropped").

Severity: a table figure that cannot be read, or a part the reader missed, is a warning (the
checks around it are unverified); text damaged by OCR or extraction elsewhere is info.

Example: ``income 2010350 合计: 无法读取的数字 "146.1?"`` (warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location, src_location
from yusuan.model import CellStatus, Disclosure, Finding, ReadProblemKind, Severity
from yusuan.reference.narrative import squeeze

# A part the reader missed is a gap in what was checked (warning); damaged or unrecognised
# text is reported so a person can look, without calling the disclosure wrong (info). A table
# figure that cannot be read is a warning: the arithmetic around it is then unverified.
# The reader names a table place as "table <id> row <code or name>[ (<side>)][ column <key>]" (an OCR
# slip of a row's label: "… label column <n>", a position, not a column key); a name may hold spaces.
_IN_TABLE = re.compile(
    r"^table (?P<table>[a-z_]+) row (?P<row>.+?)(?: \((?P<side>[a-z_]+)\))?"
    r"(?: (?P<label>label )?column (?P<column>[^\s:]+))?\s*(?::.*)?$",
    re.DOTALL,
)
_SEVERITY = {
    ReadProblemKind.UNREADABLE: Severity.INFO,
    ReadProblemKind.MISSING: Severity.WARNING,
    ReadProblemKind.UNRECOGNISED: Severity.INFO,
}


def _column_label(d: Disclosure, table_id: str, key: str | None, label: str | None) -> str | None:
    """The printed header of the column the reader named by key (as cell locations name columns);
    none for an OCR label slip, whose "column" is a position."""
    table = d.tables.get(table_id)
    if key is None or label or table is None:
        return None
    index = table.column_index(key)
    return table.columns[index].label if index is not None else key


def check(ctx: Context) -> Iterator[Finding]:
    d = ctx.disclosure
    sheet_texts = {squeeze(u) for sheet in d.performance_targets for u in sheet.unreadable}
    for problem in d.problems:
        text = squeeze(problem.text)
        if text and any(text in u for u in sheet_texts):
            continue  # reported with its sheet below
        in_table = _IN_TABLE.match(problem.what)
        where = (
            src_location(
                problem.source,
                table=in_table.group("table"),
                row=in_table.group("row"),
                column=_column_label(
                    d, in_table.group("table"), in_table.group("column"), in_table.group("label")
                ),
            )
            if in_table
            else src_location(problem.source, section=problem.what)
        )
        yield issue(
            _SEVERITY[problem.kind],
            f"读取问题（{problem.kind.value}）：{problem.what}：{problem.text!r}",
            f"read problem ({problem.kind.value}): {problem.what}: {problem.text!r}",
            where,
            hint="请对照原文核对此处 / check this place against the printed document",
        )
    for table in d.tables.values():
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell.status is CellStatus.UNREADABLE:
                    yield issue(
                        Severity.WARNING,
                        f"无法读取的数字：{cell.text!r}",
                        f"figure not readable: {cell.text!r}",
                        cell_location(table, row, column.key),
                        hint="请对照原文核对此格 / check this cell against the printed table",
                    )
    for sheet in d.performance_targets:
        if not sheet.unreadable:
            continue
        listed = "；".join(u.replace("\t", " ")[:40] for u in sheet.unreadable[:5])
        more = f" 等{len(sheet.unreadable)}处" if len(sheet.unreadable) > 5 else ""
        yield issue(
            Severity.INFO,
            f"绩效目标表“{sheet.project}”有{len(sheet.unreadable)}处无法读取：{listed}{more}",
            f"performance sheet {sheet.project!r}: {len(sheet.unreadable)} parts not readable",
            src_location(sheet.source, section=f"绩效目标表 {sheet.project}"),
            hint="请对照原文核对此表 / check this sheet against the printed page",
        )
