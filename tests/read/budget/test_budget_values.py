"""Money read exactly from what a workbook cell or a YAML scalar holds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.model import Unit
from yusuan.read.budget import layout as L
from yusuan.read.budget.values import Entry, Problems, code, money

AMOUNT = L.ITEMS.field("amount")


@pytest.mark.parametrize(
    ("value", "unit", "yuan"),
    [
        (75.384, Unit.WAN, "753840.00"),  # a float from openpyxl: its shortest repr is what was typed
        (0.1 + 0.2, Unit.WAN, None),  # 0.30000000000000004: 17 places, refused rather than rounded
        (146.9, Unit.WAN, "1469000.00"),
        (0.000001, Unit.WAN, "0.01"),  # one fen in 万元
        (1200000, Unit.YUAN, "1200000.00"),
        ("1, 200, 000", Unit.YUAN, "1200000.00"),
        ("120万元", Unit.YUAN, "1200000.00"),  # a unit written in the cell wins
        ("3.92万", Unit.YUAN, "39200.00"),
        (Decimal("10.50"), Unit.YUAN, "10.50"),
        ("10.505", Unit.YUAN, None),
        (True, Unit.YUAN, None),
        (float("nan"), Unit.YUAN, None),
        ("1e3", Unit.YUAN, None),
    ],
)
def test_money(value: object, unit: Unit, yuan: str | None) -> None:
    problems = Problems()
    result = money(Entry(value, "表!A1"), unit, AMOUNT, problems)
    if yuan is None:
        assert result is None and len(problems.messages) == 1 and problems.messages[0].startswith("表!A1: ")
    else:
        assert result == Decimal(yuan) and not problems.messages


def test_blank_money_is_none_and_required_is_said() -> None:
    problems = Problems()
    assert money(Entry("  ", "表!G2"), Unit.YUAN, AMOUNT, problems) is None
    assert problems.messages == ["表!G2: 缺少金额 / amount is required"]


def test_codes_from_numbers_and_text() -> None:
    problems = Problems()
    spec = L.ITEMS.field("functional")
    assert code(Entry(2010350, "a"), (7,), spec, problems) == "2010350"
    assert code(Entry(2010350.0, "b"), (7,), spec, problems) == "2010350"
    assert code(Entry("２０１０３５０", "c"), (7,), spec, problems) == ""  # full-width digits are not a code
    assert problems.messages[0].startswith("c: 功能科目编码 ２０１０３５０ 不是7位数字")


def test_a_dash_in_an_optional_amount_means_no_value() -> None:
    problems = Problems()
    optional = L.PROJECTS.field("period_total")
    assert money(Entry("—", "项目!G2"), Unit.WAN, optional, problems) is None
    assert money(Entry("—", "预算明细!G2"), Unit.WAN, AMOUNT, problems) is None
    assert problems.messages == ["预算明细!G2: 缺少金额 / amount is required"]
