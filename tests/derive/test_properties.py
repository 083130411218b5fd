"""Properties of derive over generated budgets (hypothesis): sums, roll-ups and balances hold."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budget_strategies import cents, line_items
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_budget import NAMES

from yusuan.derive import derive_disclosure
from yusuan.model import Table
from yusuan.model.budget import Budget, Funding, Nature, UnitType

budgets = st.builds(
    lambda items, unit_type: Budget(unit="测试单位", year=2025, unit_type=unit_type, items=items),
    st.lists(
        line_items(
            amounts=cents(5_000_000_00), projects=["项目甲", "项目乙", "项目丙"], carryover=st.booleans()
        ),
        min_size=1,
        max_size=25,
    ),
    st.sampled_from(UnitType),
)


def wan(yuan: Decimal) -> str:
    """The printed cell for an exact sum in 元: 万元 to 0.01, 四舍五入; zero is blank."""
    if yuan == 0:
        return ""
    return str((yuan / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def cell(table: Table, name: str, key: str, side: str | None = None) -> str:
    row = table.row_by_name(name, side)
    assert row is not None, name
    found = row.cell(table, key)
    assert found is not None
    return found.text


@settings(max_examples=60, deadline=None)
@given(budgets)
def test_every_code_row_is_the_rounded_sum_of_its_items(budget: Budget) -> None:
    table = derive_disclosure(budget, NAMES).tables["expenditure"]
    assert cell(table, "合计", "total") == wan(budget.total_yuan())
    for row in table.rows:
        if row.code is None:
            continue
        under = [i for i in budget.items if i.functional.digits.startswith(row.code)]
        basic = [i for i in under if i.nature is Nature.BASIC]
        assert row.cell(table, "total").text == wan(sum((i.amount_yuan for i in under), Decimal(0)))  # type: ignore[union-attr]
        assert row.cell(table, "basic").text == wan(sum((i.amount_yuan for i in basic), Decimal(0)))  # type: ignore[union-attr]
    codes = [row.code for row in table.rows if row.code]
    assert codes == sorted(codes)
    assert all(c[:3] in codes and (len(c) < 7 or c[:5] in codes) for c in codes)


@settings(max_examples=60, deadline=None)
@given(budgets)
def test_overviews_balance(budget: Budget) -> None:
    disclosure = derive_disclosure(budget, NAMES)
    overview = disclosure.tables["overview"]
    total = wan(budget.total_yuan())
    assert cell(overview, "收入总计", "income_amount", "income") == total
    assert cell(overview, "支出总计", "total", "expenditure") == total
    fiscal = disclosure.tables["fiscal_overview"]
    fiscal_items = [
        i for i in budget.items if i.funding in (Funding.GENERAL, Funding.FUND, Funding.STATE_CAPITAL)
    ]
    fiscal_total = wan(sum((i.amount_yuan for i in fiscal_items), Decimal(0)))
    assert cell(fiscal, "收入总计", "income_amount", "income") == fiscal_total
    assert cell(fiscal, "支出总计", "total", "expenditure") == fiscal_total
    income = disclosure.tables["income"]
    carried = sum((i.amount_yuan for i in budget.items if i.carryover), Decimal(0))
    assert cell(income, "合计", "total") == total  # this year's income and 上年结转
    assert cell(income, "合计", "carryover") == wan(carried)
    for table in disclosure.tables.values():
        assert (table.notes == ["注：本表无数据"]) == table.is_empty
