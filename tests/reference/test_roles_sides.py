"""A wording printed on both sides of a side-by-side table takes the role of the row's side."""

from __future__ import annotations

from yusuan.reference.roles import role_of


def test_the_role_of_the_rows_side_wins() -> None:
    wordings = {"total": ("总计",), "income_total": ("总计",), "expenditure_total": ("总计",)}
    assert role_of("总计", wordings, side="income") == "income_total"
    assert role_of("总 计", wordings, side="expenditure") == "expenditure_total"
    assert role_of("总计", wordings) == "total"  # no side: the first declared
    assert role_of("合计", {"total": ("合计",)}, side="income") == "total"
