from decimal import Decimal

from yusuan.model import CellStatus, ReadProblemKind, Source, Unit
from yusuan.read.assemble.cells import is_amount, make_cell

HERE = Source("f.txt", line=3)


def test_value() -> None:
    cell, problem = make_cell(" 341. 11 ", Unit.WAN, HERE, "table x")
    assert problem is None
    assert cell.status is CellStatus.VALUE and cell.text == "341. 11"
    assert cell.amount is not None and cell.amount.value == Decimal("341.11") and cell.amount.unit is Unit.WAN
    assert cell.source == HERE


def test_blank_and_dash() -> None:
    for text in ("", "—", "-"):
        cell, problem = make_cell(text, Unit.WAN, HERE, "table x")
        assert (cell.status, cell.amount, problem) == (CellStatus.BLANK, None, None)


def test_unreadable_kept_as_printed_and_reported() -> None:
    cell, problem = make_cell("1Å.2", Unit.WAN, HERE, "table income row 201 column total")
    assert cell.status is CellStatus.UNREADABLE and cell.text == "1Å.2" and cell.amount is None
    assert problem is not None
    assert problem.kind is ReadProblemKind.UNREADABLE
    assert problem.what == "table income row 201 column total"
    assert problem.text == "1Å.2" and problem.source == HERE


def test_is_amount() -> None:
    assert is_amount("0.83") and is_amount("1, 200")
    assert not is_amount("") and not is_amount("2025年") and not is_amount("—")
