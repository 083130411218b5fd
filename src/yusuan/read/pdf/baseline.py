"""The correctness baseline: the same PageLayout built from pdfplumber's chars and extract_tables."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pdfplumber

from yusuan.read.errors import InputError
from yusuan.read.limits import Limits
from yusuan.read.pdf.grids import outside_grids
from yusuan.read.pdf.layout import BBox, Glyph, Grid, PageLayout
from yusuan.read.pdf.textrows import text_rows


def _cell_text(text: str | None) -> str | None:
    if text is None:
        return None
    return "".join(text.split("\n"))


def read_layouts_baseline(name: str, data: bytes, limits: Limits) -> Iterator[PageLayout]:
    """pdfplumber's reading of every page (the input was first accepted by the fast path's checks)."""
    del limits
    try:
        yield from _layouts(data)
    except Exception as exc:  # pdfminer raises many kinds; the baseline must not crash a run either
        raise InputError(
            name, f"pdfplumber 无法读取 / pdfplumber cannot read it: {type(exc).__name__}"
        ) from None


def _layouts(data: bytes) -> Iterator[PageLayout]:
    with pdfplumber.open(BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            glyphs = [
                Glyph(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
                for c in page.chars
                if c["text"].strip()
            ]
            grids: list[Grid] = []
            for table in page.find_tables():
                xs = tuple(sorted({cell[0] for cell in table.cells}))
                boxes: list[BBox] = [row.bbox for row in table.rows]
                rows = tuple(tuple(_cell_text(t) for t in row) for row in table.extract())
                grids.append(Grid(index + 1, table.bbox, xs, rows, tuple(boxes)))
            rows_outside = tuple(text_rows(outside_grids(glyphs, grids)))
            yield PageLayout(
                index + 1,
                float(page.width),
                float(page.height),
                tuple(grids),
                rows_outside,
                len(glyphs),
                len(page.images),
            )
