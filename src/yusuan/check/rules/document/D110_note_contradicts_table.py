"""表下注释与表中数字不矛盾
A table's note does not say the table is empty when it holds figures.

What: a note printed with a table that declares it empty ("本表为空表", "本单位无政府性基金预算，
本表无数据"; data/shared/wording.yaml empty_note) while cells of the table hold amounts other
than 0 is reported. (An empty table without such a note is C104's concern.)

Why: the note is left over from a year in which the table was empty, or belongs to another
table; either the note or the figures misinform the reader.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（空表应说明原因）.

Example: ``政府性基金预算支出表: 注“本单位无政府性基金预算，本表无数据”, 表中 合计 120.00`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location, table_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import load_wording, squeeze


def check(ctx: Context) -> Iterator[Finding]:
    empty_note = load_wording().empty_note
    for table in ctx.disclosure.tables.values():
        notes = [squeeze(n) for n in table.notes if empty_note.search(squeeze(n))]
        if not notes:
            continue
        filled = [
            (row, column.key)
            for row in table.rows
            for column, cell in zip(table.columns, row.cells, strict=False)
            if cell.amount is not None and cell.amount.value != 0
        ]
        if not filled:
            continue
        row, column = filled[0]
        yield issue(
            Severity.ERROR,
            f"表下注释“{notes[0][:40]}”称本表无数据，但表中有{len(filled)}个非零金额",
            f"the note {notes[0][:40]!r} calls the table empty; {len(filled)} cells hold amounts",
            table_location(table),
            cell_location(table, row, column),
            hint="删去注释，或核对表中数字 / remove the note or check the figures",
        )
