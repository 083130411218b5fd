"""A finding's location on the printed PDF page: the page and the boxes to highlight.

Boxes are in points, origin top-left of the page as displayed (the readers' ``Source.bbox``).

- A table cell: the row's box (``Row.source``) narrowed to the column — the grid the reader cut
  the page into is cut again for that one page, the row found by its box, and the row's cells
  laid onto the grid slots by their text in order (a blank cell by its neighbours). When the
  grid or the column cannot be matched the whole row is the box (``exact`` False).
- A sentence: its characters found in the page's glyphs (whitespace ignored), one box per printed
  line it covers, on the location's page or the pages after it (a sentence may run onto the
  next page), else anywhere in the document.

A scanned page (drawn as an image without text) is cut from its OCR reading (``read.ocr.ocr_page``:
the reading the reader made of these bytes in this process when it is still kept, see
``read.ocr.recent``, else the same recognition again; glyphs laid evenly across each recognised
text box, rulings from the image), in the same points from the top-left, so cells and sentences
are found there as on a text page.

Anything that cannot be placed gives no place; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from yusuan.model import Disclosure, Location, Table
from yusuan.read.assemble.text import squeeze
from yusuan.read.limits import DEFAULT_LIMITS, Limits
from yusuan.read.pdf.fast import open_document, open_page, page_layout
from yusuan.read.pdf.grids import outside_grids
from yusuan.read.pdf.layout import BBox, Glyph, Grid, PageLayout
from yusuan.read.pdf.pdfium_doc import Page
from yusuan.read.pdf.textrows import group_lines

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument
from yusuan.read.places import RowPlace, find_row

_TOLERANCE = 1.0  # points: a row's stored box is rounded to 0.01


@dataclass(frozen=True, slots=True)
class Place:
    """Boxes to highlight on one page (1-based) of ``width`` × ``height`` points as displayed;
    ``exact`` False when only the row was found, not its cell."""

    page: int
    boxes: tuple[BBox, ...]
    width: float
    height: float
    exact: bool = True

    def percent(self) -> list[tuple[float, float, float, float]]:
        """Each box as left, top, width, height in percent of the page: how a page image shows it."""
        return [
            (
                100 * x0 / self.width,
                100 * top / self.height,
                100 * (x1 - x0) / self.width,
                100 * (bottom - top) / self.height,
            )
            for x0, top, x1, bottom in self.boxes
        ]


@dataclass(slots=True)
class _Page:
    width: float
    height: float
    grids: tuple[Grid, ...]
    cells: list[BBox]  # the ruled cells as drawn, a merged cell as one box
    glyphs: list[Glyph]
    lines: list[list[Glyph]]  # text lines outside the grids, then the grids' lines, top to bottom


class PdfPages:
    """An open PDF whose pages are cut (glyphs, grids) on first use, each once."""

    def __init__(self, name: str, data: bytes, limits: Limits = DEFAULT_LIMITS, ocr: bool = True) -> None:
        self.name = name
        self.limits = limits
        self.ocr = ocr  # a scanned page cut from its OCR reading, as the reader read it
        self.document = open_document(name, data, limits)
        self._data = data
        self._digest = ""  # the SHA-256 of ``data``, once a scanned page needs it
        self.count = len(self.document)
        self._pages: dict[int, _Page] = {}
        self._rendering: PdfDocument | None = None  # the helpers' document, opened for a scanned page

    def close(self) -> None:
        self.document.close()
        if self._rendering is not None:
            self._rendering.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def place(self, number: int, boxes: tuple[BBox, ...], exact: bool = True) -> Place:
        page = self.page(number)
        return Place(number, boxes, page.width, page.height, exact)

    def _ocr(self, number: int, layout: PageLayout) -> tuple[PageLayout, list[Glyph], list[BBox]]:
        """A scanned page read by OCR, as the reader read it. It is drawn through pypdfium2's helpers
        (read.pdf.rendering), which reading through PDFium's C API alone does not load; numpy and
        ONNX load only here too."""
        from yusuan.read.ocr import ocr_page, recent
        from yusuan.read.pdf.rendering import open_to_render, page_to_render

        self._digest = self._digest or recent.digest(self._data)
        if self._rendering is None:
            self._rendering = open_to_render(self.name, self._data, self.limits)
        drawn = page_to_render(self.name, self._rendering, number - 1)
        try:
            return ocr_page(self.name, drawn, layout, limits=self.limits, document=self._digest)
        finally:
            drawn.close()

    def page(self, number: int) -> _Page:
        if number not in self._pages:
            handle = open_page(self.name, self.document, number - 1)
            try:
                layout, glyphs, cells = page_layout(self.name, handle, number, self.limits)
                if self.ocr and layout.image_only:
                    layout, glyphs, cells = self._ocr(number, layout)
                width, height = _displayed_size(handle)
            finally:
                handle.close()
            outside = outside_grids(glyphs, layout.grids)
            kept = set(outside)
            lines = group_lines(outside) + group_lines(g for g in glyphs if g not in kept)
            self._pages[number] = _Page(width, height, layout.grids, cells, glyphs, lines)
        return self._pages[number]


def _displayed_size(page: Page) -> tuple[float, float]:
    left, bottom, right, top = page.get_cropbox()
    if page.get_rotation() % 180 == 90:
        return top - bottom, right - left
    return right - left, top - bottom


def _near(a: BBox, b: BBox) -> bool:
    return all(abs(x - y) <= _TOLERANCE for x, y in zip(a, b, strict=True))


def _grid_row(grids: tuple[Grid, ...], box: BBox) -> tuple[Grid, int] | None:
    for grid in grids:
        for index, row_box in enumerate(grid.row_boxes):
            if _near(row_box, box):
                return grid, index
    return None


def _side_start(found: RowPlace) -> tuple[int, int]:
    """The rank of the row's side among the table's sides (收入 0, 支出 1) and its first column."""
    columns = found.table.columns
    sides = list(dict.fromkeys(column.side for column in columns))
    if found.row.side is None or found.row.side not in sides:
        return 0, 0
    first = next(i for i, column in enumerate(columns) if column.side == found.row.side)
    return sides.index(found.row.side), first


def _name_slot(found: RowPlace, texts: list[str]) -> int | None:
    """The slot printing the row's name: on a side-by-side table, the printing on the row's side."""
    name = squeeze(found.row.name)
    printed = [slot for slot, text in enumerate(texts) if name and text == name]
    if not printed:
        return None
    rank, _first = _side_start(found)
    return printed[min(rank, len(printed) - 1)]


def _slots(found: RowPlace, texts: list[str], start: int) -> dict[int, int]:
    """Model cell index -> grid slot: the cells' texts matched in order from ``start``."""
    mapping: dict[int, int] = {}
    for index, cell in enumerate(found.row.cells):
        text = squeeze(cell.text)
        if not text:
            continue
        for slot in range(start, len(texts)):
            if texts[slot] == text:
                mapping[index] = slot
                start = slot + 1
                break
    return mapping


def _slot_of(found: RowPlace, slots: tuple[str | None, ...]) -> int | None:
    """The grid slot of the named cell, matched by its text after the row's name; a blank cell
    counts from its nearest matched neighbour, or from the name when no cell is printed."""
    cell = found.cell
    assert cell is not None
    texts = [squeeze(s or "") for s in slots]
    name = _name_slot(found, texts)
    mapping = _slots(found, texts, 0 if name is None else name + 1)
    if cell in mapping:
        return mapping[cell]
    if mapping:
        nearest = min(mapping, key=lambda index: abs(index - cell))
        slot = mapping[nearest] + (cell - nearest)
    elif name is not None:
        slot = name + 1 + cell - _side_start(found)[1]
    else:
        return None
    if 0 <= slot < len(slots) and slots[slot] is not None and not texts[slot]:
        return slot
    return None


def _cell_box(page: _Page, grid: Grid, index: int, slot: int) -> BBox:
    """The ruled cell holding the slot's centre (a merged cell whole); the slot itself when none does."""
    _left, top, _right, bottom = grid.row_boxes[index]
    right = grid.xs[slot + 1] if slot + 1 < len(grid.xs) else grid.bbox[2]
    # just below the row's top: a row's box reaches down as far as its tallest (merged) cell does
    x, y = (grid.xs[slot] + right) / 2, min(top + 1.0, (top + bottom) / 2)
    for cell in page.cells:
        if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
            return cell
    return (grid.xs[slot], top, right, bottom)


def cell_place(pages: PdfPages, found: RowPlace) -> Place | None:
    """The row of ``found`` on its page, narrowed to its cell when the grid shows where it is."""
    source = found.row.source
    if source is None or source.page is None or source.bbox is None:
        return None
    if not 1 <= source.page <= pages.count:
        return None
    if found.cell is None:
        return pages.place(source.page, (source.bbox,))
    page = pages.page(source.page)
    match = _grid_row(page.grids, source.bbox)
    if match is not None:
        grid, index = match
        slot = _slot_of(found, grid.rows[index])
        if slot is not None:
            return pages.place(source.page, (_cell_box(page, grid, index, slot),))
    return pages.place(source.page, (source.bbox,), exact=False)


def _stream(page: _Page) -> list[tuple[str, int, Glyph]]:
    """The page's characters in reading order, each with its line: whitespace left out."""
    return [
        (char, number, glyph)
        for number, line in enumerate(page.lines)
        for glyph in line
        for char in squeeze(glyph.text)
    ]


def _line_boxes(hits: list[tuple[int, Glyph]]) -> tuple[BBox, ...]:
    boxes: dict[int, BBox] = {}
    for line, glyph in hits:
        x0, top, x1, bottom = boxes.get(line, (glyph.x0, glyph.top, glyph.x1, glyph.bottom))
        boxes[line] = (min(x0, glyph.x0), min(top, glyph.top), max(x1, glyph.x1), max(bottom, glyph.bottom))
    return tuple(boxes[line] for line in sorted(boxes, key=lambda n: boxes[n][1]))


def _order(pages: PdfPages, first: int | None) -> list[int]:
    start = first if first is not None and 1 <= first <= pages.count else 1
    return [*range(start, pages.count + 1), *range(1, start)]


def text_places(pages: PdfPages, sentence: str, first: int | None) -> list[Place]:
    """Where ``sentence`` is printed: one place per page it covers, one box per line; [] when nowhere."""
    wanted = squeeze(sentence)
    if not wanted:
        return []
    for number in _order(pages, first):
        here = [(char, (number, line), glyph) for char, line, glyph in _stream(pages.page(number))]
        after: list[tuple[str, tuple[int, int], Glyph]] = []
        if number < pages.count:  # a sentence may run onto the next page
            after = [(c, (number + 1, n), g) for c, n, g in _stream(pages.page(number + 1))[: len(wanted)]]
        chars = here + after
        text = "".join(c for c, _, _ in chars)
        at = text.find(wanted)
        if at < 0 or at >= len(here):
            continue
        hits = chars[at : at + len(wanted)]
        places: list[Place] = []
        for page in sorted({where[0] for _, where, _ in hits}):
            boxes = _line_boxes([(where[1], glyph) for _, where, glyph in hits if where[0] == page])
            places.append(pages.place(page, boxes))
        return places
    return []


def locate(pages: PdfPages, disclosure: Disclosure, location: Location) -> list[Place]:
    """The places of one location of a finding read from this PDF; [] when it cannot be placed."""
    found = find_row(disclosure, location)
    if found is not None:
        place = cell_place(pages, found)
        return [place] if place is not None else []
    if location.sentence:
        return text_places(pages, location.sentence, location.page)
    table = disclosure.tables.get(location.table) if location.table else None
    if table is not None and location.row is None and location.column is None:
        return table_places(pages, table)
    return []


def table_places(pages: PdfPages, table: Table) -> list[Place]:
    """A whole table: the grid holding its first row, else its title where printed."""
    first = next((row.source for row in table.rows if row.source is not None), None)
    if (
        first is not None
        and first.page is not None
        and first.bbox is not None
        and 1 <= first.page <= pages.count
    ):
        for grid in pages.page(first.page).grids:
            if any(_near(box, first.bbox) for box in grid.row_boxes):
                return [pages.place(first.page, (grid.bbox,))]
    page = table.source.page if table.source is not None else None
    return text_places(pages, table.title, page) if table.title else []
