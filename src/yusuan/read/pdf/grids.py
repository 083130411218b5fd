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
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # covered slot -> slot of its cell
    for i, row in enumerate(slot_rows):
        for j, cell in enumerate(row):
            if cell is None:
                continue
            for ii in range(i, bisect_right(tops, cell[3] - 1e-9)):
                for jj in range(j, bisect_right(xs, cell[2] - 1e-9)):
                    owner.setdefault((ii, jj), (i, j))
    texts: dict[tuple[int, int], list[Glyph]] = {}
    bbox = _box(cells)
    left, top, right, bottom = bbox
    owner_of, slot_of = owner.get, texts.setdefault
    for glyph in glyphs:
        h_mid = (glyph[1] + glyph[3]) / 2
        v_mid = (glyph[2] + glyph[4]) / 2
        if not (left <= h_mid < right and top <= v_mid < bottom):
            continue
        slot = owner_of((bisect_right(tops, v_mid) - 1, bisect_right(xs, h_mid) - 1))
        if slot is None:
            continue
        cell = slot_rows[slot[0]][slot[1]]
        if cell is not None and cell[0] <= h_mid < cell[2] and cell[1] <= v_mid < cell[3]:
            slot_of(slot, []).append(glyph)
    rows = tuple(
        tuple(
            None if c is None else cell_text(texts[(i, j)]) if (i, j) in texts else ""
            for j, c in enumerate(row)
        )
        for i, row in enumerate(slot_rows)
    )
    boxes = tuple(_box([c for c in row if c is not None]) for row in slot_rows)
    confidence = None
    if scores is not None:
        confidence = tuple(
            tuple(
                min((scores.get(g, 0.0) for g in texts[(i, j)]), default=None) if (i, j) in texts else None
                for j in range(len(row))
            )
            for i, row in enumerate(slot_rows)
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
