"""PageLayouts -> read.lines.Line in reading order, each with its Source (file, page, line, bbox)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from yusuan.model import Source
from yusuan.read.lines import Line
from yusuan.read.pdf.layout import BBox, Grid, PageLayout

Texts = tuple[str, ...]
Item = tuple[BBox, Texts, Grid | None, int, tuple[float, ...] | None]


def _grid_confidence(grid: Grid, index: int) -> tuple[float, ...] | None:
    """An OCR'd grid row's confidence per cell; an empty or merged-over slot counts as certain."""
    if grid.confidence is None:
        return None
    return tuple(1.0 if c is None else c for c in grid.confidence[index])


def page_items(layout: PageLayout) -> list[Item]:
    """Text rows and grid rows of one page, top to bottom: (bbox, cells, grid, row index, confidence)."""
    items: list[Item] = [(row.bbox, row.cells, None, -1, row.confidence) for row in layout.text_rows]
    for grid in layout.grids:
        for index, (cells, box) in enumerate(zip(grid.rows, grid.row_boxes, strict=True)):
            # a row without merged-over slots (None) is its own texts: no new tuple
            texts = tuple(c if c is not None else "" for c in cells) if None in cells else cast(Texts, cells)
            items.append((box, texts, grid, index, _grid_confidence(grid, index)))
    # Grid rows keep their order; a grid sorts by its top, a text row by its own.
    items.sort(key=lambda item: (item[2].bbox[1] if item[2] is not None else item[0][1], item[3]))
    return items


def layout_lines(file: str, layouts: Iterable[PageLayout]) -> list[Line]:
    lines: list[Line] = []
    for layout in layouts:
        for number, (bbox, cells, _grid, _row, confidence) in enumerate(page_items(layout), start=1):
            box = (round(bbox[0], 2), round(bbox[1], 2), round(bbox[2], 2), round(bbox[3], 2))
            source = Source(file, layout.number, number, box)
            lines.append(Line(cells, source, confidence))
    return lines
