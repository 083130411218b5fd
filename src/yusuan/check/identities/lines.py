"""The ``lines`` form: within one table, in every column, the head row is the sum of the parts."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import judge_lines, value_columns
from yusuan.check.identities.rows import Skip, function_rows, role_rows, tables_for
from yusuan.model import Finding, NotEvaluated, Row, Table
from yusuan.reference.identities import Identity, Term

Outcome = Finding | NotEvaluated


def evaluate_lines(ctx: Context, identity: Identity) -> Iterator[Outcome]:
    for table in tables_for(ctx, identity):
        try:
            resolved = _resolve(ctx, table, identity)
        except Skip:
            continue  # this table's template does not print one of the rows
        if isinstance(resolved, NotEvaluated):
            yield resolved
            continue
        head, parts = resolved
        for column in value_columns(table, head.side):
            rows: list[Row] = []
            for item in parts:
                rows.extend(function_rows(table, item, column) if isinstance(item, Term) else [item])
            if not rows:
                continue
            found = judge_lines(table, head, rows, column, identity.what, identity.what_en)
            if found:
                yield found


def _resolve(ctx: Context, table: Table, identity: Identity) -> tuple[Row, list[Row | Term]] | NotEvaluated:
    """The head row and the parts (a row, or a function term resolved per column)."""
    head = role_rows(ctx, table, identity.head, identity)
    if head is None:
        raise Skip
    if isinstance(head, NotEvaluated):
        return head
    parts: list[Row | Term] = []
    for term in identity.parts:
        row = term if term.function is not None else role_rows(ctx, table, term, identity)
        if isinstance(row, NotEvaluated):
            return row
        if row is not None:
            parts.append(row)
    return head, parts
