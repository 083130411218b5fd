"""What a PDF page holds once its drawing is read: glyphs, ruling edges, and the grids they make.

Coordinates are PDF points with the origin at the top-left of the page (``top`` grows
downwards), the same orientation both extractors (pypdfium2 and pdfplumber) are brought to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


class Glyph(NamedTuple):
    """One printed character and its box (the font's advance box, not the ink)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def h_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def v_mid(self) -> float:
        return (self.top + self.bottom) / 2


class Edge(NamedTuple):
    """A horizontal ("h": at y=pos from start to end along x) or vertical ("v") ruling.

    A named tuple, like Glyph: a page makes one for every level or plumb line piece it draws,
    and a tuple is made several times faster than a frozen dataclass.
    """

    orientation: str
    pos: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Grid:
    """One ruled table on one page, as its rulings cut it.

    ``rows`` holds one tuple per grid row and one entry per grid column: the cell's text,
    or None where a merged cell from the left or above covers that slot.
    """

    page: int
    bbox: BBox
    xs: tuple[float, ...]  # left edge of each grid column
    rows: tuple[tuple[str | None, ...], ...]
    row_boxes: tuple[BBox, ...]
    # OCR'd pages: per slot the lowest character confidence (0..1), None for a merged-over
    # slot or an empty cell; the whole field is None for text pages (exact).
    confidence: tuple[tuple[float | None, ...], ...] | None = None


@dataclass(frozen=True, slots=True)
class TextRow:
    """A line of text outside the tables; cells split where the gap is wide."""

    cells: tuple[str, ...]
    bbox: BBox
    confidence: tuple[float, ...] | None = None  # OCR: one per cell; None when exact
    xs: tuple[float, ...] | None = None  # left edge of each cell, when known


@dataclass(frozen=True, slots=True)
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    grids: tuple[Grid, ...]
    text_rows: tuple[TextRow, ...]
    glyph_count: int
    image_count: int = 0
    ocr: bool = False  # read by OCR from the page image (see read.ocr)

    @property
    def image_only(self) -> bool:
        """Drawn as images with no text layer: a scanned page, unread until OCR."""
        return self.glyph_count == 0 and self.image_count > 0 and not self.ocr
