"""A document read back against the Disclosure it was written from: the same cells, the same findings.

``yusuan build`` reads every file it wrote through yusuan's own readers before it keeps it;
a difference here means the published file would not say what the budget says, or would
not pass the checker the way the budget did.
"""

from __future__ import annotations

from collections import Counter

from yusuan.check.engine import Report
from yusuan.model import Disclosure, Row, Severity, Table

READ_FAMILY = "R"  # reading notes (text outside every table, e.g. a chart's title): not the document's


def _rows_by_name(table: Table) -> dict[tuple[str, str | None], list[Row]]:
    found: dict[tuple[str, str | None], list[Row]] = {}
    for row in table.rows:
        found.setdefault((row.name, row.side), []).append(row)
    return found


def _amount(table: Table, row: Row | None, key: str) -> object:
    cell = row.cell(table, key) if row is not None else None
    return cell.amount.value if cell is not None and cell.amount is not None else None


def compare_table(expected: Table, got: Table) -> tuple[int, list[str]]:
    """Cells compared, and every cell whose amount differs (blank is None) as
    "table row column: want read as have"."""
    compared, wrong = 0, []
    theirs = _rows_by_name(got)
    for key, rows in _rows_by_name(expected).items():
        for index, row in enumerate(rows):
            others = theirs.get(key, [])
            match = others[index] if index < len(others) else None
            for column in expected.columns:
                if column.side != row.side:
                    continue
                compared += 1
                want, have = _amount(expected, row, column.key), _amount(got, match, column.key)
                if want != have:
                    wrong.append(f"{expected.id} {row.name} {column.key}: {want} read as {have}")
    return compared, wrong


def cell_differences(expected: Disclosure, got: Disclosure) -> list[str]:
    """The tables and cells of ``expected`` that ``got`` lacks or reads otherwise."""
    wrong = []
    for table_id, table in expected.tables.items():
        other = got.tables.get(table_id)
        if other is None:
            wrong.append(f"{table_id}: 未读到此表 / table not read")
        else:
            wrong.extend(compare_table(table, other)[1])
    return wrong


def _outcomes(report: Report) -> Counter[tuple[str, str]]:
    return Counter(
        (f.rule, f.severity.value)
        for f in report.findings
        if not (f.rule.startswith(READ_FAMILY) and f.severity is Severity.INFO)
    )


def finding_differences(expected: Report, got: Report) -> list[str]:
    """Findings (rule, severity) that one report has more of than the other."""
    want, have = _outcomes(expected), _outcomes(got)
    return [
        f"{rule} {severity}: {want[(rule, severity)]} → {have[(rule, severity)]}"
        for rule, severity in sorted(set(want) | set(have))
        if want[(rule, severity)] != have[(rule, severity)]
    ]
