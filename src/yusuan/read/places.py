"""A finding's location found again in the Disclosure it was made from: the row, the cell, the text.

The rules name a cell by table id, row key ("2080506 机关事业单位职业年金缴费支出", or the name
when the row has no code) and column label as printed, with the page and line of the row
(``check.figures.cell_location``), or a read problem by the code alone (R101); a sentence by its
text, with the page and line of its section.
This module turns such a location back into the row and cell it names, and into the text a
person reads there — the form of the place that works for every input format.
"""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.model import Disclosure, Location, Row, Table


@dataclass(frozen=True, slots=True)
class RowPlace:
    """The row a location names, and the index of its cell (None when no column is named)."""

    table: Table
    row: Row
    cell: int | None


def row_key(row: Row) -> str:
    """How a location names a row: its code and name, or its name (as check.figures.row_key)."""
    return f"{row.code} {row.name}" if row.code else row.name


def _column(table: Table, row: Row, label: str) -> int | None:
    """The index of the column printed as ``label``: on the row's side when both sides have one."""
    matches = [i for i, column in enumerate(table.columns) if label in (column.label, column.key)]
    same_side = [i for i in matches if table.columns[i].side == row.side]
    chosen = same_side or matches
    return chosen[0] if chosen else None


def find_row(disclosure: Disclosure, location: Location) -> RowPlace | None:
    """The row (and cell) of a table location; None when the location names no row of a table read.

    When several rows carry the same key (a 总计 on two sides, a row printed twice), the one
    on the location's page and line wins, then the one on its page, then the first; among rows
    on one line, the one on the side that has the named column.
    """
    if location.table is None or location.row is None:
        return None
    table = disclosure.tables.get(location.table)
    if table is None:
        return None
    rows = [row for row in table.rows if row_key(row) == location.row]
    if not rows:  # a read problem names its row by the code alone, or the name when it has none (R101)
        rows = [row for row in table.rows if (row.code or row.name) == location.row]
    if not rows:
        return None

    def rank(row: Row) -> tuple[int, int]:
        source = row.source
        if source is None or source.page != location.page:
            place = 2
        else:
            place = 0 if source.line == location.line else 1
        sides = {c.side for c in table.columns if location.column in (c.label, c.key)}
        return place, 0 if not location.column or row.side in sides else 1

    row = min(rows, key=rank)
    cell = _column(table, row, location.column) if location.column else None
    if cell is not None and cell >= len(row.cells):
        cell = None
    return RowPlace(table, row, cell)


def row_text(place: RowPlace) -> str:
    """The row as printed: its key, each column's label and cell ("合计 887.36"), the named cell marked."""
    parts = [row_key(place.row)]
    for index, cell in enumerate(place.row.cells):
        label = place.table.columns[index].label if index < len(place.table.columns) else ""
        text = cell.text.strip() or "—"
        piece = f"{label} {text}".strip()
        parts.append(f"【{piece}】" if index == place.cell else piece)
    return " · ".join(parts)


def place_text(disclosure: Disclosure, location: Location) -> str | None:
    """What a person reads at ``location``: the row's cells, or the sentence; None when neither is known."""
    found = find_row(disclosure, location)
    if found is not None:
        return row_text(found)
    return location.sentence or None
