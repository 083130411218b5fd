"""From exact sums in 元 to printed cells: rounded 四舍五入 in the table's unit, zero left blank."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from yusuan.model import Amount, Cell, CellStatus, Unit
from yusuan.model.budget import LineItem

PLACES = 2  # the disclosure tables print amounts to 0.01 of their unit

ItemFilter = Callable[[LineItem], bool]


def total_yuan(items: Iterable[LineItem], keep: ItemFilter | None = None) -> Decimal:
    return sum((i.amount_yuan for i in items if keep is None or keep(i)), Decimal(0))


def amount(yuan: Decimal, unit: Unit) -> Amount:
    """The amount in ``unit``, rounded to the printed places (the exact yuan are divided first)."""
    return Amount.of(yuan / unit.factor, unit, PLACES)


def money_cell(yuan: Decimal, unit: Unit) -> Cell:
    """A printed amount; a zero prints as a blank cell, as the templates do."""
    if yuan == 0:
        return blank()
    value = amount(yuan, unit)
    return Cell(text=value.normalised(), amount=value, status=CellStatus.VALUE)


def blank() -> Cell:
    return Cell(text="", amount=None, status=CellStatus.BLANK)


def cells_for(
    items: list[LineItem], columns: list[tuple[str, ItemFilter | None]], keys: list[str], unit: Unit
) -> list[Cell]:
    """One cell per table column key; keys without a filter (other side) are blank."""
    filters = dict(columns)
    out: list[Cell] = []
    for key in keys:
        if key in filters:
            keep = filters[key]
            out.append(money_cell(total_yuan(items, keep), unit))
        else:
            out.append(blank())
    return out
