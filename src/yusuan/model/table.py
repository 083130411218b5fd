"""A standard table as printed: semantic id, title, unit, columns, rows and cells.

Side-by-side tables (收支总表, 财政拨款收支总表: 收入 on the left, 支出 on the right) keep one
row per item; each column and each row names its ``side`` ("income" or "expenditure"), and a
row has no value in the other side's columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from yusuan.model.amount import Amount, Unit
from yusuan.model.slots import slot_setter
from yusuan.model.source import Source


class CellStatus(Enum):
    VALUE = "value"  # a readable amount
    BLANK = "blank"  # empty, or a dash: no value
    TEXT = "text"  # text where the column holds text (names, notes)
    UNREADABLE = "unreadable"  # printed, but not a figure we can read; kept as printed


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    """One printed cell: its text, the amount read from it, and its status."""

    text: str
    amount: Amount | None = None
    status: CellStatus = CellStatus.BLANK
    source: Source | None = None
    confidence: float | None = None  # OCR: the lowest character confidence (0..1); None when exact

    def __init__(
        self,
        text: str,
        amount: Amount | None = None,
        status: CellStatus = CellStatus.BLANK,
        source: Source | None = None,
        confidence: float | None = None,
    ) -> None:
        # What the dataclass __init__ does (a frozen one sets each field via object.__setattr__),
        # through the slots' own setters in half the time: cells are made by the thousand.
        _set_cell_text(self, text)
        _set_cell_amount(self, amount)
        _set_cell_status(self, status)
        _set_cell_source(self, source)
        _set_cell_confidence(self, confidence)

    @property
    def normalised(self) -> str | None:
        """The JSON form: a decimal string such as "146.90", or None."""
        return self.amount.normalised() if self.amount is not None else None


_set_cell_text = slot_setter(Cell, "text")
_set_cell_amount = slot_setter(Cell, "amount")
_set_cell_status = slot_setter(Cell, "status")
_set_cell_source = slot_setter(Cell, "source")
_set_cell_confidence = slot_setter(Cell, "confidence")


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its semantic key (``total``, ``basic`` …), its label as printed, its side."""

    key: str
    label: str
    side: str | None = None


@dataclass(slots=True)
class Row:
    """One line of a table: its name, code, side and cells, and the role tagged on it."""

    name: str
    cells: list[Cell]
    code: str | None = None
    side: str | None = None
    labels: dict[str, str] = field(default_factory=dict)  # text columns, e.g. 政府预算经济科目名称
    source: Source | None = None
    # What the row is (total, income_carryover, vehicle_running …: data/roles.yaml), tagged once
    # by yusuan.reference.roles.tag_roles; None for an ordinary line.
    role: str | None = None

    def cell(self, table: Table, key: str) -> Cell | None:
        index = table.column_index(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def amount(self, table: Table, key: str) -> Amount | None:
        found = self.cell(table, key)
        return found.amount if found is not None else None


@dataclass(slots=True)
class Table:
    """One table of the disclosure, as the template names it: columns and rows."""

    id: str
    title: str
    unit: Unit
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    number: str | None = None  # the printed label, e.g. "预算公开表1"
    unit_name: str | None = None  # "单位名称：" line as printed
    unit_line: str | None = None  # the currency line as printed ("单位：万元"); None when not printed
    notes: list[str] = field(default_factory=list)  # "注：本表无数据" …
    source: Source | None = None

    def column_index(self, key: str) -> int | None:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        return None

    def iter_rows(self, side: str | None = None) -> Iterator[Row]:
        return (row for row in self.rows if side is None or row.side == side)

    def row_by_code(self, code: str) -> Row | None:
        return next((row for row in self.rows if row.code == code), None)

    def row_by_name(self, name: str, side: str | None = None) -> Row | None:
        return next((row for row in self.iter_rows(side) if row.name == name), None)

    @property
    def is_empty(self) -> bool:
        """True when no cell of the table holds a value."""
        return all(cell.amount is None for row in self.rows for cell in row.cells)
