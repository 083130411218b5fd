"""A location as the rules write it, found again in the Disclosure: the row, the cell, the text there."""

from __future__ import annotations

from yusuan.check.figures import cell_location
from yusuan.model import Disclosure, Location
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
