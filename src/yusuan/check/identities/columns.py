"""The ``columns`` form: within every row of a table, the head column is the sum of the parts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from yusuan.check.context import Context
from yusuan.check.figures import amount_at, cell_location, compare, judge, layout, value_columns
from yusuan.check.identities.rows import CODED, tables_for
from yusuan.model import Amount, Finding, Table
from yusuan.reference.identities import Identity, Term


def evaluate_columns(ctx: Context, identities: list[Identity]) -> Iterator[Finding]:
    for table in ctx.disclosure.tables.values():
        chosen: list[tuple[Identity, str, list[Term]]] = []
        for identity in identities:
            if table not in tables_for(ctx, identity):
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
    coded = layout(ctx.profile, table) in CODED
    labels = _joined(table, terms, label=True)
    what = identity.what if identity.described else f"{table.columns[index].label}不等于{labels}"
    what_en = identity.what_en if identity.described else f"{head} is not {_joined(table, terms)}"
    total_at, part_at = amount_at(table, head), [amount_at(table, k) for k in parts]
    for row in table.iter_rows(side):
        total = total_at(row)
        amounts = [_signed(at(row), t) for at, t in zip(part_at, terms, strict=True)]
        if total is None and (coded or all(a is None for a in amounts)):
            continue  # a blank total in a coded table is A101's
        comparison = compare(total, amounts, table.unit)
        if comparison.agrees:
            continue  # no finding: the locations are built only for one
        found = judge(
            comparison,
            table.unit,
            what,
            what_en,
            cell_location(table, row, head),
            *(cell_location(table, row, k) for k in parts),
        )
        if found:
            yield found
