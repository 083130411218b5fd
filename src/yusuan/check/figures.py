"""Shared helpers of the rules: locating cells, reading figures, comparing with rounding tolerance."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from yusuan.check.context import issue
from yusuan.model import (
    Amount,
    Evidence,
    Finding,
    Location,
    Row,
    Severity,
    Source,
    Table,
    Unit,
    rounding_tolerance,
)
from yusuan.reference.profiles import Profile

_ZERO = Decimal(0)
_NUMBERED = re.compile(r"^[一二三四五六七八九十百]+[、.．]")


def src_location(source: Source | None, **where: str | None) -> Location:
    """A location with page/line from a source."""
    return Location(
        page=source.page if source else None,
        line=source.line if source else None,
        **where,
    )


def row_key(row: Row) -> str:
    """How a row is named in a location: its code and name, or its name."""
    return f"{row.code} {row.name}" if row.code else row.name


def cell_location(table: Table, row: Row, column: str | None) -> Location:
    """table + row + column, with the page/line of the cell (or of its row, or of its table)."""
    cell = row.cell(table, column) if column else None
    source = (cell.source if cell else None) or row.source or table.source
    label = None
    if column is not None:
        index = table.column_index(column)
        label = table.columns[index].label if index is not None else column
    return src_location(source, table=table.id, row=row_key(row), column=label)


def table_location(table: Table) -> Location:
    return src_location(table.source, table=table.id)


def in_unit(amount: Amount | None, unit: Unit) -> Decimal:
    """The exact value of a printed figure in ``unit``; blank counts as zero."""
    if amount is None:
        return Decimal(0)
    if amount.unit is unit:  # nearly always: the same Decimal that to() computes, without two operations
        return amount.value
    return amount.to(unit)


def fmt(value: Decimal, places: int = 2) -> str:
    return f"{value:.{places}f}"


def places_of(amounts: Sequence[Amount | None], default: int = 2) -> int:
    written = [a.places for a in amounts if a is not None]
    return max(written) if written else default


@dataclass(frozen=True)
class Comparison:
    """An expected figure (a sum of printed figures) against a printed one.

    The tolerance and the places are worked out when first asked for: most sums agree, and
    then nothing reads them.
    """

    expected: Decimal
    actual: Decimal
    actual_blank: bool
    present: tuple[Amount, ...]  # the printed figures involved
    unit: Unit

    @cached_property
    def tolerance(self) -> Decimal:
        return rounding_tolerance(list(self.present), self.unit)

    @cached_property
    def places(self) -> int:
        return places_of(self.present)

    @property
    def difference(self) -> Decimal:
        return self.actual - self.expected

    @property
    def agrees(self) -> bool:
        return self.difference == 0 and not (self.actual_blank and self.expected != 0)

    @property
    def within_rounding(self) -> bool:
        """Strictly inside the rounding bound: each printed figure is off by less than half a step
        (四舍五入 rounds x.xx5 up), so equal quantities never print further apart than that."""
        return abs(self.difference) < self.tolerance and not (self.actual_blank and self.expected != 0)

    def evidence(self, unit: Unit) -> Evidence:
        u = unit.value
        return Evidence(
            expected=f"{fmt(self.expected, self.places)}{u}",
            actual="空白 / blank" if self.actual_blank else f"{fmt(self.actual, self.places)}{u}",
            difference=f"{fmt(self.difference, self.places)}{u}",
            tolerance=f"{fmt(self.tolerance, self.places + 1)}{u}",
        )


def compare(actual: Amount | None, parts: Sequence[Amount | None], unit: Unit) -> Comparison:
    """Σ parts against a printed figure, in ``unit``, tolerance from the precision of all involved."""
    # in_unit and sum(…, Decimal(0)) written out: the same additions in the same order.
    expected = _ZERO
    present = [] if actual is None else [actual]
    for part in parts:
        if part is None:
            expected = expected + _ZERO
        else:
            expected = expected + (part.value if part.unit is unit else part.to(unit))
            present.append(part)
    actual_value = in_unit(actual, unit)
    return Comparison(expected, actual_value, actual is None, tuple(present), unit)


def judge(
    comparison: Comparison,
    unit: Unit,
    what: str,
    what_en: str,
    *locations: Location,
    hint: str = "",
    severity: Severity = Severity.ERROR,
) -> Finding | None:
    """A finding when the comparison fails: ``severity`` beyond rounding, info within it."""
    if comparison.agrees:
        return None
    evidence = comparison.evidence(unit)
    if comparison.within_rounding:
        return issue(
            Severity.INFO,
            f"{what}：相差{evidence.difference}，在四舍五入误差之内",
            f"{what_en}: differs by {evidence.difference}, within rounding",
            *locations,
            evidence=evidence,
        )
    if comparison.actual_blank:
        message = f"{what}：应为{evidence.expected}，表中为空白"
        message_en = f"{what_en}: expected {evidence.expected}, the cell is blank"
    else:
        message = f"{what}：应为{evidence.expected}，实为{evidence.actual}，相差{evidence.difference}"
        message_en = (
            f"{what_en}: expected {evidence.expected}, printed {evidence.actual}, "
            f"difference {evidence.difference}"
        )
    return issue(severity, message, message_en, *locations, evidence=evidence, hint=hint)


def judge_lines(
    table: Table,
    head: Row,
    parts: Sequence[Row],
    column: str,
    what: str,
    what_en: str,
    hint: str = "",
) -> Finding | None:
    """A line's cell in ``column`` against the sum of other lines' cells, located in all of them."""
    at = amount_at(table, column)
    comparison = compare(at(head), [at(p) for p in parts], table.unit)
    if comparison.agrees:
        return None  # judge's answer too; the locations are built only for a finding
    return judge(
        comparison,
        table.unit,
        what,
        what_en,
        cell_location(table, head, column),
        *(cell_location(table, p, column) for p in parts),
        hint=hint,
    )


def amount_at(table: Table, column: str) -> Callable[[Row], Amount | None]:
    """``row.amount(table, column)`` for any row of ``table``, the column looked up once."""
    index = table.column_index(column)
    if index is None:
        return lambda row: None

    def at(row: Row) -> Amount | None:
        cells = row.cells
        return cells[index].amount if index < len(cells) else None

    return at


def role_row(table: Table, role: str, side: str | None = None) -> Row | None:
    """The row tagged with ``role`` (data/roles.yaml), a line without a code first; or None."""
    rows = [r for r in table.iter_rows(side) if r.role == role]
    return next((r for r in rows if not r.code), rows[0] if rows else None)


def total_row(table: Table, side: str | None = None) -> Row | None:
    """The total line of a table: the line without a code whose role is ``total``."""
    return next((r for r in table.iter_rows(side) if r.role == "total" and not r.code), None)


def coded_rows(table: Table) -> list[Row]:
    return [row for row in table.rows if row.code and row.code.isdigit()]


def is_numbered(name: str) -> bool:
    """Side-by-side item rows are numbered: 一、一般公共预算 …"""
    return bool(_NUMBERED.match(name.strip()))


def strip_number(name: str) -> str:
    return _NUMBERED.sub("", name.strip())


def find_row(table: Table, name: str, side: str | None = None) -> Row | None:
    """A row by its name as printed, ignoring spaces and the 一、 numbering."""
    wanted = name.replace(" ", "")
    for row in table.iter_rows(side):
        if strip_number(row.name).replace(" ", "") == wanted or row.name.replace(" ", "") == wanted:
            return row
    return None


def value_columns(table: Table, side: str | None = None) -> list[str]:
    return [c.key for c in table.columns if side is None or c.side == side]


def layout(profile: Profile | None, table: Table) -> str:
    """The table's layout from the profile, or guessed from its rows."""
    spec = profile.table(table.id) if profile is not None else None
    if spec is not None:
        return spec.layout
    if any(row.side for row in table.rows):
        return "side_by_side_coded" if coded_rows(table) else "side_by_side"
    return "coded" if coded_rows(table) else "named"


def code_lengths(rows: list[Row]) -> list[int]:
    """The code lengths ``rows`` have, shortest first (3, 5, 7)."""
    return sorted({len(r.code or "") for r in rows})


def children_of(rows: list[Row], code: str, lengths: list[int] | None = None) -> list[Row]:
    """The rows one level below ``code`` (款 under 类, 项 under 款) among ``rows``.

    ``lengths``: ``code_lengths(rows)``, when the caller asks for many codes of the same rows.
    """
    if lengths is None:
        lengths = code_lengths(rows)
    deeper = [n for n in lengths if n > len(code)]
    if not deeper:
        return []
    return [r for r in rows if r.code and len(r.code) == deeper[0] and r.code.startswith(code)]


def children_by_code(rows: list[Row], lengths: list[int] | None = None) -> dict[str, list[Row]]:
    """``children_of(rows, code, lengths)`` of every code of ``rows`` at once (codes without
    children left out), in one pass over the rows instead of one per code."""
    if lengths is None:
        lengths = code_lengths(rows)
    above = dict(zip(lengths[1:], lengths, strict=False))  # a code length -> its parents' length
    children: dict[str, list[Row]] = {}
    for row in rows:
        code = row.code
        if code and (parent := above.get(len(code))) is not None:
            children.setdefault(code[:parent], []).append(row)
    return children
