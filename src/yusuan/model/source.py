"""Where a cell, sentence or sheet came from, so that a person can open it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """A place in an input file: file, page (1-based), line (1-based), bounding box."""

    file: str
    page: int | None = None
    line: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "bbox": list(self.bbox) if self.bbox is not None else None,
        }
