"""The one interpreter of the identities declared in data/identities/<kind>.yaml.

A rule that checks identities calls ``evaluate(ctx, "<rule id>")``: every identity naming that
rule is evaluated on the disclosure with the precision-based tolerance of :mod:`.figures`.
An identity whose table, row role or column the template does not have does not apply (it is
not of this template); one whose table or row the reader did not find is reported as not
evaluated, naming what is missing. See docs/identities.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from yusuan.check.context import CannotEvaluate, Context, DoesNotApply, not_evaluated
from yusuan.check.figures import (
    cell_location,
    coded_rows,
    compare,
    is_numbered,
    judge,
    judge_lines,
    layout,
    role_row,
    strip_number,
    value_columns,
)
from yusuan.model import Amount, Finding, NotEvaluated, Row, Table
from yusuan.reference.identities import Identity, Term, load_identities
from yusuan.reference.paths import ReferenceError
from yusuan.reference.roles import table_roles

Outcome = Finding | NotEvaluated

# The carry-over lines that close the current-year lines of a side (预算: 上年结转 / 年终结转;
# 决算: 年初 / 年末结转和结余).
_CARRYOVER = {
    "income": ("income_carryover", "opening_balance"),
    "expenditure": ("expenditure_carryover", "closing_balance"),
}
_CODED = ("coded", "side_by_side_coded")


class _Skip(Exception):
    """The identity is not of this template: nothing to report."""


def identities_for(ctx: Context, rule: str) -> list[Identity]:
    kind = ctx.disclosure.facts.kind.value
    try:
        found = [i for i in load_identities(kind) if i.rule == rule]
    except ReferenceError as exc:
        raise CannotEvaluate(str(exc)) from None
    if not found:
        raise DoesNotApply(f"{kind} 的勾稽关系中没有 {rule} / no {rule} identities for {kind}")
    return found


def evaluate(ctx: Context, rule: str) -> Iterator[Outcome]:
    """Every identity of ``rule`` on the context's disclosure."""
    identities = identities_for(ctx, rule)
    yield from _columns(ctx, [i for i in identities if i.form == "columns"])
    for identity in identities:
        try:
            if identity.form == "lines":
                yield from _lines(ctx, identity)
            elif identity.form == "figures":
                yield from _figures(ctx, identity)
        except _Skip:
            continue


# ── tables and rows ──


def _tables(ctx: Context, identity: Identity) -> list[Table]:
    """The tables a columns/lines identity runs on: its table (or every one) of its layout."""
    if identity.table == "*":
        candidates = list(ctx.disclosure.tables.values())
    else:
        table = ctx.disclosure.table(identity.table)
        candidates = [table] if table is not None else []
    return [
        t
        for t in candidates
        if (identity.layout is None or layout(ctx.profile, t) == identity.layout)
        and not any(_role_known(ctx, t, role) for role in identity.without)
    ]


def _role_known(ctx: Context, table: Table, role: str) -> bool:
    """True when the template prints a row of this role in this table (it has wordings for it)."""
    return bool(table_roles(table.id, ctx.profile).get(role))


def _side_rows(table: Table, side: str) -> tuple[list[Row], list[Row]]:
    """The numbered lines of a side before its carry-over line, and the carry-over line with the
    numbered lines after it."""
    rows = list(table.iter_rows(side))
    start = next((i for i, r in enumerate(rows) if r.role in _CARRYOVER[side]), len(rows))
    items = [r for r in rows[:start] if is_numbered(r.name)]
    carried = (
        [rows[start], *(r for r in rows[start + 1 :] if is_numbered(r.name))] if start < len(rows) else []
    )
    return items, carried


def _function_rows(table: Table, term: Term, column: str) -> list[Row]:
    function = term.function
    assert function is not None
    name, side = function
    items, carried = _side_rows(table, side)
    if name == "items":
        return items
    # the carry-over line, or (when it is only a heading, blank in this column) the lines under it
    if carried and carried[0].amount(table, column) is None:
        return carried[1:]
    return carried[:1]


def _missing_row(ctx: Context, table: Table, role: str, identity: Identity) -> NotEvaluated:
    return not_evaluated(
        f"{identity.what}：表 {table.id} 中未找到 {role} 行（行名未识别）/ "
        f"{identity.what_en}: no {role} row found in table {table.id}"
    )


def _role_rows(ctx: Context, table: Table, term: Term, identity: Identity) -> Row | NotEvaluated | None:
    """The row of a role term; None when optional and absent; raises _Skip when not of the template."""
    assert term.rows is not None
    if not _role_known(ctx, table, term.rows):
        if term.optional:
            return None
        raise _Skip
    row = role_row(table, term.rows)
    if row is None and not term.optional:
        return _missing_row(ctx, table, term.rows, identity)
    return row


# ── columns: within every row ──


def _columns(ctx: Context, identities: list[Identity]) -> Iterator[Outcome]:
    for table in ctx.disclosure.tables.values():
        chosen: list[tuple[Identity, str, list[Term]]] = []
        for identity in identities:
            if table not in _tables(ctx, identity):
                continue
            applied = _applied_columns(table, identity)
            if applied is not None:
                chosen.append((identity, *applied))
        for identity, head, parts in chosen:
            if any(h == head and set(parts) < set(p) for _, h, p in chosen):
                continue  # a split inside a larger split of the same table is not an identity of it
            yield from _each_row(ctx, table, identity, head, parts)


def _applied_columns(table: Table, identity: Identity) -> tuple[str, list[Term]] | None:
    head = identity.head.column
    assert head is not None
    index = table.column_index(head)
    if index is None:
        return None
    side = table.columns[index].side
    keys = set(value_columns(table, side))
    parts: list[Term] = []
    for term in identity.parts:
        assert term.column is not None
        if term.column in keys:
            parts.append(replace(term, optional=False))
        elif not term.optional:
            return None
    optional = any(t.optional for t in identity.parts)
    if not parts or (optional and len(parts) < 2):
        return None
    return head, parts


def _joined(table: Table, terms: list[Term], label: bool = False) -> str:
    """``basic+project`` (or the printed labels), with ``-`` before a subtracted column."""
    out = ""
    for n, term in enumerate(terms):
        assert term.column is not None
        index = table.column_index(term.column)
        name = table.columns[index].label if label and index is not None else term.column
        out += ("-" if term.negative else "+" if n else "") + name
    return out


def _signed(amount: Amount | None, term: Term) -> Amount | None:
    if amount is None or not term.negative:
        return amount
    return Amount(-amount.value, amount.unit, amount.places)


def _each_row(
    ctx: Context, table: Table, identity: Identity, head: str, terms: list[Term]
) -> Iterator[Finding]:
    parts = [t.column for t in terms if t.column is not None]
    index = table.column_index(head)
    assert index is not None
    side = table.columns[index].side
    coded = layout(ctx.profile, table) in _CODED
    labels = _joined(table, terms, label=True)
    what = identity.what if identity.described else f"{table.columns[index].label}不等于{labels}"
    what_en = identity.what_en if identity.described else f"{head} is not {_joined(table, terms)}"
    for row in table.iter_rows(side):
        total = row.amount(table, head)
        amounts = [_signed(row.amount(table, k), t) for k, t in zip(parts, terms, strict=True)]
        if total is None and (coded or all(a is None for a in amounts)):
            continue  # a blank total in a coded table is A101's
        found = judge(
            compare(total, amounts, table.unit),
            table.unit,
            what,
            what_en,
            cell_location(table, row, head),
            *(cell_location(table, row, k) for k in parts),
        )
        if found:
            yield found


# ── lines: within one table, in every column ──


def _lines(ctx: Context, identity: Identity) -> Iterator[Outcome]:
    for table in _tables(ctx, identity):
        head = _role_rows(ctx, table, identity.head, identity)
        if isinstance(head, NotEvaluated):
            yield head
            continue
        if head is None:
            continue
        resolved: list[Row | Term] = []  # a row, or a function term resolved per column
        missing: NotEvaluated | None = None
        for term in identity.parts:
            row = term if term.function is not None else _role_rows(ctx, table, term, identity)
            if isinstance(row, NotEvaluated):
                missing = row
                break
            if row is not None:
                resolved.append(row)
        if missing is not None:
            yield missing
            continue
        for column in value_columns(table, head.side):
            rows: list[Row] = []
            for item in resolved:
                rows.extend(_function_rows(table, item, column) if isinstance(item, Term) else [item])
            if not rows:
                continue
            found = judge_lines(table, head, rows, column, identity.what, identity.what_en)
            if found:
                yield found


# ── figures: cells of named tables ──


@dataclass(frozen=True)
class _Cell:
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
    """The term's table; None when optional and absent; _Skip when not of the template."""
    assert term.table is not None and term.column is not None
    table = ctx.disclosure.table(term.table)
    if table is None:
        if term.optional:
            return None
        if not ctx.in_template(term.table):
            raise _Skip
        return not_evaluated(
            f"{identity.what}：未读到表 {term.table} / {identity.what_en}: table {term.table} not found"
        )
    if table.column_index(term.column) is None:
        if term.optional:
            return None
        raise _Skip  # the template's table has no such column
    return table


def _figures(ctx: Context, identity: Identity) -> Iterator[Outcome]:
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
    if head_table is not None and any(_role_known(ctx, head_table, r) for r in identity.without):
        return
    if identity.head.rows in ("code", "class"):
        head_table, part_table = tables[0], tables[1]
        assert head_table is not None and part_table is not None
        yield from _matched(identity, head_table, part_table)
        return
    cells: list[_Cell | None] = []
    for term, table in zip(terms, tables, strict=True):
        if table is None:
            cells.append(None)
            continue
        row = _role_rows(ctx, table, term, identity)
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
    _, carried = _side_rows(table, side)
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
