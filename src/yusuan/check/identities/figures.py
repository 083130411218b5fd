"""The ``figures`` form: cells of named tables agree; ``[code]`` / ``[class]`` line by line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from yusuan.check.context import Context, not_evaluated
from yusuan.check.figures import (
    cell_location,
    coded_rows,
    compare,
    is_numbered,
    judge,
    layout,
    strip_number,
)
from yusuan.check.identities.rows import Skip, role_known, role_rows, side_rows
from yusuan.model import Amount, Finding, NotEvaluated, Row, Table
from yusuan.reference.identities import Identity, Term

Outcome = Finding | NotEvaluated
RECORD = "record"  # the layout of a table printed as one line of columns (预算数)


@dataclass(frozen=True)
class _Cell:
    """A cell an identity names: table, row and column."""

    table: Table
    row: Row
    column: str
    matched: bool = False  # a line matched by code or name, not chosen by its role

    @property
    def amount(self) -> Amount | None:
        return self.row.amount(self.table, self.column)

    @property
    def label(self) -> str:
        return f"{self.table.id} {self.row.code or self.row.name}"


def _table_of(ctx: Context, term: Term, identity: Identity) -> Table | NotEvaluated | None:
    """The term's table; None when optional and absent; Skip when not of the template."""
    assert term.table is not None and term.column is not None
    table = ctx.disclosure.table(term.table)
    if table is None:
        if term.optional:
            return None
        if not ctx.in_template(term.table):
            raise Skip
        return not_evaluated(
            f"{identity.what}：未读到表 {term.table} / {identity.what_en}: table {term.table} not found"
        )
    if table.column_index(term.column) is None:
        if term.optional:
            return None
        raise Skip  # the template's table has no such column
    return table


def evaluate_figures(ctx: Context, identity: Identity) -> Iterator[Outcome]:
    terms = [identity.head, *identity.parts]
    tables: list[Table | None] = []
    for term in terms:
        table = _table_of(ctx, term, identity)
        if isinstance(table, NotEvaluated):
            yield table
            return
        tables.append(table)
    if identity.unless is not None and _not_zero(ctx, identity.unless):
        return
    head_table = tables[0]
    if head_table is not None and any(role_known(ctx, head_table, r) for r in identity.without):
        return
    if identity.head.rows in ("code", "class"):
        head_table, part_table = tables[0], tables[1]
        assert head_table is not None and part_table is not None
        if RECORD in (layout(ctx.profile, head_table), layout(ctx.profile, part_table)):
            return  # a table printed as one record (Jiangsu's 支出预算总表) has no lines to match
        yield from _matched(identity, head_table, part_table)
        return
    cells: list[_Cell | None] = []
    for term, table in zip(terms, tables, strict=True):
        if table is None:
            cells.append(None)
            continue
        row = role_rows(ctx, table, term, identity)
        if isinstance(row, NotEvaluated):
            yield row
            return
        assert term.column is not None
        cells.append(_Cell(table, row, term.column) if row is not None else None)
    head, parts = cells[0], [c for c in cells[1:] if c is not None]
    if head is None or not parts:
        return
    found = _compare(identity, [head], parts)
    if found:
        yield found


def _not_zero(ctx: Context, term: Term) -> bool:
    """True when a cell of the term's rows holds a figure other than zero."""
    assert term.table is not None and term.column is not None
    table = ctx.disclosure.table(term.table)
    if table is None or term.function is None:
        return False
    _, side = term.function
    _, carried = side_rows(table, side)
    return any(c.amount is not None and c.amount.value != 0 for row in carried for c in row.cells)


def _compare(identity: Identity, left: list[_Cell], right: list[_Cell]) -> Finding | None:
    cells = left + right
    totals = [c for c in cells if not c.matched and "total" in (c.row.role or "")]
    if any(c.amount is None for c in totals) and any(c.amount is not None for c in cells):
        return None  # a blank total: A101/A103 report it
    unit = left[0].table.unit
    result = (
        compare(left[0].amount, [c.amount for c in right], unit)
        if len(left) == 1
        else compare(right[0].amount, [c.amount for c in left], unit)
    )
    if result.agrees:
        return None  # no finding: names and locations are built only for one
    names = f"{'+'.join(c.label for c in left)} = {'+'.join(c.label for c in right)}"
    return judge(
        result,
        unit,
        f"{identity.what}：{names}",
        f"{identity.what_en}: {names}",
        *(cell_location(c.table, c.row, c.column) for c in cells),
        hint="核对两张表中的这一数字 / check this figure in both tables",
    )


def _classes(table: Table) -> dict[str, Row]:
    """The 类 lines by name: numbered lines of a side-by-side table's expenditure, or 3-digit codes."""
    if any(r.side for r in table.rows):
        return {
            strip_number(r.name).replace(" ", ""): r
            for r in table.iter_rows("expenditure")
            if is_numbered(r.name)
        }
    return {r.name.replace(" ", ""): r for r in coded_rows(table) if r.code and len(r.code) == 3}


def _matched(identity: Identity, a: Table, b: Table) -> Iterator[Finding]:
    """Line by line: rows matched by code (or 类 lines by name); a line in one table only is
    compared with nothing (a blank) in the other."""
    a_col, b_col = identity.head.column, identity.parts[0].column
    assert a_col is not None and b_col is not None
    if identity.head.rows == "code":
        a_rows = {r.code or "": r for r in coded_rows(a)}
        b_rows = {r.code or "": r for r in coded_rows(b)}
    else:
        a_rows, b_rows = _classes(a), _classes(b)
    for key in sorted(set(a_rows) | set(b_rows), key=str) if identity.head.rows == "code" else a_rows:
        ra, rb = a_rows.get(key), b_rows.get(key)
        if ra is not None and rb is not None:
            found = _compare(identity, [_Cell(a, ra, a_col, True)], [_Cell(b, rb, b_col, True)])
        elif ra is not None and ra.amount(a, a_col) is not None:
            absent = Row(ra.name, [], code=ra.code)
            found = _compare(identity, [_Cell(a, ra, a_col, True)], [_Cell(b, absent, b_col, True)])
        elif rb is not None and rb.amount(b, b_col) is not None:
            absent = Row(rb.name, [], code=rb.code)
            found = _compare(identity, [_Cell(b, rb, b_col, True)], [_Cell(a, absent, a_col, True)])
        else:
            continue
        if found:
            yield found
