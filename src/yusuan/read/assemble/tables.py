"""A table block (title + lines) -> Table: header skipped, one row per printed item.

Header lines are the lines before the first data line; a data line holds a row name or
code and either a figure or a name that is a row by itself (an ordinal such as "二、外交支出",
a code, a total named in the profile). After the first data line every line is a row,
except the column-number line and repeats of a header line (a table continued on a new
page). Row names lose all whitespace; cells keep the printed text.
"""

from __future__ import annotations

import re

from yusuan.model import Cell, Column, ReadProblem, ReadProblemKind, Row, Source, Table, Unit
from yusuan.read.assemble.blocks import TableBlock
from yusuan.read.assemble.cells import is_amount, make_cell
from yusuan.read.assemble.layouts import RawRow, split_line
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import (
    CHINESE_NUMBER,
    filled,
    has_cjk,
    is_column_numbers,
    single_text,
    squeeze,
)
from yusuan.read.lines import Line
from yusuan.reference.profiles import TableSpec

_ORDINAL = re.compile(rf"^[{CHINESE_NUMBER}]+、")


def table_columns(spec: TableSpec, year: int | None) -> list[Column]:
    """The profile's columns with ``{year}`` in their labels filled in."""

    def label(text: str) -> str:
        return text.replace("{year}", str(year)) if year is not None else text

    return [Column(key=c.key, label=label(c.label), side=c.side) for c in spec.columns]


class _TableReader:
    def __init__(self, block: TableBlock, reading: ReadingSpec, unit: Unit, year: int | None) -> None:
        spec = block.spec
        self.spec = spec
        self.reading = reading
        title = (single_text(block.title) or block.title.text).strip()
        self.table = Table(
            id=spec.id,
            title=title,
            unit=spec.unit or unit,
            columns=table_columns(spec, year),
            number=block.label,
            source=block.title.source,
        )
        self.problems: list[ReadProblem] = []
        self.headers: set[str] = set()
        self.started = False

    def is_data(self, row: RawRow) -> bool:
        if self.spec.layout == "record":
            return any(is_amount(v) for v in row.values)
        if not (row.name or row.code):
            return False
        name = squeeze(row.name)
        return bool(
            row.code
            or any(is_amount(v) for v in row.values)
            or name in self.reading.row_names
            or name in self.spec.rows
            or _ORDINAL.match(name)
        )

    def where(self, row: RawRow, key: str | None = None) -> str:
        who = row.code or squeeze(row.name) or "?"
        side = f" ({row.side})" if row.side else ""
        column = f" column {key}" if key else ""
        return f"table {self.spec.id} row {who}{side}{column}"

    def is_unit_meta(self, text: str) -> bool:
        """True for a 单位名称：… or a 单位：万元 cell."""
        reading = self.reading
        return bool(
            (reading.unit_name_line is not None and reading.unit_name_line.match(text))
            or (reading.unit_line is not None and reading.unit_line.match(squeeze(text)))
        )

    def meta(self, line: Line) -> bool:
        """Read a 单位名称 / 单位 / 注 line, or pass over page furniture; True when the line was one."""
        cells = filled(line)
        if len(cells) > 1 and all(self.is_unit_meta(cell) for cell in cells):
            # 单位名称：… and 单位：万元 side by side in one row (a workbook, a Word or web table)
            return all([self.meta(Line((cell,), line.source)) for cell in cells])
        text = single_text(line)
        if text is None:
            return False
        squeezed = squeeze(text)
        reading = self.reading
        if reading.unit_name_line is not None and (m := reading.unit_name_line.match(text.strip())):
            self.table.unit_name = m["name"].strip()
            return True
        if reading.unit_line is not None and (m := reading.unit_line.match(squeezed)):
            if self.table.rows:  # the figures above were read in the other unit: say so, change nothing
                self.problems.append(
                    ReadProblem(
                        ReadProblemKind.UNRECOGNISED,
                        f"table {self.spec.id}: 行之后的单位说明 / unit line after the rows",
                        text.strip(),
                        line.source,
                    )
                )
            else:
                self.table.unit = Unit.parse(m["unit"])
                self.table.unit_line = text.strip()
            return True
        if reading.note_line is not None and reading.note_line.match(squeezed):
            self.table.notes.append(text.strip())
            return True
        return any(pattern.match(squeezed) for pattern in reading.skip_lines)

    def add(self, raw: RawRow, source: Source) -> None:
        table = self.table
        values = iter(raw.values)
        cells: list[Cell] = []
        for column in table.columns:
            printed = next(values, "") if raw.side is None or column.side == raw.side else ""
            cell, problem = make_cell(printed, table.unit, source, self.where(raw, column.key))
            cells.append(cell)
            if problem is not None:
                self.problems.append(problem)
        labels = {
            column.key: text for column, text in zip(self.spec.labels, raw.labels, strict=False) if text
        }
        name = squeeze(raw.name)
        if self.spec.layout == "record":  # the rows of a record are named by the template
            name = self.spec.rows[len(table.rows)] if len(table.rows) < len(self.spec.rows) else ""
        row = Row(name=name, cells=cells, code=raw.code, side=raw.side, labels=labels, source=source)
        table.rows.append(row)
        if raw.stray_code:
            self.problems.append(
                ReadProblem(ReadProblemKind.UNREADABLE, self.where(raw, "code"), raw.stray_code, source)
            )
        if not raw.code and not has_cjk(raw.name) and self.spec.layout != "record":
            self.problems.append(
                ReadProblem(
                    ReadProblemKind.UNRECOGNISED,
                    f"{self.where(raw)}: 不是可识别的行，按原样保留 / not a recognisable row, kept",
                    raw.name,
                    source,
                )
            )

    def feed(self, line: Line) -> None:
        if line.is_blank or self.meta(line) or is_column_numbers(line):
            return
        key = squeeze(line.text)
        rows, leftover = split_line(list(line.cells), self.spec)
        if not self.started:
            if not any(self.is_data(row) for row in rows):
                self.headers.add(key)
                return
            self.started = True
        elif key in self.headers:
            return
        for raw in rows:
            self.add(raw, line.source)
        if leftover:
            self.problems.append(
                ReadProblem(
                    ReadProblemKind.UNRECOGNISED,
                    f"table {self.spec.id}: 表格列外的文字 / text beyond the table's columns",
                    " | ".join(leftover),
                    line.source,
                )
            )


def read_table(
    block: TableBlock, reading: ReadingSpec, unit: Unit, year: int | None
) -> tuple[Table, list[ReadProblem]]:
    """Build the table of ``block`` and the problems met reading it."""
    reader = _TableReader(block, reading, unit, year)
    for line in block.lines:
        reader.feed(line)
    return reader.table, reader.problems


def extend_table(table: Table, block: TableBlock, reading: ReadingSpec) -> list[ReadProblem]:
    """Add the rows of a continuation block (the same title printed again) to ``table``."""
    reader = _TableReader(block, reading, table.unit, None)
    reader.table = table
    for line in block.lines:
        reader.feed(line)
    return reader.problems
