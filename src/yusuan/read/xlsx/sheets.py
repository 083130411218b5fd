"""A worksheet -> Lines: one Line per row of the sheet's printed area, merged cells expanded.

The rows and columns read are those between the first and last cell holding a value (cells
that carry only formatting do not widen the sheet). In openpyxl's normal mode a merged range
keeps its value in its top-left cell and the others are empty, which is the Line convention:
text in the first column and row of the merge, empty strings elsewhere. Numbers are written as
shown (read.xlsx.numbers). Source: the file, page = the sheet's position (1-based), line = the
row, and a locator such as ``'表1'!A5:F5`` that a spreadsheet program opens. Hidden rows and
columns are not read (the sheet neither shows nor prints them); values in them are reported. A Line with no
cells ends each sheet: a hard boundary, no table runs on into the next sheet.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from openpyxl.utils import get_column_letter

from yusuan.model import ReadProblem, ReadProblemKind, Source
from yusuan.read.limits import Deadline, SizeTally
from yusuan.read.lines import Line
from yusuan.read.xlsx.numbers import shown_number

MAX_COLUMN = 16_384  # XFD


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


def _hidden(sheet: Any) -> tuple[set[int], set[int]]:
    """The hidden rows and the hidden columns of a sheet (not shown, not printed)."""
    rows = {index for index, dimension in sheet.row_dimensions.items() if dimension.hidden}
    columns: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden and dimension.min and dimension.max:
            columns.update(range(max(dimension.min, 1), min(dimension.max, MAX_COLUMN) + 1))
    return rows, columns


def _holds_value(cell: Any) -> bool:
    return cell.value is not None and bool(str(cell.value).strip())


def _concealed(
    path: str,
    page: int,
    title: str,
    concealed: list[tuple[int, int]],
    hidden_rows: set[int],
    hidden_columns: set[int],
) -> ReadProblem:
    """The problem naming the hidden rows and columns that hold values (the first 20 of each)."""
    rows = sorted({r for r, _ in concealed if r in hidden_rows})
    columns = sorted({c for _, c in concealed if c in hidden_columns})
    named = [*(f"列{get_column_letter(c)}" for c in columns[:20]), *(f"行{r}" for r in rows[:20])]
    return ReadProblem(
        ReadProblemKind.UNRECOGNISED,
        f"sheet {title}: 隐藏的行列中有内容，未读取 / hidden rows or columns hold values, not read",
        "、".join(named),
        Source(file=path, page=page, locator=sheet_reference(title)),
    )


def sheet_lines(
    path: str, page: int, sheet: Any, tally: SizeTally, deadline: Deadline
) -> tuple[list[Line], list[ReadProblem]]:
    """The Lines of one worksheet (openpyxl, normal mode) and a problem naming hidden cells with values.

    Hidden rows and columns are left out, as the sheet shows and prints them; the columns of the
    Lines are the visible ones between the first and the last holding a value.
    """
    cells: dict[tuple[int, int], Any] = sheet._cells  # the loaded cells; iter_rows would create the blanks
    hidden_rows, hidden_columns = _hidden(sheet)
    visible = [
        key
        for key, cell in cells.items()
        if _holds_value(cell) and key[0] not in hidden_rows and key[1] not in hidden_columns
    ]
    concealed = [
        key
        for key, cell in cells.items()
        if _holds_value(cell) and (key[0] in hidden_rows or key[1] in hidden_columns)
    ]
    problems = (
        [_concealed(path, page, sheet.title, concealed, hidden_rows, hidden_columns)] if concealed else []
    )
    if not visible:
        return [], problems
    first_row, last_row = min(r for r, _ in visible), max(r for r, _ in visible)
    first_column, last_column = min(c for _, c in visible), max(c for _, c in visible)
    columns = [c for c in range(first_column, last_column + 1) if c not in hidden_columns]
    tally.columns(len(columns))
    tally.add(last_row - first_row + 1, (last_row - first_row + 1) * len(columns))
    reference = sheet_reference(sheet.title)
    left, right = get_column_letter(first_column), get_column_letter(last_column)
    lines: list[Line] = []
    for row in range(first_row, last_row + 1):
        deadline.check()
        if row in hidden_rows:
            continue
        texts = tuple(
            cell_text(cell) if (cell := cells.get((row, column))) is not None else "" for column in columns
        )
        source = Source(file=path, page=page, line=row, locator=f"{reference}!{left}{row}:{right}{row}")
        lines.append(Line(cells=texts, source=source))
    lines.append(Line(cells=(), source=Source(file=path, page=page, locator=reference)))  # a hard boundary
    return lines, problems
