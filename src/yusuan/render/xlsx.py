"""XLSX with xlsxwriter: one tab per table and per 绩效目标表, the narrative on its own tabs.

Amounts are written as numbers (so that the officer can work with them) in the format of the
places they were written with ("0.00" for 0.01 万元). Excel stores a number as a binary double;
every amount of 15 significant digits or fewer shows back exactly in its format.

Every sheet prints on A4: a print area, the header rows repeated on each page (print titles),
landscape for wide tables, one page wide. Table sheets freeze their header rows and label
columns; rows are of even height (one line each, taller only where text wraps).
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
from yusuan.render.fonts import Fonts
from yusuan.render.grid import GridCell, placed, text_width
from yusuan.render.html import DRAFT_MARK

A4 = 9  # Excel's paper code
WIDTH_PER_UNIT = 1.1  # Excel column width (digits of the default font) per half-em of the grid
TEXT_SHEET = "说明"
TEXT_SHEET_CONTINUED = "说明（续）"
PERFORMANCE_SHEET = "performance"  # TableBlock.id of a 绩效目标表
SHEET_TAB = "绩效目标表"  # the tab of the n-th 绩效目标表: 绩效目标表1, 绩效目标表2 …
LINE_HEIGHT = 14  # points per line of 10.5 pt text
ROW_HEIGHT = 18  # points: every table row at least this, so that rows are even
TEXT_WIDTH = 64  # the narrative sheet's column, in character widths: fits A4 portrait
CJK_WIDTH = 1.15  # a 12 pt CJK character takes this many half-em units of the column width


class _Formats:
    """The workbook's formats, made once per kind (xlsxwriter wants few distinct formats)."""

    def __init__(self, book: Workbook, fonts: Fonts) -> None:
        self.book = book
        self.text_font = fonts.office("body")
        self.heading_font = fonts.office("heading")
        self.cache: dict[tuple[Any, ...], Format] = {}

    def get(self, kind: str, places: int | None = None, indent: int = 0) -> Format:
        key = (kind, places, indent)
        if key not in self.cache:
            self.cache[key] = self.book.add_format(self._props(kind, places, indent))
        return self.cache[key]

    def _props(self, kind: str, places: int | None, indent: int) -> dict[str, Any]:
        base: dict[str, Any] = {"font_name": self.text_font, "font_size": 10.5, "valign": "vcenter"}
        if kind == "title":
            return {
                **base,
                "font_name": self.heading_font,
                "font_size": 16,
                "bold": True,
                "align": "center",
                "text_wrap": True,
            }
        if kind == "number_label":
            return {**base, "font_name": self.heading_font, "font_size": 11}
        if kind == "meta":
            return {**base, "font_size": 11}
        if kind == "meta_right":
            return {**base, "font_size": 11, "align": "right"}
        if kind == "paragraph":
            return {**base, "font_size": 12, "text_wrap": True, "valign": "top"}
        if kind == "heading":
            return {**base, "font_name": self.heading_font, "font_size": 12}
        boxed = {**base, "border": 1, "text_wrap": True}
        if kind == "header":
            return {**boxed, "font_name": self.heading_font, "align": "center"}
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


def _row_heights(sheet: Worksheet, rows: list[list[GridCell]], first: int, widths: list[float]) -> None:
    """Rows tall enough for their wrapped text: spreadsheets do not measure text they did not lay out."""
    heights: dict[int, int] = {}
    for r, c, cell in placed(rows):
        width = max(int(sum(widths[c : c + cell.colspan]) * WIDTH_PER_UNIT) - 1, 2)
        lines = max(-(-text_width(cell.text) // width), 1)
        lines = -(-lines // cell.rowspan)
        heights[r] = max(heights.get(r, 1), lines)
    for r, lines in heights.items():
        sheet.set_row(first + r, max(LINE_HEIGHT * lines + 4, ROW_HEIGHT))


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
        sheet.set_column(index, index, width * WIDTH_PER_UNIT + 2)  # + the cell's padding
    labels = sum(1 for cell in grid.body[0] if not cell.numeric) if grid.body and grid.header else 0
    sheet.freeze_panes(first_header + len(grid.header), labels if labels < grid.n_columns else 0)
    if grid.header:
        sheet.repeat_rows(first_header, first_header + len(grid.header) - 1)
    _print_set_up(sheet, row - 1, last, block.wide, draft)


def _print_set_up(sheet: Worksheet, last_row: int, last_column: int, landscape: bool, draft: bool) -> None:
    """A4, one page wide, centred, the print area the sheet's cells, page numbers at the foot."""
    sheet.set_paper(A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.print_area(0, 0, max(last_row, 0), last_column)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.7, right=0.7, top=0.8, bottom=0.8)
    sheet.set_footer("&C— &P —")
    if draft:
        sheet.set_header(f"&C&20{DRAFT_MARK}")


def _text_sheet(
    book: Workbook, fmt: _Formats, name: str, blocks: list[Heading | Paragraphs], draft: bool
) -> None:
    """Headings and paragraphs in column A, each row as tall as its wrapped text."""
    sheet = book.add_worksheet(name)
    sheet.set_column(0, 0, TEXT_WIDTH)
    row = 0
    for block in blocks:
        if isinstance(block, Heading):
            sheet.write_string(row, 0, block.text, fmt.get("heading"))
            sheet.set_row(row, ROW_HEIGHT + 4)
            row += 1
        else:
            for line in block.lines:
                sheet.write_string(row, 0, line, fmt.get("paragraph"))
                lines = max(-(-int(text_width(line) * CJK_WIDTH) // (TEXT_WIDTH - 4)), 1)
                sheet.set_row(row, 16 * lines + 4)
                row += 1
    sheet.set_paper(A4)
    sheet.print_area(0, 0, max(row - 1, 0), 0)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.9, right=0.8, top=1.0, bottom=1.0)
    sheet.set_footer("&C— &P —")
    if draft:
        sheet.set_header(f"&C&20{DRAFT_MARK}")


def _chart_sheet(book: Workbook, fmt: _Formats, block: ChartBlock) -> None:
    """The chart's data (labels, amounts from the table) and a native chart over it: a pie, or bars
    when one part dominates (as in the PDF); the shares are Excel's data labels."""
    sheet = book.add_worksheet(block.title[:31])
    sheet.write_string(0, 0, block.title, fmt.get("title"))
    sheet.write_string(1, 0, "", fmt.get("header"))
    sheet.write_string(1, 1, block.unit, fmt.get("header"))
    for index, piece in enumerate(block.slices, start=2):
        sheet.write_string(index, 0, piece.label, fmt.get("text"))
        sheet.write_number(index, 1, piece.value, fmt.get("number", 2))
    last = len(block.slices) + 1
    chart = book.add_chart({"type": "bar" if block.bars else "pie"})
    name = block.title[:31]
    labels = {"value": True} if block.bars else {"percentage": True}
    chart.add_series(
        {
            "categories": [name, 2, 0, last, 0],
            "values": [name, 2, 1, last, 1],
            "points": [{"fill": {"color": PALETTE[i % len(PALETTE)]}} for i in range(len(block.slices))],
            "data_labels": labels,
        }
    )
    chart.set_title({"name": block.title})
    if block.bars:
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})  # the first part at the top, as in the table
    sheet.insert_chart(1, 3, chart)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 14)
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.print_area(0, 0, max(last, 16), 10)
    sheet.fit_to_pages(1, 1)


def _section_sheets(
    book: Workbook, fmt: _Formats, blocks: list[Heading | Paragraphs | TableBlock], draft: bool
) -> None:
    """The section that holds the 绩效目标表 sheets: its text on a tab named by its heading, then
    each 绩效目标表 on a tab of its own (绩效目标表1, 绩效目标表2 …), each printed on its own pages.

    A reader continues the section onto a tab whose first line is a 绩效目标表 title, so the
    sheets still belong to the section. The text is merged across the sheets' columns so that
    it wraps to the page; text printed after a sheet stays on that sheet's tab.
    """
    grids = [b for b in blocks if isinstance(b, TableBlock)]
    widths = grids[0].grid.widths
    last = len(widths) - 1
    characters = int(sum(widths) * WIDTH_PER_UNIT) - 4
    heading = next((b.text for b in blocks if isinstance(b, Heading)), TEXT_SHEET)
    sheet: Worksheet | None = None
    row = 0
    sheets = 0

    def finish() -> None:
        if sheet is not None:
            _print_set_up(sheet, row - 1, last, False, draft)

    def new_sheet(name: str) -> Worksheet:
        tab = book.add_worksheet(name[:31])
        for index, width in enumerate(widths):
            tab.set_column(index, index, width * WIDTH_PER_UNIT + 2)
        return tab

    for block in blocks:
        if isinstance(block, TableBlock):
            finish()
            sheets += 1
            sheet, row = new_sheet(f"{SHEET_TAB}{sheets}"), 0
            title = f"{DRAFT_MARK} {block.title}" if draft else block.title
            sheet.merge_range(row, 0, row, last, title, fmt.get("title"))
            sheet.set_row(row, 28)
            row += 1
            rows = block.grid.header + block.grid.body
            for r, c, cell in placed(rows):
                _write_cell(sheet, fmt, row + r, c, cell, header=r < len(block.grid.header))
            _row_heights(sheet, rows, row, block.grid.widths)
            row += len(rows)
            continue
        if sheet is None:
            sheet = new_sheet(heading)
        if isinstance(block, Heading):
            sheet.merge_range(row, 0, row, last, block.text, fmt.get("heading"))
            sheet.set_row(row, ROW_HEIGHT + 4)
            row += 1
        else:
            for line in block.lines:
                sheet.merge_range(row, 0, row, last, line, fmt.get("paragraph"))
                sheet.set_row(row, 16 * max(-(-text_width(line) // characters), 1) + 4)
                row += 1
    finish()


def document_xlsx(doc: Document, draft: bool = False) -> bytes:
    """Sheets in the document's order: a sheet per table, the narrative, the chart.

    The narrative is on its own sheets: 说明 up to the section that prints the 绩效目标表
    sheets, that section's text on a sheet of its own and each 绩效目标表 on a tab of its own,
    and 说明（续） for the rest.
    """
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": doc.title, "author": doc.unit, "company": doc.unit, "keywords": "预算公开"})
    fmt = _Formats(book, doc.fonts)
    before: list[Heading | Paragraphs] = []
    section: list[Heading | Paragraphs | TableBlock] = []  # the section holding the sheets
    after: list[Heading | Paragraphs] = []
    charts: list[ChartBlock] = []
    tables = 0
    for block in doc.blocks:
        if isinstance(block, TableBlock) and block.id == PERFORMANCE_SHEET:
            if not section:  # the section opened at the last heading: move it to the sheets' tab
                start = max((i for i, b in enumerate(before) if isinstance(b, Heading)), default=len(before))
                section, before = [*before[start:]], before[:start]
            section.append(block)
        elif isinstance(block, TableBlock):
            tables += 1
            name = block.number or f"{block.id}{tables}"
            _table_sheet(book, fmt, name[:31], block, draft)
        elif isinstance(block, ChartBlock):
            charts.append(block)
        elif section and (after or isinstance(block, Heading)):
            after.append(block)
        elif section:
            section.append(block)
        else:
            before.append(block)
    if any(isinstance(b, Paragraphs) for b in before):
        _text_sheet(book, fmt, TEXT_SHEET, before, draft)
    if section:
        _section_sheets(book, fmt, section, draft)
    if after:
        _text_sheet(book, fmt, TEXT_SHEET_CONTINUED, after, draft)
    for chart in charts:
        _chart_sheet(book, fmt, chart)
    book.close()
    return buffer.getvalue()


def render_xlsx(disclosure: Disclosure, draft: bool = False) -> bytes:
    """The disclosure as XLSX bytes."""
    return document_xlsx(build_document(disclosure), draft=draft)
