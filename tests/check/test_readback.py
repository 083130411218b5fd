"""check.readback: a disclosure read back against the one it was written from."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from yusuan import api
from yusuan.check.readback import cell_differences, compare_table, finding_differences
from yusuan.model import Amount

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shuozhou-2025-budget.yaml"


def test_the_same_disclosure_has_no_difference_and_a_changed_cell_is_named() -> None:
    derived = api.derive(EXAMPLE)
    compared, wrong = compare_table(derived.tables["overview"], derived.tables["overview"])
    assert compared > 10 and wrong == []
    other = copy.deepcopy(derived)
    row = next(r for r in other.tables["overview"].rows if r.name == "收入总计")
    cell = row.cells[0]
    assert cell.amount is not None
    row.cells[0] = replace(cell, amount=Amount(cell.amount.value + Decimal(1), cell.amount.unit, 2))
    assert cell_differences(derived, other) == [
        f"overview 收入总计 {derived.tables['overview'].columns[0].key}: {cell.amount.value}"
        f" read as {cell.amount.value + 1}"
    ]
    del other.tables["three_public"]
    assert "three_public: 未读到此表 / table not read" in cell_differences(derived, other)


def test_findings_are_compared_by_rule_and_severity() -> None:
    derived = api.derive(EXAMPLE)
    report = api.check_disclosure(derived)
    assert finding_differences(report, report) == []
    fewer = copy.copy(report)
    fewer.findings = [f for f in report.findings if f.rule != "G105"]
    assert finding_differences(report, fewer) == ["G105 warning: 1 → 0"]
