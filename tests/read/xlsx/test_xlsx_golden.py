"""The seed written as a workbook (xlsxwriter: one sheet per table, merged headers, figures as
numbers in "#,##0.00") reads back to the golden."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from seed_layout import GOLDEN, Block, Grid, Paragraph, figure

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read import read_document


def _sheet_starts() -> dict[int, str]:
    """Seed line -> name of the sheet it opens: each table (from its label), then the narrative."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    starts = {}
    for index, table in enumerate(golden["tables"], start=1):
        starts[table["line"] - 2 if table["number"] else table["line"]] = f"表{index}"
    starts[412] = "情况说明"  # 第三部分 2025年度单位预算情况说明
    return starts


def write_xlsx(blocks: list[Block], path: Path) -> Path:
    starts = _sheet_starts()
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("封面")
    formats: dict[int, Any] = {}
    merged = book.add_format({"align": "center", "border": 1})
    row = 0
    for block in blocks:
        first = block.line if isinstance(block, Paragraph) else block.lines[0]
        if first in starts:
            sheet, row = book.add_worksheet(starts[first]), 0
        if isinstance(block, Paragraph):
            if block.text:
                sheet.write_string(row, 0, block.text)
            row += 1
            continue
        assert isinstance(block, Grid)
        covered = block.covered()
        for r, cells in enumerate(block.rows):
            for c, text in enumerate(cells):
                if (r, c) in covered:
                    continue
                rows, columns = block.span(r, c)
                amount = figure(text) if block.data[r] else None
                if rows > 1 or columns > 1:
                    sheet.merge_range(row + r, c, row + r + rows - 1, c + columns - 1, text, merged)
                elif amount is not None:
                    places = amount.places
                    if places not in formats:
                        formats[places] = book.add_format({"num_format": "#,##0." + "0" * places})
                    sheet.write_number(row + r, c, float(amount.value), formats[places])
                elif text:
                    sheet.write_string(row + r, c, text)
        row += len(block.rows)
    book.close()
    return path


@pytest.fixture(scope="module")
def seed_xlsx(seed_layout: list[Block], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_xlsx(seed_layout, tmp_path_factory.mktemp("xlsx") / "seed.xlsx")


@pytest.fixture(scope="module")
def read(seed_xlsx: Path) -> Disclosure:
    return read_document(seed_xlsx)


def test_the_workbook_holds_numbers_and_merges(seed_xlsx: Path) -> None:
    book = openpyxl.load_workbook(seed_xlsx)
    assert book.sheetnames[:3] == ["封面", "表1", "表2"] and len(book.sheetnames) == 15
    income = book["表2"]
    assert income.merged_cells.ranges
    numbers = [c for row in income.iter_rows() for c in row if isinstance(c.value, float)]
    assert numbers and all(c.number_format == "#,##0.00" for c in numbers)
    assert 146.9 in [c.value for c in numbers]  # printed "146. 90": stored as the double 146.9


def test_tables_cell_by_cell(
    read: Disclosure,
    golden: dict[str, Any],
    compare_tables: Callable[[Disclosure, dict[str, Any], bool], int],
) -> None:
    assert compare_tables(read, golden, False) == 714


def test_same_disclosure_as_the_text(
    read: Disclosure, seed_as_text: Disclosure, plain: Callable[[Any], Any]
) -> None:
    mine, text = plain(disclosure_to_json(read)), plain(disclosure_to_json(seed_as_text))
    assert mine == text


def test_figures_are_written_as_shown(read: Disclosure) -> None:
    cell = read.tables["income"].rows[3].cells[0]  # 2010303 机关服务, printed "146. 90"
    assert cell.text == "146.90" and str(cell.amount.value if cell.amount else None) == "146.90"


def test_sources_name_sheet_row_and_range(read: Disclosure, seed_xlsx: Path) -> None:
    row = read.tables["income"].rows[3]
    assert row.source is not None
    assert (row.source.file, row.source.page) == (str(seed_xlsx), 3)  # 封面, 表1, 表2
    book = openpyxl.load_workbook(seed_xlsx)
    assert book.worksheets[2].cell(row.source.line or 0, 1).value == "2010303"
    assert row.source.locator == f"'表2'!A{row.source.line}:I{row.source.line}"
