"""Table cells (from the lattice) + glyphs -> Grid: the text of every slot of a ruled table."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from yusuan.read.pdf.lattice import table_slots
from yusuan.read.pdf.layout import BBox, Glyph, Grid
from yusuan.read.pdf.textrows import cell_text


def _box(boxes: Sequence[BBox]) -> BBox:
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    return min(x0s), min(tops), max(x1s), max(bottoms)


def build_grid(
    page: int, cells: list[BBox], glyphs: Sequence[Glyph], scores: Mapping[Glyph, float] | None = None
) -> Grid:
    """Each glyph goes to the cell holding its centre (cells of a lattice never overlap).

    ``scores`` (OCR'd pages) gives each glyph's confidence; the grid then records per cell
    the lowest confidence of its glyphs (None for an empty cell).
    """
    xs, slot_rows = table_slots(cells)
    tops = [next(c for c in row if c is not None)[1] for row in slot_rows]
    # Per slot (row-major, one flat list): the cell covering it and that cell's glyph list.
    # The first cell to claim a slot keeps it; a slot no cell covers stays None.
    width = len(xs)
    owner: list[tuple[BBox, list[Glyph]] | None] = [None] * (len(tops) * width)
    texts: list[list[list[Glyph]]] = []
    nothing: list[Glyph] = []  # the glyphs of every merged-over slot: none ever go there
    for i, row in enumerate(slot_rows):
        row_texts: list[list[Glyph]] = []
        texts.append(row_texts)
        for j, cell in enumerate(row):
            if cell is None:
                row_texts.append(nothing)
                continue
            bucket: list[Glyph] = []
            row_texts.append(bucket)
            entry = (cell, bucket)
            last_row = bisect_right(tops, cell[3] - 1e-9)
            last_column = bisect_right(xs, cell[2] - 1e-9)
            if last_row == i + 1 and last_column == j + 1:  # the usual cell: one slot
                k = i * width + j
                if owner[k] is None:
                    owner[k] = entry
                continue
            for ii in range(i, last_row):
                base = ii * width
                for k in range(base + j, base + last_column):
                    if owner[k] is None:
                        owner[k] = entry
    bbox = _box(cells)
    left, top, right, bottom = bbox
    column_of = row_of = bisect_right
    for glyph in glyphs:
        _text, x0, y0, x1, y1 = glyph
        h_mid = (x0 + x1) / 2
        v_mid = (y0 + y1) / 2
        if not (left <= h_mid < right and top <= v_mid < bottom):
            continue
        slot = owner[(row_of(tops, v_mid) - 1) * width + column_of(xs, h_mid) - 1]
        if slot is None:
            continue
        cell, bucket = slot
        if cell[0] <= h_mid < cell[2] and cell[1] <= v_mid < cell[3]:
            bucket.append(glyph)
    rows = tuple(
        tuple(
            None if c is None else cell_text(found) if found else ""
            for c, found in zip(row, row_texts, strict=True)
        )
        for row, row_texts in zip(slot_rows, texts, strict=True)
    )
    boxes = tuple(_box([c for c in row if c is not None]) for row in slot_rows)
    confidence = None
    if scores is not None:
        confidence = tuple(
            tuple(
                min((scores.get(g, 0.0) for g in found), default=None) if found else None
                for found in row_texts
            )
            for row_texts in texts
        )
    return Grid(page=page, bbox=bbox, xs=xs, rows=rows, row_boxes=boxes, confidence=confidence)


def outside_grids(glyphs: Sequence[Glyph], grids: Sequence[Grid]) -> list[Glyph]:
    """The glyphs whose centre lies in no grid."""
    if not grids:
        return list(glyphs)
    out = glyphs
    for left, top, right, bottom in (grid.bbox for grid in grids):
        out = [
            g for g in out if not (left <= (g[1] + g[3]) / 2 < right and top <= (g[2] + g[4]) / 2 < bottom)
        ]
    return list(out)
