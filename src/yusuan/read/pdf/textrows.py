"""Glyphs -> text: the lines of a table cell, and the lines of running text between tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter

from yusuan.read.pdf.layout import Glyph, TextRow

LINE_TOLERANCE = 3.0  # glyph tops within this many points share a line
WORD_GAP = 3.0  # a wider horizontal gap inside a line is a space
CELL_GAP_FACTOR = 2.0  # a gap wider than this many line heights splits a text line into cells


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or "\u3000" <= char <= "\u303f"


_BY_TOP_THEN_X = itemgetter(2, 1)  # Glyph fields: text, x0, top, x1, bottom
_BY_X = itemgetter(1)


def group_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (tops within tolerance, chained), each sorted left to right."""
    ordered = sorted(glyphs, key=_BY_TOP_THEN_X)
    lines: list[list[Glyph]] = []
    last_top = float("-inf")
    for glyph in ordered:
        top = glyph[2]
        if top > last_top + LINE_TOLERANCE:
            lines.append([glyph])
        else:
            lines[-1].append(glyph)
        last_top = top
    for line in lines:
        line.sort(key=_BY_X)
    return lines


def _line_text(line: Sequence[Glyph]) -> str:
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in line:  # fields by index (text, x0, top, x1, bottom): this runs for every glyph
        if previous is not None and glyph[1] - previous[3] > WORD_GAP:
            parts.append(" ")
        parts.append(glyph[0])
        previous = glyph
    return "".join(parts)


def cell_text(glyphs: Iterable[Glyph]) -> str:
    """The text of one table cell: its lines joined (no separator between CJK characters)."""
    text = ""
    for line in group_lines(glyphs):
        piece = _line_text(line)
        if text and not (_is_cjk(text[-1]) or _is_cjk(piece[0])):
            text += " "
        text += piece
    return text


def text_rows(glyphs: Iterable[Glyph], scores: Mapping[Glyph, float] | None = None) -> list[TextRow]:
    """Running text as rows; a row splits into cells at gaps wider than two line heights.

    ``scores`` (OCR'd pages) gives each glyph's confidence; each cell then keeps the lowest.
    """
    rows: list[TextRow] = []
    for line in group_lines(glyphs):
        height = max(g[4] - g[2] for g in line) or 1.0  # by index, as in _line_text
        current = [line[0]]
        cells: list[list[Glyph]] = [current]
        for glyph in line[1:]:
            if glyph[1] - current[-1][3] > CELL_GAP_FACTOR * height:
                current = []
                cells.append(current)
            current.append(glyph)
        _, x0s, tops, x1s, bottoms = zip(*line, strict=True)
        bbox = (min(x0s), min(tops), max(x1s), max(bottoms))
        confidence = None
        if scores is not None:
            confidence = tuple(min(scores.get(g, 0.0) for g in c) for c in cells)
        xs = tuple(c[0].x0 for c in cells)
        rows.append(TextRow(tuple(_line_text(c) for c in cells), bbox, confidence, xs))
    return rows
