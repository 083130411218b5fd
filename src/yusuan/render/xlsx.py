"""XLSX with xlsxwriter: one sheet per table, merged headers, number formats, print set-up.

Amounts are written as numbers (so that the officer can work with them) in the format of the
places they were written with ("0.00" for 0.01 万元). Excel stores a number as a binary double;
every amount of 15 significant digits or fewer shows back exactly in its format.
"""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from yusuan.model import Disclosure
from yusuan.render.chart import PALETTE, ChartBlock
from yusuan.render.document import Document, Heading, Paragraphs, TableBlock, build_document
from yusuan.render.grid import GridCell, placed
from yusuan.render.html import DRAFT_MARK

TEXT_FONT, HEADING_FONT = "仿宋", "黑体"
A4 = 9  # Excel's paper code
WIDTH_PER_UNIT = 5.5  # characters of column width per unit of the grid's relative widths
TEXT_SHEET = "说明"
PERFORMANCE_SHEET = "performance"  # TableBlock.id of a 绩效目标表, printed inside its section
LINE_HEIGHT = 14  # points per line of 10.5 pt text


class _Formats:
    """The workbook's formats, made once per kind (xlsxwriter wants few distinct formats)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.cache: dict[tuple[Any, ...], Format] = {}

    def get(self, kind: str, places: int | None = None, indent: int = 0) -> Format:
        key = (kind, places, indent)
        if key not in self.cache:
            self.cache[key] = self.book.add_format(self._props(kind, places, indent))
        return self.cache[key]

    @staticmethod
    def _props(kind: str, places: int | None, indent: int) -> dict[str, Any]:
        base: dict[str, Any] = {"font_name": TEXT_FONT, "font_size": 10.5, "valign": "vcenter"}
        if kind == "title":
            return {
                **base,
                "font_name": HEADING_FONT,
                "font_size": 16,
                "bold": True,
                "align": "center",
                "text_wrap": True,
            }
        if kind == "number_label":
            return {**base, "font_name": HEADING_FONT, "font_size": 11}
        if kind == "meta":
            return {**base, "font_size": 11}
        if kind == "meta_right":
            return {**base, "font_size": 11, "align": "right"}
        if kind == "paragraph":
            return {**base, "font_size": 12, "text_wrap": True, "valign": "top"}
        if kind == "heading":
            return {**base, "font_name": HEADING_FONT, "font_size": 12}
        boxed = {**base, "border": 1, "text_wrap": True}
        if kind == "header":
            return {**boxed, "font_name": HEADING_FONT, "align": "center"}
        if kind == "number":
            pattern = "#,##0" + ("." + "0" * places if places else "")
            return {**boxed, "align": "right", "num_format": pattern}
        return {**boxed, "align": "left", "indent": indent}


def _write_cell(sheet: Worksheet, fmt: _Formats, r: int, c: int, cell: GridCell, header: bool) -> None:
    if header:
        style = fmt.get("header")
    elif cell.numeric:
        style = fmt.get("number", cell.places if cell.places is not None else 2)
    else:
        style = fmt.get("text", indent=cell.indent)
    if cell.colspan > 1 or cell.rowspan > 1:
        sheet.merge_range(r, c, r + cell.rowspan - 1, c + cell.colspan - 1, cell.text, style)
    elif cell.numeric and cell.value is not None:
        sheet.write_number(r, c, cell.value, style)
    else:
        sheet.write_string(r, c, cell.text, style)


def _text_width(text: str) -> int:
    """Width in column units: a CJK character takes two, a digit or letter one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _row_heights(sheet: Worksheet, rows: list[list[GridCell]], first: int, widths: list[float]) -> None:
    """Rows tall enough for their wrapped text: spreadsheets do not measure text they did not lay out."""
    heights: dict[int, int] = {}
    for r, c, cell in placed(rows):
        width = max(int(sum(widths[c : c + cell.colspan]) * WIDTH_PER_UNIT) - 1, 2)
        lines = max(-(-_text_width(cell.text) // width), 1)
        lines = -(-lines // cell.rowspan)
        heights[r] = max(heights.get(r, 1), lines)
    for r, lines in heights.items():
        if lines > 1:
            sheet.set_row(first + r, LINE_HEIGHT * lines)


def _table_sheet(book: Workbook, fmt: _Formats, name: str, block: TableBlock, draft: bool) -> None:
    sheet = book.add_worksheet(name)
    grid = block.grid
    last = grid.n_columns - 1
    row = 0
    if block.number:
        sheet.write_string(row, 0, block.number, fmt.get("number_label"))
        row += 1
    title = f"{DRAFT_MARK} {block.title}" if draft else block.title
    if last > 0:
        sheet.merge_range(row, 0, row, last, title, fmt.get("title"))
    else:
        sheet.write_string(row, 0, title, fmt.get("title"))
    title_width = sum(grid.widths) * WIDTH_PER_UNIT / 3  # 16 pt CJK characters per line, roughly
    sheet.set_row(row, 24 * max(-(-len(title) // max(int(title_width), 1)), 1))
    row += 1
    if block.unit_name or block.unit:
        sheet.write_string(row, 0, block.unit_name, fmt.get("meta"))
        sheet.write_string(row, last, block.unit, fmt.get("meta_right"))
        row += 1
    first_header = row
    rows = grid.header + grid.body
    for r, c, cell in placed(rows):
        _write_cell(sheet, fmt, first_header + r, c, cell, header=r < len(grid.header))
    _row_heights(sheet, rows, first_header, grid.widths)
    row = first_header + len(rows)
    for note in block.notes:
        sheet.write_string(row, 0, note, fmt.get("meta"))
        row += 1
    for index, width in enumerate(grid.widths):
        sheet.set_column(index, index, width * WIDTH_PER_UNIT)
    sheet.set_paper(A4)
    if block.wide:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    if grid.header:
        sheet.repeat_rows(first_header, first_header + len(grid.header) - 1)
    sheet.print_area(0, 0, max(row - 1, 0), last)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.7, right=0.7, top=0.8, bottom=0.8)
    sheet.set_footer("&C— &P —")
    if draft:
        sheet.set_header(f"&C&20{DRAFT_MARK}")


def _text_sheet(
    book: Workbook, fmt: _Formats, blocks: list[Heading | Paragraphs | TableBlock], draft: bool
) -> None:
    """Headings and paragraphs in column A; a sheet printed inside a section (a 绩效目标表) in place.

    The sheets stay on the text tab, under their section, as the template prints them: a tab
    boundary would end the section for a reader.
    """
    sheet = book.add_worksheet(TEXT_SHEET)
    sheet.set_column(0, 0, 100)
    row = 0
    for block in blocks:
        if isinstance(block, Heading):
            sheet.write_string(row, 0, block.text, fmt.get("heading"))
            row += 1
        elif isinstance(block, TableBlock):
            row += 1
            sheet.write_string(row, 0, block.title, fmt.get("title"))
            row += 1
            rows = block.grid.header + block.grid.body
            for r, c, cell in placed(rows):
                _write_cell(sheet, fmt, row + r, c, cell, header=r < len(block.grid.header))
            row += len(rows) + 1
            for index, width in enumerate(block.grid.widths[1:], start=1):
                sheet.set_column(index, index, width * WIDTH_PER_UNIT)  # column A stays the text's
        else:
            for line in block.lines:
                sheet.write_string(row, 0, line, fmt.get("paragraph"))
                row += 1
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_footer("&C— &P —")
    if draft:
        sheet.set_header(f"&C&20{DRAFT_MARK}")


def _chart_sheet(book: Workbook, fmt: _Formats, block: ChartBlock) -> None:
    """The chart's data (labels, amounts from the table) and a native pie chart over it."""
    sheet = book.add_worksheet(block.title[:31])
    sheet.write_string(0, 0, block.title, fmt.get("title"))
    sheet.write_string(1, 0, "", fmt.get("header"))
    sheet.write_string(1, 1, block.unit, fmt.get("header"))
    for index, piece in enumerate(block.slices, start=2):
        sheet.write_string(index, 0, piece.label, fmt.get("text"))
        sheet.write_number(index, 1, piece.value, fmt.get("number", 2))
    last = len(block.slices) + 1
    chart = book.add_chart({"type": "pie"})
    name = block.title[:31]
    chart.add_series(
        {
            "categories": [name, 2, 0, last, 0],
            "values": [name, 2, 1, last, 1],
            "points": [{"fill": {"color": PALETTE[i % len(PALETTE)]}} for i in range(len(block.slices))],
        }
    )
    chart.set_title({"name": block.title})
    sheet.insert_chart(1, 3, chart)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 14)
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 1)


def document_xlsx(doc: Document, draft: bool = False) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": doc.title, "company": doc.unit})
    fmt = _Formats(book)
    texts: list[Heading | Paragraphs | TableBlock] = []
    charts: list[ChartBlock] = []
    sheets = 0
    for block in doc.blocks:
        if isinstance(block, TableBlock) and block.id == PERFORMANCE_SHEET:
            texts.append(block)  # printed inside its section
        elif isinstance(block, TableBlock):
            sheets += 1
            name = block.number or f"{block.id}{sheets}"
            _table_sheet(book, fmt, name[:31], block, draft)
        elif isinstance(block, ChartBlock):
            charts.append(block)
        else:
            texts.append(block)
    if any(isinstance(b, Paragraphs) for b in texts):
        _text_sheet(book, fmt, texts, draft)
    for chart in charts:
        _chart_sheet(book, fmt, chart)
    book.close()
    return buffer.getvalue()


def render_xlsx(disclosure: Disclosure, draft: bool = False) -> bytes:
    """The disclosure as XLSX bytes."""
    return document_xlsx(build_document(disclosure), draft=draft)
