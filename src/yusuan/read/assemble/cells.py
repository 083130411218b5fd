"""Printed text -> Cell: a figure, a blank, or an unreadable cell kept as printed."""

from __future__ import annotations

from yusuan.model import Amount, AmountError, Cell, CellStatus, ReadProblem, ReadProblemKind, Source, Unit


def is_amount(text: str) -> bool:
    """True when ``text`` is a printed figure (not a blank, not a dash)."""
    try:
        return Amount.parse(text) is not None
    except AmountError:
        return False


def make_cell(text: str, unit: Unit, source: Source, where: str) -> tuple[Cell, ReadProblem | None]:
    """The cell for ``text``; an unreadable figure also yields a ReadProblem naming ``where``."""
    printed = text.strip()
    try:
        amount = Amount.parse(printed, unit)
    except AmountError:
        problem = ReadProblem(ReadProblemKind.UNREADABLE, where, printed, source)
        return Cell(text=printed, status=CellStatus.UNREADABLE, source=source), problem
    status = CellStatus.BLANK if amount is None else CellStatus.VALUE
    return Cell(text=printed, amount=amount, status=status, source=source), None
