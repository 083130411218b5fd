"""Extracted text -> Lines: one line per text line, cells split at tabs."""

from __future__ import annotations

from yusuan.model import Source
from yusuan.read.lines import Line


def split_lines(path: str, text: str) -> list[Line]:
    """The lines of ``text`` (1-based line numbers in their Source), cells split at tab stops."""
    return [
        Line(cells=tuple(raw.rstrip("\r").split("\t")), source=Source(file=path, line=number))
        for number, raw in enumerate(text.split("\n"), start=1)
    ]
