"""Everything the reader saw but could not read is reported, at its place.

What: each problem the reader recorded (an unreadable figure, a part it could not find or
recognise), each table cell kept as printed because it is not a readable figure, and each
field of a performance sheet that was printed but could not be read.

Why: a check that silently skips what it could not read passes documents it never saw. Every
gap is named so that a person can look at the printed page.

Legal basis: none; this is the checker's own rule of honesty (DESIGN.md: "whatever cannot be
read is reported as a finding with its location, never dropped").

Example: ``income 2010350 合计: 无法读取 "146.1?"`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location, src_location
from yusuan.model import Finding, ReadProblemKind, Severity

_SEVERITY = {
    ReadProblemKind.UNREADABLE: Severity.WARNING,
    ReadProblemKind.MISSING: Severity.WARNING,
    ReadProblemKind.UNRECOGNISED: Severity.INFO,
}


def check(ctx: Context) -> Iterator[Finding]:
    d = ctx.disclosure
    for problem in d.problems:
        yield issue(
            _SEVERITY[problem.kind],
            f"读取问题（{problem.kind.value}）：{problem.what}：{problem.text!r}",
            f"read problem ({problem.kind.value}): {problem.what}: {problem.text!r}",
            src_location(problem.source, section=problem.what),
            hint="请对照原文核对此处 / check this place against the printed document",
        )
    for table in d.tables.values():
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell.status.value == "unreadable":
                    yield issue(
                        Severity.WARNING,
                        f"无法读取的数字：{cell.text!r}",
                        f"figure not readable: {cell.text!r}",
                        cell_location(table, row, column.key),
                        hint="请对照原文核对此格 / check this cell against the printed table",
                    )
    for sheet in d.performance_targets:
        for what in sheet.unreadable:
            yield issue(
                Severity.WARNING,
                f"绩效目标表《{sheet.project}》的“{what}”无法读取",
                f"performance sheet {sheet.project!r}: {what} not readable",
                src_location(sheet.source, section=f"绩效目标表 {sheet.project}"),
            )
