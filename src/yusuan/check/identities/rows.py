"""Tables and rows an identity names: by role, by the carry-over of a side, or not of this template."""

from __future__ import annotations

from yusuan.check.context import Context, not_evaluated
from yusuan.check.figures import is_numbered, layout, role_row
from yusuan.model import NotEvaluated, Row, Table
from yusuan.reference.identities import Identity, Term
from yusuan.reference.roles import table_roles

# The carry-over lines that close the current-year lines of a side (预算: 上年结转 / 年终结转;
# 决算: 年初 / 年末结转和结余).
CARRYOVER = {
    "income": ("income_carryover", "opening_balance"),
    "expenditure": ("expenditure_carryover", "closing_balance"),
}
CODED = ("coded", "side_by_side_coded")


class Skip(Exception):
    """The identity is not of this template: nothing to report."""


def tables_for(ctx: Context, identity: Identity) -> list[Table]:
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
        and not any(role_known(ctx, t, role) for role in identity.without)
    ]


def role_known(ctx: Context, table: Table, role: str) -> bool:
    """True when the template prints a row of this role in this table (it has wordings for it)."""
    return bool(table_roles(table.id, ctx.profile).get(role))


def side_rows(table: Table, side: str) -> tuple[list[Row], list[Row]]:
    """The numbered lines of a side before its carry-over line, and the carry-over line with the
    numbered lines after it."""
    rows = list(table.iter_rows(side))
    start = next((i for i, r in enumerate(rows) if r.role in CARRYOVER[side]), len(rows))
    items = [r for r in rows[:start] if is_numbered(r.name)]
    carried = (
        [rows[start], *(r for r in rows[start + 1 :] if is_numbered(r.name))] if start < len(rows) else []
    )
    return items, carried


def function_rows(table: Table, term: Term, column: str) -> list[Row]:
    function = term.function
    assert function is not None
    name, side = function
    items, carried = side_rows(table, side)
    if name == "items":
        return items
    # the carry-over line, or (when it is only a heading, blank in this column) the lines under it
    if carried and carried[0].amount(table, column) is None:
        return carried[1:]
    return carried[:1]


def missing_row(ctx: Context, table: Table, role: str, identity: Identity) -> NotEvaluated:
    return not_evaluated(
        f"{identity.what}：表 {table.id} 中未找到 {role} 行（行名未识别）/ "
        f"{identity.what_en}: no {role} row found in table {table.id}"
    )


def role_rows(ctx: Context, table: Table, term: Term, identity: Identity) -> Row | NotEvaluated | None:
    """The row of a role term; None when optional and absent; raises Skip when not of the template."""
    assert term.rows is not None
    if not role_known(ctx, table, term.rows):
        if term.optional:
            return None
        raise Skip
    row = role_row(table, term.rows)
    if row is None and not term.optional:
        return missing_row(ctx, table, term.rows, identity)
    return row
