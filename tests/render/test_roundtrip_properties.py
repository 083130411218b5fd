"""Generated budgets (hypothesis) -> derive -> HTML and XLSX -> read back: the same cells."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import seed_budget as seed
from budget_strategies import cents, line_items
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readback import assert_rows_read_back, parse_html_tables, tables_in_order

from yusuan.derive import derive_disclosure
from yusuan.model.budget import Budget, UnitType
from yusuan.render.files import render_bytes

budgets = st.builds(
    lambda items, kind: Budget(unit="测试单位", year=2026, unit_type=kind, items=items),
    st.lists(
        line_items(amounts=cents(900_000_000_00), projects=["项目甲", "项目乙"], carryover=st.booleans()),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(UnitType),
)


def _xlsx_text(value: object, number_format: str) -> str:
    if isinstance(value, (int, float)):
        places = len(number_format.split(".")[1]) if "." in number_format else 0
        return f"{Decimal(repr(value)):.{places}f}"
    return "" if value is None else str(value)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets)
def test_html_and_xlsx_read_back_the_same_cells(budget: Budget) -> None:
    disclosure = derive_disclosure(budget, seed.NAMES)
    tables = tables_in_order(disclosure)
    parsed = parse_html_tables(render_bytes(disclosure, "html").decode("utf-8"))
    book = openpyxl.load_workbook(io.BytesIO(render_bytes(disclosure, "xlsx")))
    named = [t for t in parsed.tables if t["labelled_by"]]  # the 目录 is a table that names none
    for table, found in zip(tables, named, strict=False):
        assert_rows_read_back(table, found["body"])  # type: ignore[arg-type]
        sheet = book[table.number or ""]
        matrix = [[_xlsx_text(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
        assert_rows_read_back(table, matrix)
