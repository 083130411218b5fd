"""The rows the final_accounts rules compare, found by their role (never by their printed name)."""

from __future__ import annotations

from yusuan.check.context import CannotEvaluate
from yusuan.model import Amount, Row, Table

GRAND_TOTAL = ("income_total", "expenditure_total", "total")  # 总计 on either side


def role_row(table: Table, *roles: str, side: str | None = None) -> Row | None:
    """The first row of ``table`` (on ``side``) tagged with one of ``roles``."""
    return next((row for row in table.iter_rows(side) if row.role in roles), None)


def need_row(table: Table, *roles: str, side: str | None = None) -> Row:
    row = role_row(table, *roles, side=side)
    if row is None:
        where = f"{side} " if side else ""
        raise CannotEvaluate(
            f"表 {table.id} 没有 {where}{'/'.join(roles)} 行 / table {table.id} has no such row"
        )
    return row


def negated(amount: Amount | None) -> Amount | None:
    """``-amount`` (for a sum with a subtracted figure), keeping its unit and precision."""
    return None if amount is None else Amount(-amount.value, amount.unit, amount.places)
