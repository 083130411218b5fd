"""A table laid out as printed: header rows with merged cells, body rows, column kinds.

Every renderer (HTML, PDF, DOCX, XLSX) draws the same grid, so the four formats agree cell for
cell. The grid only places text that the Disclosure holds; it computes no figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import zip_longest

from yusuan.model import Column, Row, Table
from yusuan.reference.profiles import TableSpec
from yusuan.reference.templates import HeaderGroup, TableForm

SIDES = ("income", "expenditure")
_INDENT = {3: 0, 5: 1, 7: 2}  # code length -> depth of 类/款/项
DEFAULT_LABELS = ("项目",)  # label columns of a table without form data
DEFAULT_CODED_LABELS = ("科目编码", "科目名称")


@dataclass(frozen=True)
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False  # an amount: right-aligned, a number format
    places: int | None = None  # decimal places the amount was written with
    value: Decimal | None = None  # the amount as the Disclosure holds it, in the table's unit
    indent: int = 0  # depth of a coded row's name (类 0, 款 1, 项 2)
    row_header: bool = False  # the cell that names the row


@dataclass
class Grid:
    """Header rows and body rows; ``widths`` are relative column widths."""

    header: list[list[GridCell]]
    body: list[list[GridCell]]
    widths: list[float] = field(default_factory=list)

    @property
    def n_columns(self) -> int:
        rows = self.header or self.body
        return sum(cell.colspan for cell in rows[0]) if rows else len(self.widths)


@dataclass(frozen=True)
class _Segment:
    """One side of a table: its label columns, then its amount columns."""

    labels: tuple[str, ...]
    label_group: str
    columns: tuple[Column, ...]
    groups: tuple[HeaderGroup, ...]
    coded: bool  # the first label column holds the code


def _group_of(key: str, groups: tuple[HeaderGroup, ...]) -> HeaderGroup | None:
    return next((g for g in groups if key in g.keys), None)


def _segment_header(segment: _Segment, depth: int, year: str) -> list[list[GridCell]]:
    """``depth`` header rows (1 or 2) for one segment; ungrouped cells span every row."""
    rows: list[list[GridCell]] = [[] for _ in range(depth)]
    if depth == 2 and segment.label_group:
        rows[0].append(GridCell(segment.label_group, colspan=len(segment.labels)))
        rows[1].extend(GridCell(label) for label in segment.labels)
    else:
        rows[0].extend(GridCell(label, rowspan=depth) for label in segment.labels)
    index = 0
    columns = segment.columns
    while index < len(columns):
        group = _group_of(columns[index].key, segment.groups) if depth == 2 else None
        if group is None:
            rows[0].append(GridCell(columns[index].label, rowspan=depth))
            index += 1
            continue
        run = index
        while run < len(columns) and _group_of(columns[run].key, segment.groups) == group:
            rows[1].append(GridCell(columns[run].label))
            run += 1
        rows[0].append(GridCell(group.label.replace("{year}", year), colspan=run - index))
        index = run
    return rows


def _needs_two_rows(segment: _Segment) -> bool:
    keys = {c.key for c in segment.columns}
    return bool(segment.label_group) or any(keys & set(g.keys) for g in segment.groups)


def _layout(table: Table, spec: TableSpec | None) -> str:
    """The profile's layout; for a table no profile describes, what its rows and columns show."""
    if spec is not None:
        return spec.layout
    coded = any(row.code is not None and row.code.isdigit() for row in table.rows)
    if any(column.side for column in table.columns):
        return "side_by_side_coded" if coded else "side_by_side"
    return "coded" if coded else "named"


def _segments(table: Table, spec: TableSpec | None, form: TableForm) -> list[tuple[str | None, _Segment]]:
    layout = _layout(table, spec)
    # an economic table without extra labels prints its code (类/款) before the name, as coded ones do
    coded = layout in ("coded", "side_by_side_coded") or (
        layout == "economic" and spec is not None and not spec.labels and spec.code_columns > 1
    )
    fallback = DEFAULT_CODED_LABELS if coded else DEFAULT_LABELS
    extra = tuple(c.label for c in spec.labels) if spec is not None else ()
    if layout.startswith("side_by_side"):
        return [
            (
                side,
                _Segment(
                    labels=form.labels(side) or fallback,
                    label_group="",
                    columns=tuple(c for c in table.columns if c.side == side),
                    groups=form.groups,
                    coded=coded,
                ),
            )
            for side in SIDES
        ]
    labels = (form.labels() if spec is not None else ()) or fallback
    if layout == "record":  # one line of figures under the header: no label column (上海“三公”表)
        labels = ()
    segment = _Segment(labels + extra, form.label_group, tuple(table.columns), form.groups, coded)
    return [(None, segment)]


def _row_cells(
    row: Row | None, table: Table, segment: _Segment, label_keys: tuple[str, ...]
) -> list[GridCell]:
    """The label cells and amount cells of one row within one segment (blanks when no row)."""
    n_labels = len(segment.labels)
    if row is None:
        return [GridCell("") for _ in range(n_labels)] + [GridCell("", numeric=True) for _ in segment.columns]
    depth = _INDENT.get(len(row.code), 0) if row.code else 0
    if segment.coded:
        labels = [GridCell(row.code or ""), GridCell(row.name, indent=depth, row_header=True)]
    else:
        labels = [GridCell(row.name, indent=depth, row_header=True)]
        labels += [GridCell(row.labels.get(key, "")) for key in label_keys]
    labels = (labels + [GridCell("") for _ in range(n_labels)])[:n_labels]
    amounts = []
    for column in segment.columns:
        cell = row.cell(table, column.key)
        text = cell.text if cell is not None else ""
        value = cell.amount if cell is not None else None
        places = value.places if value is not None else None
        amounts.append(GridCell(text, numeric=True, places=places, value=value.value if value else None))
    return labels + amounts


def _pair_rows(table: Table, form: TableForm) -> list[tuple[Row | None, Row | None]]:
    """Income beside expenditure: the item rows top-aligned, then the total rows in the form's pairs."""
    sides = {side: list(table.iter_rows(side)) for side in SIDES}
    firsts = form.totals[0] if form.totals else (None, None)
    items: dict[str, list[Row]] = {}
    totals: dict[str, list[Row]] = {}
    for side, first in zip(SIDES, firsts, strict=True):
        rows = sides[side]
        cut = next((i for i, r in enumerate(rows) if first is not None and r.name == first), len(rows))
        items[side], totals[side] = rows[:cut], rows[cut:]
    pairs: list[tuple[Row | None, Row | None]] = list(zip_longest(items["income"], items["expenditure"]))
    left, right = iter(totals["income"]), iter(totals["expenditure"])
    for income_name, spending_name in form.totals:
        pairs.append(
            (next(left, None) if income_name else None, next(right, None) if spending_name else None)
        )
    return pairs


def table_grid(table: Table, spec: TableSpec | None, form: TableForm, year: int | None) -> Grid:
    year_text = str(year) if year is not None else ""
    segments = _segments(table, spec, form)
    label_keys = tuple(c.key for c in spec.labels) if spec is not None else ()
    depth = 2 if any(_needs_two_rows(seg) for _, seg in segments) else 1
    header: list[list[GridCell]]
    if len(segments) == 2:
        header = [[] for _ in range(depth + 1)]
        for side, segment in segments:
            width = len(segment.labels) + len(segment.columns)
            header[0].append(GridCell(form.side_groups.get(side or "", side or ""), colspan=width))
            for index, row in enumerate(_segment_header(segment, depth, year_text)):
                header[index + 1].extend(row)
        pairs = _pair_rows(table, form)
        body = [
            _row_cells(income, table, segments[0][1], ()) + _row_cells(spending, table, segments[1][1], ())
            for income, spending in pairs
        ]
    else:
        segment = segments[0][1]
        header = _segment_header(segment, depth, year_text)
        body = [_row_cells(row, table, segment, label_keys) for row in table.rows]
    header = [row for row in header if row]
    return Grid(header=header, body=body, widths=content_widths(header, body))


def text_width(text: str) -> int:
    """Width in half-em units: a CJK character or full-width sign takes two, a digit or letter one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


MIN_WIDTH = 6  # half-ems: no column narrower than three characters
MAX_WIDTH = 40  # a longer name wraps rather than squeezing the amounts


def content_widths(header: list[list[GridCell]], body: list[list[GridCell]]) -> list[float]:
    """Each column as wide as its longest one-column body text (names wrap beyond MAX_WIDTH).

    A header label may wrap onto two lines, so it asks for half its width. Widths are in half-em
    units of the table's type size: the renderers scale them to the page.
    """
    n_columns = sum(cell.colspan for cell in (header or body)[0]) if (header or body) else 0
    widths = [float(MIN_WIDTH)] * n_columns
    rows = header + body
    for r, c, cell in placed(rows):
        if cell.colspan != 1 or c >= n_columns:
            continue
        wanted = text_width(cell.text) + 2 * cell.indent + (2 if cell.numeric else 0)  # digits run wide
        if r < len(header):
            wanted = -(-wanted // 2)
        widths[c] = max(widths[c], float(min(wanted, MAX_WIDTH)))
    return widths


def placed(rows: list[list[GridCell]]) -> list[tuple[int, int, GridCell]]:
    """Each cell with its (row, column) in the full grid, skipping places taken by row spans."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out
