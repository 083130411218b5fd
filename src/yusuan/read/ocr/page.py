"""One page image -> PageLayout, through the same lattice, grids and text rows as a text page.

1. RapidOCR finds the text lines (``engine.recognise``).
2. Rulings come from the image (``rulings``): long runs of ink outside the text lines, plus
   vertical runs longer than any character even where a text line was detected across a
   ruling (the detector sometimes joins the text of two neighbouring cells).
3. The lattice cuts the page into cells (``read.pdf.lattice``). A text line that crosses a
   cell boundary is cut there and each piece recognised again on its own.
4. The characters become ``Glyph``s (points, top-left origin) and go through ``build_grid`` and
   ``text_rows`` with their confidence. A cell keeps the lowest confidence of its characters; a
   cell where OCR read nothing but the image holds ink gets confidence 0 (text the detector
   missed), so that it is listed rather than taken for an empty cell.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from statistics import median

import numpy as np
import numpy.typing as npt

from yusuan.read.ocr.engine import OcrLine, recognise, recognise_crop
from yusuan.read.ocr.rulings import erase_boxes, find_rulings, ink_in
from yusuan.read.ocr.settings import OcrSettings
from yusuan.read.pdf.grids import build_grid, outside_grids
from yusuan.read.pdf.lattice import find_tables, table_slots
from yusuan.read.pdf.layout import BBox, Glyph, Grid, PageLayout
from yusuan.read.pdf.textrows import text_rows

_INSET_POINTS = 2.5  # a cell's own rulings stay outside the area searched for missed ink
_LONGER_THAN_TEXT = 1.4  # a vertical run this many text heights long is a ruling, text or not


def _glyphs(lines: list[OcrLine], k: float) -> dict[Glyph, float]:
    scores: dict[Glyph, float] = {}
    for line in lines:
        for c in line.chars():
            glyph = Glyph(c.text, c.x0 * k, c.top * k, c.x1 * k, c.bottom * k)
            scores[glyph] = min(c.score, scores.get(glyph, 1.0))
    return scores


def _split_at_cells(
    lines: list[OcrLine],
    tables: list[list[BBox]],
    image: npt.NDArray[np.uint8],
    k: float,
    settings: OcrSettings,
) -> list[OcrLine]:
    """Lines crossing a cell boundary, cut there and each piece recognised on its own."""
    margin = _INSET_POINTS / k  # pixels
    out: list[OcrLine] = []
    cells = [cell for table in tables for cell in table]
    for line in lines:
        v_mid = (line.top + line.bottom) / 2 * k
        cuts = sorted(
            {
                x / k
                for cell in cells
                if cell[1] <= v_mid < cell[3]
                for x in (cell[0], cell[2])
                if line.x0 + margin < x / k < line.x1 - margin
            }
        )
        if not cuts:
            out.append(line)
            continue
        bounds = [line.x0, *cuts, line.x1]
        for left, right in pairwise(bounds):
            a, b = int(left + margin), int(right - margin)
            crop = image[int(line.top) : int(line.bottom) + 1, max(a, 0) : max(b, 0)]
            text, score = recognise_crop(crop, settings)
            if text.strip():
                out.append(OcrLine(text, score, left, line.top, right, line.bottom))
    return out


def _missed_ink(grid: Grid, cells: list[BBox], ink: npt.NDArray[np.bool_], k: float, pixels: int) -> Grid:
    """Confidence 0 for every cell holding ink outside its recognised text: something printed
    that OCR did not read (a whole figure, or a stroke such as the 一 of "一、" along a ruling).

    ``ink`` is the page's ink with every recognised text line erased.
    """
    assert grid.confidence is not None
    _xs, slot_rows = table_slots(cells)
    confidence = [list(row) for row in grid.confidence]
    for i, row in enumerate(slot_rows):
        for j, cell in enumerate(row):
            if cell is None:
                continue
            if ink_in(ink, cell, k, _INSET_POINTS) >= pixels:
                confidence[i][j] = 0.0
    return replace(grid, confidence=tuple(tuple(row) for row in confidence))


def read_page_image(
    number: int,
    image: npt.NDArray[np.uint8],
    width: float,
    height: float,
    settings: OcrSettings,
    max_rulings: int | None = None,
) -> PageLayout:
    """A greyscale page image (rendered at ``settings.dpi``) read as a PageLayout.

    ``width`` and ``height`` are the page's size in points; ``max_rulings`` bounds the lattice
    as for text pages (``read.pdf.lattice.TooManyRulings``).
    """
    return read_page_parts(number, image, width, height, settings, max_rulings)[0]


def read_page_parts(
    number: int,
    image: npt.NDArray[np.uint8],
    width: float,
    height: float,
    settings: OcrSettings,
    max_rulings: int | None = None,
) -> tuple[PageLayout, list[Glyph], list[BBox]]:
    """``read_page_image``, with the glyphs and the ruled cells the layout was built from (as
    ``read.pdf.fast.page_layout`` gives them for a text page): points, top-left origin."""
    k = 72.0 / settings.dpi  # points per pixel
    lines = recognise(image, settings)
    ink = image < settings.ink_threshold
    ink_free = erase_boxes(ink, ((line.x0, line.top, line.x1, line.bottom) for line in lines))
    edges = find_rulings(ink_free, k, settings.ruling_min_points)
    if lines:
        text_height = median(line.bottom - line.top for line in lines) * k
        edges += find_rulings(ink, k, _LONGER_THAN_TEXT * text_height, horizontal=False)
    tables = find_tables(edges, max_rulings)
    lines = _split_at_cells(lines, tables, image, k, settings)
    scores = _glyphs(lines, k)
    glyphs = list(scores)
    unread = erase_boxes(ink, ((line.x0, line.top, line.x1, line.bottom) for line in lines), grow=True)
    grids = tuple(
        _missed_ink(build_grid(number, cells, glyphs, scores), cells, unread, k, settings.unread_ink_pixels)
        for cells in tables
    )
    rows = tuple(text_rows(outside_grids(glyphs, grids), scores))
    layout = PageLayout(number, width, height, grids, rows, len(glyphs), 1, ocr=True)
    return layout, glyphs, [cell for cells in tables for cell in cells]
