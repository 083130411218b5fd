"""Where a cell, sentence or sheet came from, so that a person can open it."""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.model.slots import slot_setter


@dataclass(frozen=True, slots=True, init=False)
class Source:
    """A place in an input file: file, page (1-based), line (1-based), bounding box.

    ``locator`` names the place the way the file's own program does, when page and line are
    not enough to open it: a workbook range such as ``'表1'!A5:F5`` (``page`` is then the
    sheet's position, ``line`` its row).
    """

    file: str
    page: int | None = None
    line: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    locator: str | None = None

    def __init__(
        self,
        file: str,
        page: int | None = None,
        line: int | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        locator: str | None = None,
    ) -> None:
        # What the dataclass __init__ does (a frozen one sets each field via object.__setattr__),
        # through the slots' own setters in half the time: one source per printed row and line.
        _set_file(self, file)
        _set_page(self, page)
        _set_line(self, line)
        _set_bbox(self, bbox)
        _set_locator(self, locator)

    def __str__(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.line is not None:
            parts.append(str(self.line))
        where = ":".join(parts)
        return f"{where} ({self.locator})" if self.locator is not None else where

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "bbox": list(self.bbox) if self.bbox is not None else None,
        }
        if self.locator is not None:  # additive: absent for the formats that have no locator
            data["locator"] = self.locator
        return data


_set_file = slot_setter(Source, "file")
_set_page = slot_setter(Source, "page")
_set_line = slot_setter(Source, "line")
_set_bbox = slot_setter(Source, "bbox")
_set_locator = slot_setter(Source, "locator")
