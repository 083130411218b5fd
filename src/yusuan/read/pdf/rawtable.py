"""A table as printed, before any profile gives its columns a meaning."""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.read.pdf.layout import BBox


@dataclass(frozen=True, slots=True)
class RawRow:
    cells: tuple[str, ...]  # one per grid column; "" for empty or merged-over slots
    page: int
    bbox: BBox
    confidence: tuple[float | None, ...] | None = None  # OCR: per cell, None when empty or exact


@dataclass(slots=True)
class RawTable:
    """A ruled table, stitched across pages: its title, header rows, body rows and pages.

    ``header`` rows keep None where a merged header cell covers the slot; body cells are
    strings. ``xs`` are the left edges of the grid columns on the first page.
    """

    title: str | None
    xs: tuple[float, ...]
    header: list[tuple[str | None, ...]] = field(default_factory=list)
    body: list[RawRow] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    unit_name: str | None = None  # "编制单位：上海市财政局" as printed
    unit_text: str | None = None  # "单位：元" as printed
    notes: list[str] = field(default_factory=list)  # "注:…" lines under the table
    bbox: BBox | None = None  # on the first page

    @property
    def width(self) -> int:
        return len(self.xs)
