"""Grids of all pages -> RawTables: titles found above, header rows split off, page runs stitched.

A grid continues the table before it when nothing that looks like a title stands between
them (or the title says 续表 or repeats the table's title) and its column edges line up
with the table's (every column edge of the continuation is one of the table's, within
tolerance). A repeated header on the continuation page is dropped; a continuation whose
leading columns are merged (a lone 合计 row) is spread back onto the table's columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from yusuan.model import Amount, AmountError
from yusuan.read.assemble.text import squeeze
from yusuan.read.pdf.layout import Grid, PageLayout, TextRow
from yusuan.read.pdf.rawtable import RawRow, RawTable

COLUMN_TOLERANCE = 3.0
_CODE = re.compile(r"^\d{2,}$")
_TOTAL = re.compile(r"^(合计|总计|收入总计|支出总计|本年收入合计|本年支出合计)$")
_ENUMERATED = re.compile(r"^([一二三四五六七八九十]+、|\d+[.．、])")
_UNIT_NAME = re.compile(r"^(编制单位|编制部门|预算单位|单位名称|部门名称)[:：]")
_UNIT = re.compile(r"^(金额)?单位[:：]")
_NOTE = re.compile(r"^注[:：]?")
_CONTINUED = "续表"
_CONTINUED_SUFFIX = re.compile(r"(（续）|\(续\)|（续表）|\(续表\)|续表)$")
# A title may end in a bracketed qualifier after 表: 支出预算表(不含上年结转), 项目支出预算表(本年预算).
_QUALIFIED_TITLE = re.compile(r"表[(（][^()（）]+[)）]$")


def _compact(text: str | None) -> str:
    return squeeze(text or "")


def _is_amount(text: str) -> bool:
    try:
        return Amount.parse(text) is not None
    except AmountError:
        return False


def _is_label(text: str) -> bool:
    return bool(_TOTAL.match(text) or _ENUMERATED.match(text))


def _is_column_numbers(filled: list[str]) -> bool:
    """A row numbering the columns (栏次 1 2 3 …) belongs to the header."""
    numbers = filled[1:] if filled[0] in ("栏次", "行次") else filled
    return len(numbers) >= 3 and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def is_body_row(cells: Sequence[str | None]) -> bool:
    """True for the first row that is no longer header.

    That is a row with a figure, a row starting with a classification code, a blank row,
    or a row of item labels (合计, 一、…) whose other cells are figures, labels or empty.
    """
    texts = [_compact(c) for c in cells]
    filled = [t for t in texts if t]
    if not filled:
        return True
    if _is_column_numbers(filled):
        return False
    if any(_is_amount(t) for t in filled) or _CODE.match(filled[0]):
        return True
    return _is_label(filled[0]) and all(_is_label(t) for t in filled)


def _empty_line_item(cells: Sequence[str | None]) -> bool:
    """A row label whose other cells are printed empty (not covered by a merged header cell):
    a line of a table without figures ("本表无数据"), which a header row never is."""
    return len(cells) > 1 and bool(_compact(cells[0])) and all(c == "" for c in cells[1:])


def _split_header(grid: Grid) -> tuple[list[tuple[str | None, ...]], list[int]]:
    for index, cells in enumerate(grid.rows):
        if is_body_row(cells) or (index > 0 and _empty_line_item(cells)):
            return list(grid.rows[:index]), list(range(index, len(grid.rows)))
    return list(grid.rows), []


def _column_map(table_xs: Sequence[float], grid_xs: Sequence[float]) -> list[int] | None:
    """Index of the table column each grid column starts at; None when the edges do not line up."""
    mapping: list[int] = []
    for x in grid_xs:
        match = next((i for i, tx in enumerate(table_xs) if abs(tx - x) <= COLUMN_TOLERANCE), None)
        if match is None:
            return None
        mapping.append(match)
    return mapping


def _spread(cells: Sequence[str | None], mapping: Sequence[int], width: int) -> tuple[str, ...]:
    out = [""] * width
    for text, index in zip(cells, mapping, strict=True):
        out[index] = text or ""
    return tuple(out)


def _spread_confidence(
    values: Sequence[float | None], mapping: Sequence[int], width: int
) -> tuple[float | None, ...]:
    out: list[float | None] = [None] * width
    for value, index in zip(values, mapping, strict=True):
        out[index] = value
    return tuple(out)


def _is_title(row: TextRow) -> bool:
    if len(row.cells) != 1:
        return False
    text = _compact(row.cells[0])
    return bool(
        text
        and not _UNIT_NAME.match(text)
        and not _UNIT.match(text)
        and not _NOTE.match(text)
        and (
            text.endswith("表") or bool(_QUALIFIED_TITLE.search(text)) or bool(_CONTINUED_SUFFIX.search(text))
        )
    )


def _continues(title: str | None, table: RawTable) -> bool:
    """No title, a bare 续表, or the table's own title (with or without a 续 mark)."""
    if title is None or title == _CONTINUED:
        return True
    return _CONTINUED_SUFFIX.sub("", title) == table.title


class _Builder:
    def __init__(self) -> None:
        self.tables: list[RawTable] = []
        self.open: RawTable | None = None  # the table a grid on the next page may continue

    def add_page(self, layout: PageLayout) -> None:
        items: list[tuple[float, TextRow | Grid]] = [(r.bbox[1], r) for r in layout.text_rows]
        items += [(g.bbox[1], g) for g in layout.grids]
        items.sort(key=lambda item: item[0])
        above: list[TextRow] = []
        for _top, item in items:
            if isinstance(item, TextRow):
                text = _compact("".join(item.cells))
                if self.open is not None and _NOTE.match(text) and not above:
                    self.open.notes.append(text)
                    continue
                above.append(item)
                continue
            self._add_grid(item, above)
            above = []
        if above and any(_is_title(r) for r in above):
            self.open = None  # a new section starts under the last table: nothing continues it

    def _add_grid(self, grid: Grid, above: list[TextRow]) -> None:
        titles = [r for r in above if _is_title(r)]
        title = _compact(titles[-1].cells[0]) if titles else None
        header, body_rows = _split_header(grid)
        current = self.open
        if current is not None and _continues(title, current):
            mapping = _column_map(current.xs, grid.xs)
            if mapping is not None:
                repeated = [tuple(_compact(c) for c in row) for row in header]
                known = [tuple(_compact(c) for c in row) for row in current.header]
                # Only a header repeated word for word is dropped; any other leading row is
                # kept as body, so that nothing printed is lost to the header guess.
                rows = body_rows if header and repeated == known else range(len(grid.rows))
                if not titles:
                    self._append_loose(current, grid, above)
                self._append(current, grid, rows, mapping)
                return
        table = RawTable(title=title, xs=grid.xs, header=header, pages=[grid.page], bbox=grid.bbox)
        for row in above:
            for cell in row.cells:
                text = _compact(cell)
                if _UNIT_NAME.match(text):
                    table.unit_name = text
                elif _UNIT.match(text):
                    table.unit_text = text
        identity = list(range(len(grid.xs)))
        self._append(table, grid, body_rows, identity)
        self.tables.append(table)
        self.open = table

    @staticmethod
    def _append_loose(table: RawTable, grid: Grid, above: list[TextRow]) -> None:
        """Rows of a continued table printed above its grid's first ruling (Word leaves the top
        border off a table's continuation page): a row of data standing right over the grid is
        laid onto the table's columns by the left edge of each of its cells."""
        for row in above:
            height = (row.bbox[3] - row.bbox[1]) or 1.0
            if (
                row.xs is None
                or len(row.cells) < 2
                or grid.bbox[1] - row.bbox[3] > 3 * height
                or not is_body_row(row.cells)
            ):
                continue
            cells = [""] * table.width
            for text, x in zip(row.cells, row.xs, strict=True):
                column = max(
                    (i for i, edge in enumerate(table.xs) if edge <= x + COLUMN_TOLERANCE), default=0
                )
                cells[column] = (cells[column] + " " + text).strip()
            if grid.page not in table.pages:
                table.pages.append(grid.page)
            table.body.append(RawRow(tuple(cells), grid.page, row.bbox))

    @staticmethod
    def _append(table: RawTable, grid: Grid, rows: Iterable[int], mapping: list[int]) -> None:
        if grid.page not in table.pages:
            table.pages.append(grid.page)
        for index in rows:
            cells = _spread(grid.rows[index], mapping, table.width)
            confidence = None
            if grid.confidence is not None:
                confidence = _spread_confidence(grid.confidence[index], mapping, table.width)
            table.body.append(RawRow(cells, grid.page, grid.row_boxes[index], confidence))


def stitch_tables(layouts: Iterable[PageLayout]) -> list[RawTable]:
    builder = _Builder()
    for layout in layouts:
        builder.add_page(layout)
    return builder.tables
