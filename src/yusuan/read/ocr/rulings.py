"""A page image's table rulings: long, thin runs of ink, as the lattice's Edge pieces.

A scan has no vector rulings. Ink outside the recognised text is scanned row by row for
horizontal runs and column by column for vertical ones; a run at least
``ruling_min_points`` long is a piece of ruling. A ruling a few pixels thick gives one piece per
pixel row, which the lattice snaps into one (``read.pdf.lattice.merge_edges``), as it does with
the doubled strokes of vector PDFs.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from yusuan.read.pdf.layout import BBox, Edge

Ink = npt.NDArray[np.bool_]


def _runs(
    ink: Ink, min_length: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Runs of True along axis 1 at least ``min_length`` long: (row, start, end exclusive)."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)  # same row-major order: the k-th end closes the k-th start
    keep = ends - starts >= min_length
    return rows[keep], starts[keep], ends[keep]


def erase_boxes(ink: Ink, boxes: Iterable[BBox], margin: int = 2, grow: bool = False) -> Ink:
    """A copy of ``ink`` with the inside of each text box (pixels) cleared.

    By default each box is shrunk (by ``margin``, and 15 % of its height above and below):
    strokes of characters are then not mistaken for rulings, and a ruling touching a loosely
    detected text box survives. With ``grow`` each box is widened by ``margin`` instead: what
    ink is left then lies outside all recognised text.
    """
    out = ink.copy()
    height, width = ink.shape
    if grow:
        margin = -margin
    for x0, top, x1, bottom in boxes:
        shrink_v = -abs(margin) if grow else max(margin, int((bottom - top) * 0.15))
        a, b = max(int(top) + shrink_v, 0), min(int(bottom) - shrink_v, height)
        c, d = max(int(x0) + margin, 0), min(int(x1) - margin, width)
        if a < b and c < d:
            out[a:b, c:d] = False
    return out


def find_rulings(ink: Ink, points_per_pixel: float, min_points: float, horizontal: bool = True) -> list[Edge]:
    """Ruling pieces of a page image (vertical, and horizontal unless told not), in points."""
    min_length = max(2, round(min_points / points_per_pixel))
    edges: list[Edge] = []
    k = points_per_pixel
    if horizontal:
        rows, starts, ends = _runs(ink, min_length)
        edges.extend(
            Edge("h", (r + 0.5) * k, s * k, e * k)
            for r, s, e in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)
        )
    cols, starts, ends = _runs(np.ascontiguousarray(ink.T), min_length)
    edges.extend(
        Edge("v", (c + 0.5) * k, s * k, e * k)
        for c, s, e in zip(cols.tolist(), starts.tolist(), ends.tolist(), strict=True)
    )
    return edges


def ink_in(ink: Ink, box: BBox, points_per_pixel: float, inset_points: float) -> int:
    """Ink pixels inside a box given in points, kept ``inset_points`` away from its rulings."""
    k = points_per_pixel
    a = int((box[1] + inset_points) / k)
    b = int((box[3] - inset_points) / k)
    c = int((box[0] + inset_points) / k)
    d = int((box[2] - inset_points) / k)
    if a >= b or c >= d:
        return 0
    return int(ink[max(a, 0) : b, max(c, 0) : d].sum())
