"""A sparse word-processor grid -> the table's own columns, when the grid does not fit the layout.

Tables typed in Word and printed to PDF (Jiangsu's 公开01表…公开12表) carry many more grid
columns than printed columns: each cell border that does not line up with the next row's
opens a column, so one printed column's figures sit in two or three grid columns, and the
unit line or the real title is drawn inside the grid. :func:`compact` undoes that, using
only what is printed:

1. rows inside the grid that are the unit name or the unit line (the profile's
   ``unit_name_line`` / ``unit_line``) become the table's unit name and unit text;
2. grid columns empty in every row are dropped;
3. body rows before the first row of data (a figure, a code, 合计 or 一、…) are header rows;
   each grid column holding header text is a printed column, and a column holding body
   text only joins the nearest header column to its right or to its left (both are tried);
   a grid without header text merges neighbouring columns while no row has text in both;
4. a row holding only figures right under a row holding only names (a cell whose text
   wrapped onto a new grid row) is joined to it when their columns do not overlap; blank
   rows are dropped.

The result is checked against the profile like any other grid (width and header labels),
so a table this cannot straighten is still refused with its shape, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from yusuan.read.assemble.cells import is_amount
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import squeeze
from yusuan.read.pdf.rawtable import RawRow, RawTable
from yusuan.read.pdf.stitch import is_body_row


def _squeeze(text: str | None) -> str:
    return squeeze(text or "")


def _meta(cells: Sequence[str | None], reading: ReadingSpec) -> tuple[str | None, str | None] | None:
    """(unit name, unit text) when every filled cell of the row is one of those lines."""
    filled = [c.strip() for c in cells if c and c.strip()]
    if not filled:
        return None
    name = unit = None
    rest: list[str] = []
    for text in filled:
        if reading.unit_line is not None and reading.unit_line.match(_squeeze(text)):
            unit = text
        else:
            rest.append(text)
    if rest:
        joined = "".join(rest)
        if reading.unit_name_line is None or not reading.unit_name_line.match(joined):
            return None
        name = joined
    return name, unit


def _greedy(rows: Sequence[Sequence[str | None]], used: list[int]) -> list[list[int]]:
    """Neighbouring columns merged while no row has text in both (a grid with no header text)."""
    groups: list[list[int]] = []
    for i in used:
        if groups and not any(
            _squeeze(r[i]) and any(_squeeze(r[j]) for j in groups[-1] if j < len(r))
            for r in rows
            if i < len(r)
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


STRATEGIES = ("right", "left", "greedy")


def _groups(
    header: Sequence[Sequence[str | None]], body: Sequence[Sequence[str]], width: int, strategy: str
) -> list[list[int]]:
    """Grid columns grouped into printed columns (steps 2 and 3).

    The header names every printed column: each grid column holding header text is one
    printed column, and a column holding only body text belongs to the nearest header column
    on the ``strategy`` side ("right": Word drew the heading further right than the cells'
    text; "left": further left), else on the other side, unless a row has text in both: then
    it is a printed column of its own (a column the header spans with its neighbour).
    "greedy" ignores the header and merges neighbours while no row has text in both.
    """
    rows = [*header, *body]
    used = [i for i in range(width) if any(_squeeze(r[i]) for r in rows if i < len(r))]
    anchors = [i for i in used if any(_squeeze(r[i]) for r in header if i < len(r))]
    if not anchors or strategy == "greedy":
        return _greedy(rows, used)

    def clash(i: int, group: list[int]) -> bool:
        return any(
            _squeeze(r[i]) and any(_squeeze(r[j]) for j in group if j < len(r)) for r in rows if i < len(r)
        )

    groups: dict[int, list[int]] = {a: [a] for a in anchors}  # keyed by first column
    for i in used:
        if i in groups:
            continue
        right = next((a for a in anchors if a > i), None)
        left = max((k for k in groups if k < i), default=None)
        for key in (right, left) if strategy == "right" else (left, right):
            if key is not None and not clash(i, groups[key]):
                groups[key].append(i)
                break
        else:
            groups[i] = [i]  # a printed column the header does not name (income's 项目 column)
    ordered = [sorted(groups[k]) for k in sorted(groups)]
    return _spanning_merged(ordered, rows, body)


def _spanning_merged(
    groups: list[list[int]], rows: Sequence[Sequence[str | None]], body: Sequence[Sequence[str]]
) -> list[list[int]]:
    """A column holding header text only (a heading spanning the columns under it, drawn from
    one grid column to the left: 支出用途 over 项目名称 | 金额) joins the column to its right
    when no row has text in both."""
    merged: list[list[int]] = []
    for group in reversed(groups):
        header_only = not any(_squeeze(r[i]) for r in body for i in group if i < len(r))
        if header_only and merged:
            right = merged[-1]
            if not any(
                any(_squeeze(r[i]) for i in group if i < len(r))
                and any(_squeeze(r[j]) for j in right if j < len(r))
                for r in rows
            ):
                merged[-1] = sorted(group + right)
                continue
        merged.append(group)
    return list(reversed(merged))


def _join(cells: Sequence[str | None], group: list[int]) -> str:
    return "".join((cells[i] or "").strip() for i in group if i < len(cells))


def _has_amount(cells: Sequence[str]) -> bool:
    return any(is_amount(c) for c in cells if c)


def _disjoint(a: Sequence[str], b: Sequence[str]) -> bool:
    return not any(x and y for x, y in zip(a, b, strict=False))


def compact(raw: RawTable, reading: ReadingSpec, strategy: str = "right") -> RawTable:
    """``raw`` with the grid's split columns merged back into printed columns.

    ``strategy`` (one of :data:`STRATEGIES`) says where a column without header text goes;
    the caller tries each and keeps the first result the profile's shape checks accept.
    """
    unit_name, unit_text = raw.unit_name, raw.unit_text
    header: list[tuple[str | None, ...]] = []
    body: list[RawRow] = []
    for cells in raw.header:
        found = _meta(cells, reading)
        if found is None:
            header.append(cells)
        else:
            unit_name, unit_text = unit_name or found[0], unit_text or found[1]
    for row in raw.body:
        found = _meta(row.cells, reading)
        if found is None:
            body.append(row)
        else:
            unit_name, unit_text = unit_name or found[0], unit_text or found[1]
    notes = list(raw.notes)
    kept: list[RawRow] = []
    for row in body:
        filled = [c.strip() for c in row.cells if c and c.strip()]
        if (
            len(filled) == 1
            and reading.note_line is not None
            and reading.note_line.match(_squeeze(filled[0]))
        ):
            notes.append(filled[0])  # "此表为空" inside the grid of an empty table
        else:
            kept.append(row)
    blank = [r for r in kept if any(_squeeze(c) for c in r.cells)]
    start = next((i for i, r in enumerate(blank) if is_body_row(r.cells)), len(blank))
    header = [*header, *(r.cells for r in blank[:start])]
    body = blank[start:]
    groups = _groups(header, [r.cells for r in body], raw.width, strategy)
    new_header = [tuple(_join(cells, g) or None for g in groups) for cells in header]
    new_body: list[RawRow] = []
    for row in body:
        joined = tuple(_join(row.cells, g) for g in groups)
        previous = new_body[-1] if new_body else None
        if (
            previous is not None
            and not any(c and not is_amount(c) for c in joined)
            and not _has_amount(previous.cells)
            and _disjoint(previous.cells, joined)
        ):
            merged = tuple(a or b for a, b in zip(previous.cells, joined, strict=True))
            new_body[-1] = RawRow(merged, previous.page, previous.bbox)
            continue
        new_body.append(RawRow(joined, row.page, row.bbox))
    xs = tuple(raw.xs[g[0]] for g in groups)
    return RawTable(
        title=raw.title,
        xs=xs,
        header=new_header,
        body=new_body,
        pages=list(raw.pages),
        unit_name=unit_name,
        unit_text=unit_text,
        notes=notes,
        bbox=raw.bbox,
    )
