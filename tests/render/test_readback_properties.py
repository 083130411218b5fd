"""Generated budgets -> derive -> render -> yusuan's own readers -> the same tables (hypothesis).

The example budget's round trip is in tests/test_build_readback.py (all four formats); here whole
budgets a finance officer could enter are generated, rendered to HTML, DOCX and XLSX, and read
back with read_document: every cell of every derived table must come back. (The PDF takes about
two seconds a document to render, so it is covered by the example, not by generated budgets.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from budget_strategies import budgets
from hypothesis import HealthCheck, given, settings
from readback import same_cells
from seed_budget import NAMES

from yusuan.derive import derive_disclosure
from yusuan.model.budget import Budget
from yusuan.read import read_document
from yusuan.render.files import render_bytes


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(budget=budgets())
def test_generated_budget_reads_back(tmp_path: Path, fmt: str, budget: Budget) -> None:
    disclosure = derive_disclosure(budget, NAMES)
    path = tmp_path / f"built.{fmt}"
    path.write_bytes(render_bytes(disclosure, fmt))
    got = read_document(path)
    assert list(got.tables) == list(disclosure.tables)
    wrong: list[str] = []
    compared = 0
    for table_id, table in disclosure.tables.items():
        count, differences = same_cells(table, got.tables[table_id])
        compared += count
        wrong += differences
    assert wrong == []
    assert compared == sum(len(r.cells) for t in disclosure.tables.values() for r in t.rows) - sum(
        1
        for t in disclosure.tables.values()
        for r in t.rows
        for c in t.columns
        if c.side and c.side != r.side
    )
