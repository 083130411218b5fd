"""A location as the rules write it, found again in the Disclosure: the row, the cell, the text there."""

from __future__ import annotations

import copy

from yusuan import api
from yusuan.check.figures import cell_location
from yusuan.model import Disclosure, Location, ReadProblem, ReadProblemKind
from yusuan.read.places import find_row, place_text


def test_every_cell_location_the_rules_write_finds_its_cell(seed_as_text: Disclosure) -> None:
    checked = 0
    for table in seed_as_text.tables.values():
        for row in table.rows:
            for index, column in enumerate(table.columns):
                if index >= len(row.cells) or (column.side and row.side and column.side != row.side):
                    continue
                found = find_row(seed_as_text, cell_location(table, row, column.key))
                assert found is not None, (table.id, row.name, column.key)
                assert (found.table, found.row, found.cell) == (table, row, index), (
                    table.id,
                    row.name,
                    column.key,
                )
                checked += 1
    assert checked > 300


def test_the_text_printed_at_a_place(seed_as_text: Disclosure) -> None:
    table = seed_as_text.tables["expenditure"]
    row = table.rows[0]
    text = place_text(seed_as_text, cell_location(table, row, "basic"))
    assert text is not None
    parts = text.split(" · ")
    assert parts[0] == row.name == "合计"
    marked = [part for part in parts if part.startswith("【")]
    assert marked == [f"【基本支出 {row.cells[1].text.strip()}】"]
    assert place_text(seed_as_text, Location(sentence="一句话。", page=3)) == "一句话。"
    assert place_text(seed_as_text, Location(table="expenditure", row="没有这一行")) is None
    assert place_text(seed_as_text, Location(table="no_such_table", row="合计")) is None


def test_a_read_problem_names_its_row_by_the_code_alone(seed_as_text: Disclosure) -> None:
    """R101 names a table place as "table <id> row <code, or name> column <key>": each such row is
    found again, and the cell of the column the reader named (its printed header in the location)."""
    disclosure = copy.deepcopy(seed_as_text)
    table = disclosure.tables["expenditure"]
    rows = [row for row in table.rows if row.code][:3] + [row for row in table.rows if not row.code][:1]
    assert len(rows) == 4
    for row in rows:
        what = f"table {table.id} row {row.code or row.name} column total: 看不清"
        disclosure.problems.append(ReadProblem(ReadProblemKind.UNREADABLE, what, row.name, row.source))
    findings = [
        f for f in api.check_disclosure(disclosure, ["R101"]).findings if f.location.table == table.id
    ]
    assert [f.location.row for f in findings] == [row.code or row.name for row in rows]
    total = table.column_index("total")
    assert total is not None
    for finding, row in zip(findings, rows, strict=True):
        assert finding.location.column == table.columns[total].label
        found = find_row(disclosure, finding.location)
        assert found is not None and found.row is row and found.cell == total, finding.location


def test_a_read_problem_keeps_a_row_name_with_spaces_and_no_column_for_a_label_slip(
    seed_as_text: Disclosure,
) -> None:
    """A name of several words is kept whole (it was cut at the first space); an OCR slip in a row's
    label names a position ("label column 2"), not a column: the row is located, no cell."""
    disclosure = copy.deepcopy(seed_as_text)
    table = disclosure.tables["expenditure"]
    row = next(row for row in table.rows if not row.code)
    spaced = " ".join(row.name)  # as OCR may print a label, one glyph a word
    row.name = spaced
    disclosure.problems.append(
        ReadProblem(
            ReadProblemKind.UNREADABLE, f"table {table.id} row {spaced} label column 2: ", "?", row.source
        )
    )
    (finding,) = [
        f for f in api.check_disclosure(disclosure, ["R101"]).findings if f.location.table == table.id
    ]
    assert (finding.location.row, finding.location.column) == (spaced, None)
    found = find_row(disclosure, finding.location)
    assert found is not None and found.row is row and found.cell is None
