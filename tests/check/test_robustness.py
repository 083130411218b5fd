"""No rule crashes, whatever part of the document is missing: it reports, or says it could not."""

from __future__ import annotations

import copy

import pytest

from yusuan import api
from yusuan.model import Disclosure, DocumentFacts, Kind, Scope, Unit

TABLES = [
    "overview", "income", "expenditure", "fiscal_overview", "general_expenditure", "general_basic_economic",
    "fund_income", "fund_expenditure", "capital_budget", "three_public", "admin_running", "projects",
    "projects_carryover",
]  # fmt: skip


def _crashed(disclosure: Disclosure) -> list[str]:
    report = api.check_disclosure(disclosure)
    return [f"{n.rule}: {n.reason}" for n in report.not_evaluated if "rule raised" in n.reason]


@pytest.mark.parametrize("table", TABLES)
def test_table_missing(read_seed: Disclosure, table: str) -> None:
    d = copy.deepcopy(read_seed)
    del d.tables[table]
    assert not _crashed(d)


def test_everything_but_facts_missing() -> None:
    facts = DocumentFacts("某单位", None, Kind.BUDGET, Scope.UNIT, "shanxi", Unit.WAN)
    d = Disclosure(facts)
    assert not _crashed(d)
    report = api.check_disclosure(d)
    assert {n.rule for n in report.not_evaluated} >= {"D102", "D104", "P101", "S103"}
    assert report.has_errors  # 13 tables and 14 sections missing


def test_rows_emptied(read_seed: Disclosure) -> None:
    d = copy.deepcopy(read_seed)
    for table in d.tables.values():
        table.rows = []
    d.sections = [s for s in d.sections if s.id != "performance"]
    d.performance_targets = []
    d.procurement = None
    d.assets = None
    assert not _crashed(d)
