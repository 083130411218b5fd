"""A worksheet -> Lines: one Line per row of the sheet's printed area, merged cells expanded.

The rows and columns read are those between the first and last cell holding a value (cells
that carry only formatting do not widen the sheet). In openpyxl's normal mode a merged range
keeps its value in its top-left cell and the others are empty, which is the Line convention:
text in the first column and row of the merge, empty strings elsewhere. Numbers are written as
shown (read.xlsx.numbers). Source: the file, page = the sheet's position (1-based), line = the
row, and a locator such as ``'表1'!A5:F5`` that a spreadsheet program opens. A Line with no
cells ends each sheet: a hard boundary, no table runs on into the next sheet.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from openpyxl.utils import get_column_letter

from yusuan.model import Source
from yusuan.read.limits import Budget, Deadline
from yusuan.read.lines import Line
from yusuan.read.xlsx.numbers import shown_number


def sheet_reference(title: str) -> str:
    """The sheet name as a formula writes it: quoted, inner quotes doubled."""
    return "'" + title.replace("'", "''") + "'"


def cell_text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return shown_number(value, cell.number_format)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _extent(cells: dict[tuple[int, int], Any]) -> tuple[int, int, int, int] | None:
    """(first row, last row, first column, last column) of the cells holding a value."""
    filled = [key for key, cell in cells.items() if cell.value is not None and str(cell.value).strip()]
    if not filled:
        return None
    rows = [r for r, _ in filled]
    columns = [c for _, c in filled]
    return min(rows), max(rows), min(columns), max(columns)


def sheet_lines(path: str, page: int, sheet: Any, budget: Budget, deadline: Deadline) -> list[Line]:
    """The Lines of one worksheet (openpyxl, normal mode)."""
    cells: dict[tuple[int, int], Any] = sheet._cells  # the loaded cells; iter_rows would create the blanks
    extent = _extent(cells)
    if extent is None:
        return []
    first_row, last_row, first_column, last_column = extent
    width = last_column - first_column + 1
    budget.columns(width)
    budget.add(last_row - first_row + 1, (last_row - first_row + 1) * width)
    reference = sheet_reference(sheet.title)
    left, right = get_column_letter(first_column), get_column_letter(last_column)
    lines: list[Line] = []
    for row in range(first_row, last_row + 1):
        deadline.check()
        texts = tuple(
            cell_text(cell) if (cell := cells.get((row, column))) is not None else ""
            for column in range(first_column, last_column + 1)
        )
        source = Source(file=path, page=page, line=row, locator=f"{reference}!{left}{row}:{right}{row}")
        lines.append(Line(cells=texts, source=source))
    lines.append(Line(cells=(), source=Source(file=path, page=page, locator=reference)))  # a hard boundary
    return lines
