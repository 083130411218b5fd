"""The common intermediate form of every reader: lines of cells, each with its source.

Each format reader turns its document into a list of ``Line``: a heading or paragraph is a
line with one cell; a table row is a line with one cell per grid column, left to right,
empty strings for empty cells; a line with no cells at all is a hard boundary (the end of a
worksheet) that no table or section runs on past. The profile-driven assembly (lines ->
Disclosure) is shared by all formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.model import Source


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document as read: its cells (tab-separated text) and where it was."""

    cells: tuple[str, ...]
    source: Source
    confidence: tuple[float, ...] | None = None  # OCR: one per cell (0..1); None when exact

    @property
    def text(self) -> str:
        return "\t".join(self.cells)

    @property
    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)
