"""Glyphs -> text: the lines of a table cell, and the lines of running text between tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter, sub

from yusuan.read.pdf.layout import Glyph, TextRow

LINE_TOLERANCE = 3.0  # glyph tops within this many points share a line
WORD_GAP = 3.0  # a wider horizontal gap inside a line is a space
CELL_GAP_FACTOR = 2.0  # a gap wider than this many line heights splits a text line into cells


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or "\u3000" <= char <= "\u303f"


# Glyph fields: text, x0, top, x1, bottom. Lines are cut from the glyphs in order of top and
# each line is then sorted by x0; both sorts are stable, so glyphs of one line with the same x0
# end up in order of top either way and sorting by top alone (a float key, no tuple a glyph)
# gives the same lines as sorting by (top, x0).
_BY_TOP = itemgetter(2)
_BY_X = itemgetter(1)


def group_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (tops within tolerance, chained), each sorted left to right."""
    ordered = sorted(glyphs, key=_BY_TOP)
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
    if len(line) == 1:
        return line[0][0]
    parts: list[str] = []
    previous_x1 = float("inf")  # no space before the first glyph: x0 - inf is never > WORD_GAP
    for text, x0, _top, x1, _bottom in line:  # unpacked: this runs for every glyph
        if x0 - previous_x1 > WORD_GAP:
            parts.append(" ")
        parts.append(text)
        previous_x1 = x1
    return "".join(parts)


def cell_text(glyphs: Sequence[Glyph]) -> str:
    """The text of one table cell: its lines joined (no separator between CJK characters)."""
    if len(glyphs) == 1:
        return glyphs[0][0]
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
    if scores is not None:
        return _scored_rows(glyphs, scores)
    rows: list[TextRow] = []
    for line in group_lines(glyphs):
        # One pass per line: a gap over two line heights starts a cell, one over WORD_GAP a word.
        _, x0s, tops, x1s, bottoms = zip(*line, strict=True)
        limit = CELL_GAP_FACTOR * (max(map(sub, bottoms, tops)) or 1.0)
        texts: list[str] = []
        parts: list[str] = []
        xs = [line[0][1]]
        previous_x1 = float("inf")  # x0 - inf is never a gap
        for text, x0, _top, x1, _bottom in line:
            gap = x0 - previous_x1
            if gap > limit:
                texts.append("".join(parts))
                parts = []
                xs.append(x0)
            elif gap > WORD_GAP:
                parts.append(" ")
            parts.append(text)
            previous_x1 = x1
        texts.append("".join(parts))
        bbox = (min(x0s), min(tops), max(x1s), max(bottoms))
        rows.append(TextRow(tuple(texts), bbox, None, tuple(xs)))
    return rows


def _scored_rows(glyphs: Iterable[Glyph], scores: Mapping[Glyph, float]) -> list[TextRow]:
    """text_rows of an OCR'd page: the same rows, each cell with its lowest glyph confidence."""
    rows: list[TextRow] = []
    for line in group_lines(glyphs):
        height = max(g[4] - g[2] for g in line) or 1.0
        current = [line[0]]
        cells: list[list[Glyph]] = [current]
        for glyph in line[1:]:
            if glyph[1] - current[-1][3] > CELL_GAP_FACTOR * height:
                current = []
                cells.append(current)
            current.append(glyph)
        _, x0s, tops, x1s, bottoms = zip(*line, strict=True)
        bbox = (min(x0s), min(tops), max(x1s), max(bottoms))
        confidence = tuple(min(scores.get(g, 0.0) for g in c) for c in cells)
        xs = tuple(c[0].x0 for c in cells)
        rows.append(TextRow(tuple(_line_text(c) for c in cells), bbox, confidence, xs))
    return rows
