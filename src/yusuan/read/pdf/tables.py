"""RawTable + profile -> model.Table: grid columns mapped to the profile's column keys.

The profile says what each printed column means; this module only lays the printed
cells onto those keys, parses the figures and refuses a table whose width does not fit
the layout (``TableShapeError``) rather than guessing.
"""

from __future__ import annotations

import re

from yusuan.model import (
    Amount,
    AmountError,
    Cell,
    CellStatus,
    Column,
    ReadProblem,
    ReadProblemKind,
    Row,
    Source,
    Table,
    Unit,
)
from yusuan.read.assemble.layouts import side_blocks, side_names, split_line
from yusuan.read.assemble.spec import reading_spec
from yusuan.read.assemble.text import squeeze
from yusuan.read.pdf.compact import STRATEGIES, compact
from yusuan.read.pdf.rawtable import RawRow, RawTable
from yusuan.reference.profiles import Profile, TableSpec

_DIGITS = re.compile(r"^\d+$")


class TableShapeError(ValueError):
    """The printed table does not have the columns the profile expects."""


def identify(raw: RawTable, profile: Profile) -> TableSpec | None:
    """The profile table whose title pattern the printed title matches.

    When the line above the grid is only a label ("公开01表") the title is drawn inside the
    grid: its first row holding a single text is then taken as the title (and ``raw.title``
    becomes it).
    """
    if raw.title is not None and (spec := profile.table_for_title(raw.title)) is not None:
        return spec
    rows = [*raw.header, *(r.cells for r in raw.body[:3])]
    for cells in rows[:4]:
        filled = [squeeze(c or "") for c in cells if c and c.strip()]
        if len(filled) == 1 and len(filled[0]) <= 40 and (spec := profile.table_for_title(filled[0])):
            raw.title = filled[0]
            return spec
    return None


def table_unit(raw: RawTable, spec: TableSpec, profile: Profile) -> Unit:
    """The unit printed above the table ("单位：元"), else the profile's."""
    if raw.unit_text:
        printed = re.split(r"[:：]", raw.unit_text, maxsplit=1)[-1]
        try:
            return Unit.parse(printed)
        except AmountError:
            pass
    return spec.unit or profile.currency_unit


def _cell(text: str, unit: Unit, source: Source, confidence: float | None = None) -> Cell:
    try:
        amount = Amount.parse(text, unit)
    except AmountError:
        return Cell(text=text, status=CellStatus.UNREADABLE, source=source, confidence=confidence)
    status = CellStatus.VALUE if amount is not None else CellStatus.BLANK
    return Cell(text=text, amount=amount, status=status, source=source, confidence=confidence)


def _cells(raw_row: RawRow, start: int, count: int, unit: Unit, source: Source) -> list[Cell]:
    """The figures of grid columns start .. start+count-1, each with its OCR confidence if any."""
    scores = raw_row.confidence
    return [
        _cell(raw_row.cells[i], unit, source, None if scores is None else scores[i])
        for i in range(start, min(start + count, len(raw_row.cells)))
    ]


def _source(file: str, row: RawRow) -> Source:
    box = row.bbox
    return Source(
        file, row.page, None, (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))
    )


def _blank_cells(count: int) -> list[Cell]:
    return [Cell(text="") for _ in range(count)]


def _code_width(raw: RawTable, spec: TableSpec) -> int:
    """The code columns as printed: the profile's split (类|款|项), or one column holding the
    whole code ("2010601"), as documents built from the same form print it."""
    n = len(spec.columns)
    return 1 if spec.code_columns > 1 and raw.width == 2 + n else spec.code_columns


def _coded_rows(raw: RawTable, spec: TableSpec, unit: Unit, file: str) -> list[Row]:
    k, n = _code_width(raw, spec), len(spec.columns)
    if raw.width != k + 1 + n:
        raise TableShapeError(f"{raw.title}: {raw.width} 列，模板要求 {k + 1 + n} 列 / columns")
    rows: list[Row] = []
    for raw_row in raw.body:
        parts = [squeeze(c) for c in raw_row.cells[:k]]
        name = squeeze(raw_row.cells[k])
        values = raw_row.cells[k + 1 :]
        if not any(parts) and not name and not any(v.strip() for v in values):
            continue
        code = "".join(parts) if parts[0] and all(_DIGITS.match(p) for p in parts if p) else None
        if code is None and not name:
            name = next((p for p in parts if p), "")
        source = _source(file, raw_row)
        cells = _cells(raw_row, k + 1, len(values), unit, source)
        rows.append(Row(name=name, cells=cells, code=code, source=source))
    return rows


_ITEM_START = re.compile(r"^([一二三四五六七八九十]+、|\d+[.．、]|其中)|合计|小计|总计|结转")


def _side_rows(raw: RawTable, spec: TableSpec, unit: Unit, file: str, wrapped: bool = False) -> list[Row]:
    """One row per printed item of each side, the sides in printed order.

    ``wrapped`` (a word-processor grid, see :mod:`.compact`): a cell whose text wrapped onto
    the next grid rows is joined back: a name fragment that does not start an item joins the
    side's previous name, and figures printed without a name go to the side's previous item
    when it has none yet, else to the item named just before them on the same line (a total
    whose label spans both expenditure blocks: 当年支出小计 … 24,169.74).
    """
    blocks = side_blocks(spec)
    width = sum(1 + count for _side, count in blocks)
    if raw.width != width:
        raise TableShapeError(f"{raw.title}: {raw.width} 列，模板要求 {width} 列 / columns")
    total = len(spec.columns)
    by_side: dict[str, list[Row]] = {side: [] for side, _count in blocks}
    for raw_row in raw.body:
        source = _source(file, raw_row)
        start = before = 0
        placed: Row | None = None  # the item named on this line, on the side before
        placed_at = 0  # the first column of that side
        for side, count in blocks:
            name = squeeze(raw_row.cells[start])
            values = raw_row.cells[start + 1 : start + 1 + count]
            figures = _cells(raw_row, start + 1, count, unit, source)
            if name or any(v.strip() for v in values):
                rows = by_side[side]
                last = rows[-1] if rows else None
                if wrapped and name and not any(v.strip() for v in values) and last is not None:
                    if not _ITEM_START.search(name) and _ITEM_START.search(last.name):
                        last.name += name
                        start, before = start + 1 + count, before + count
                        continue
                if wrapped and not name and last is not None and not _has_figures(last):
                    last.cells[before : before + count] = figures
                elif wrapped and not name and placed is not None and not _has_figures(placed):
                    placed.cells[placed_at : placed_at + count] = figures
                else:
                    cells = _blank_cells(before) + figures + _blank_cells(total - before - count)
                    rows.append(Row(name=name, cells=cells, side=side, source=source))
                    placed, placed_at = (rows[-1], before) if name else (None, 0)
            start, before = start + 1 + count, before + count
    return [row for side_rows in by_side.values() for row in side_rows]


def _has_figures(row: Row) -> bool:
    return any(cell.amount is not None for cell in row.cells)


def _interleaved(raw: RawTable, spec: TableSpec) -> int:
    """How many named rows each printed column group holds side by side (1 when none).

    The 决算's 三公 table prints, under each of its columns, a 预算数 and a 决算数: a record
    of ``n`` columns and rows [预算数, 决算数] printed ``2n`` figures wide on one line.
    """
    per = len(spec.rows)
    return per if per > 1 and raw.width == per * len(spec.columns) else 1


def _record_rows(raw: RawTable, spec: TableSpec, unit: Unit, file: str) -> list[Row]:
    n = len(spec.columns)
    per = _interleaved(raw, spec)
    if raw.width != n * per:
        raise TableShapeError(f"{raw.title}: {raw.width} 列，模板要求 {n} 列 / columns")
    names = list(spec.rows) or [""]
    rows: list[Row] = []
    for raw_row in raw.body:
        if not any(c.strip() for c in raw_row.cells):
            continue
        source = _source(file, raw_row)
        if per > 1:  # one printed line, one row per name: its figure of every column group
            for j, name in enumerate(names):
                cells = [c for i in range(n) for c in _cells(raw_row, i * per + j, 1, unit, source)]
                rows.append(Row(name=name, cells=cells, source=source))
            continue
        name = names[len(rows)] if len(rows) < len(names) else ""
        rows.append(Row(name=name, cells=_cells(raw_row, 0, len(raw_row.cells), unit, source), source=source))
    return rows


def _line_rows(raw: RawTable, spec: TableSpec, unit: Unit, file: str) -> list[Row]:
    """Rows of the layouts the shared line splitter knows (named, labelled economic, side_by_side_coded)."""
    width = max(_amount_columns(raw, spec), default=-1) + 1
    if raw.width != width:
        raise TableShapeError(f"{raw.title}: {raw.width} 列，模板要求 {width} 列 / columns")
    rows: list[Row] = []
    for raw_row in raw.body:
        source = _source(file, raw_row)
        split, _leftover = split_line([c or "" for c in raw_row.cells], spec)
        for line_row in split:
            values = iter(line_row.values)
            cells = [
                _cell(next(values, ""), unit, source)
                if line_row.side is None or column.side == line_row.side
                else Cell(text="")
                for column in spec.columns
            ]
            labels = {c.key: t for c, t in zip(spec.labels, line_row.labels, strict=False) if t}
            name = squeeze(line_row.name)
            rows.append(Row(name, cells, line_row.code, line_row.side, labels, source))
    if spec.layout == "side_by_side_coded":
        left, right = side_names(spec)
        rows = [r for r in rows if r.side == left] + [r for r in rows if r.side == right]
    return rows


def _label_key(text: str) -> str:
    return squeeze(text).replace("（", "(").replace("）", ")")


def _amount_columns(raw: RawTable, spec: TableSpec) -> list[int]:
    """The grid column of each profile column, in the profile's order."""
    n = len(spec.columns)
    if spec.layout == "side_by_side":
        indices: list[int] = []
        start = 0
        for _side, count in side_blocks(spec):
            indices.extend(range(start + 1, start + 1 + count))
            start += 1 + count
        return indices
    if spec.layout == "labelled":
        k = len(spec.labels)
        return list(range(k, k + n))
    if spec.layout == "record":
        per = _interleaved(raw, spec)
        return [i * per for i in range(n)]
    if spec.layout == "named":
        return list(range(1, 1 + n))
    if spec.layout == "economic" and spec.labels:
        k = len(spec.labels)
        return list(range(1 + k, 1 + k + n))
    if spec.layout == "side_by_side_coded":
        a = sum(1 for c in spec.columns if c.side == side_names(spec)[0])
        return [*range(2, 2 + a), *range(4 + a, 4 + n)]
    k = _code_width(raw, spec)
    return list(range(k + 1, k + 1 + n))


def check_header(raw: RawTable, spec: TableSpec) -> None:
    """Each profile column's label must be printed in its grid column's header cells.

    A template that moved or renamed a column is refused here instead of being read
    into the wrong keys.
    """
    if not raw.header:
        return
    for column, index in zip(spec.columns, _amount_columns(raw, spec), strict=True):
        if index >= raw.width:
            return  # the width check of the layout reports this
        printed = "".join(_label_key(row[index] or "") for row in raw.header)
        label = _label_key(column.label.replace("{year}", ""))
        if label not in printed:
            raise TableShapeError(
                f"{raw.title}: 第 {index + 1} 列表头“{printed}”中没有模板的“{column.label}”"
                f"（{column.key}）/ column {index + 1} header {printed!r} lacks the label {column.label!r}"
            )


def to_table(raw: RawTable, spec: TableSpec, profile: Profile, file: str) -> Table:
    """The printed table under the profile's semantic id and column keys.

    A grid whose width does not fit is tried again with its split columns merged
    (:func:`yusuan.read.pdf.compact.compact`, each strategy in turn); if none fits, the
    first refusal stands.
    """
    try:
        return _to_table(raw, spec, profile, file)
    except TableShapeError:
        for strategy in STRATEGIES:
            compacted = compact(raw, reading_spec(profile), strategy)
            try:
                return _to_table(compacted, spec, profile, file, wrapped=True)
            except TableShapeError:
                continue
        raise


def _to_table(raw: RawTable, spec: TableSpec, profile: Profile, file: str, wrapped: bool = False) -> Table:
    check_header(raw, spec)
    unit = table_unit(raw, spec, profile)
    if spec.layout == "side_by_side":
        rows = _side_rows(raw, spec, unit, file, wrapped)
    elif spec.layout == "coded" or (spec.layout == "economic" and not spec.labels):
        # an economic table printed with its code columns (类/款) reads as a coded one
        rows = _coded_rows(raw, spec, unit, file)
    elif spec.layout in ("named", "economic", "side_by_side_coded", "labelled"):
        rows = _line_rows(raw, spec, unit, file)
    elif spec.layout == "record":
        rows = _record_rows(raw, spec, unit, file)
    else:
        raise TableShapeError(f"{raw.title}: 暂不支持的版式 / layout not supported here: {spec.layout}")
    columns = [Column(c.key, c.label, c.side) for c in spec.columns]
    first = raw.body[0] if raw.body else None
    return Table(
        id=spec.id,
        title=raw.title or spec.title,
        unit=unit,
        columns=columns,
        rows=rows,
        number=str(spec.number),
        unit_name=raw.unit_name,
        unit_line=raw.unit_text or None,
        notes=list(raw.notes),
        source=Source(file, first.page if first else (raw.pages[0] if raw.pages else None)),
    )


def profile_tables(
    raws: list[RawTable], profile: Profile, file: str
) -> tuple[dict[str, Table], list[ReadProblem]]:
    """Every printed table that the profile names, by semantic id, and what could not be laid out.

    A titled table no profile table matches, a table refused by the shape checks, a
    second printing of the same table, and a figure that does not parse are each a
    ReadProblem with its place; none of them is dropped silently. A titled grid holding only
    its first header row, refused, followed by an untitled grid is one table whose header ran
    onto the next page (Jiangsu 2018's 财政拨款收支预算总表): the untitled grid is read as it.
    """
    tables: dict[str, Table] = {}
    problems: list[ReadProblem] = []
    performance = reading_spec(profile).performance
    refused: tuple[TableSpec, RawTable, ReadProblem] | None = None
    for raw in raws:
        where = Source(file, raw.pages[0] if raw.pages else None)
        spec = identify(raw, profile)
        if spec is None and performance is not None and performance.sheet_title in (raw.title or ""):
            continue  # a 绩效目标表: its lines are read with its section (read.assemble.performance)
        if spec is None and raw.title is None and refused is not None and not refused[1].body:
            spec, raw.title = refused[0], refused[1].title
            problems.remove(refused[2])
        refused = None
        if spec is None:
            # A one-column grid is a framed list (a contents page), not a table of figures.
            if raw.title is not None or raw.width > 1:
                text = raw.title or " | ".join(c for c in (raw.body[0].cells if raw.body else ()) if c)
                problems.append(ReadProblem(ReadProblemKind.UNRECOGNISED, "table", text, where))
            continue
        try:
            table = to_table(raw, spec, profile, file)
        except TableShapeError as exc:
            problem = ReadProblem(ReadProblemKind.UNREADABLE, f"table {spec.id}", str(exc), where)
            problems.append(problem)
            refused = (spec, raw, problem)
            continue
        if spec.id in tables:
            problems.append(
                ReadProblem(
                    ReadProblemKind.UNRECOGNISED, f"table {spec.id} printed again", raw.title or "", where
                )
            )
            continue
        tables[spec.id] = table
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell.status is CellStatus.UNREADABLE:
                    what = f"table {spec.id} row {row.code or row.name} column {column.key}"
                    problems.append(ReadProblem(ReadProblemKind.UNREADABLE, what, cell.text, cell.source))
    return tables, problems
