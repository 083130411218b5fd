"""A second region: the tables of the Shanghai corpus PDFs (元, 9 tables, 三公 as one record).

The table rules alone, on the tables the PDF reader lays out: the published tables pass and a
planted defect is found. The whole documents are checked in test_check_corpus_pdf.py.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import pytest

from yusuan.check.context import Context
from yusuan.check.engine import Report, run, select_rules
from yusuan.model import Amount, Cell, CellStatus, Disclosure, DocumentFacts, Kind, Scope, Severity
from yusuan.read.pdf import read_pdf
from yusuan.read.pdf.tables import profile_tables
from yusuan.reference.profiles import load_profile
from yusuan.reference.roles import tag_roles

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.pdf"))
TABLE_RULES = ["A", "X", "K", "S101", "R"]


@cache
def _tables(path: Path) -> Disclosure:
    reading = read_pdf(path)
    assert reading.profile is not None
    profile = load_profile(reading.profile)
    tables, problems = profile_tables(reading.tables, profile, str(path))
    facts = DocumentFacts(path.stem, 2025, Kind.BUDGET, Scope.UNIT, profile.id, profile.currency_unit)
    tag_roles(tables.values(), profile, facts.unit)  # as the reader's assembly does
    return Disclosure(facts, tables, problems=problems, source_file=str(path))


def _check(disclosure: Disclosure) -> Report:
    return run(Context(disclosure), select_rules(TABLE_RULES))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_published_tables_pass(path: Path) -> None:
    disclosure = _tables(path)
    assert {"income", "expenditure", "general_expenditure", "general_basic_economic"} <= set(
        disclosure.tables
    )
    report = _check(disclosure)
    serious = [(f.rule, f.message) for f in report.findings if f.severity is not Severity.INFO]
    assert not serious
    assert not [n for n in report.not_evaluated if "rule raised" in n.reason]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_planted_defect_found(path: Path) -> None:
    disclosure = copy.deepcopy(_tables(path))
    income = disclosure.tables["income"]
    row = next(r for r in income.rows if r.code and len(r.code) == 7)
    index = income.column_index("total")
    assert index is not None
    old = row.cells[index]
    assert old.amount is not None
    changed = Amount(old.amount.value + 100, old.amount.unit, old.amount.places)
    row.cells[index] = Cell(changed.normalised(), changed, CellStatus.VALUE, old.source)
    report = _check(disclosure)
    rules = {
        f.rule
        for f in report.findings
        if f.severity is Severity.ERROR and f.location.row and row.code in f.location.row
    }
    assert {"A102", "X101"} <= rules
    parent = {f.rule for f in report.findings if f.severity is Severity.ERROR and f.rule == "A101"}
    assert parent


def test_three_public_record_adds_up() -> None:
    disclosure = copy.deepcopy(_tables(CORPUS[0]))
    table = disclosure.tables["three_public"]
    index = table.column_index("abroad")
    assert index is not None
    row = table.rows[0]
    row.cells[index] = Cell(
        "1.00", Amount.parse("1.00", table.unit), CellStatus.VALUE, row.cells[index].source
    )
    report = run(Context(disclosure), select_rules(["S101"]))
    assert [f.location.column for f in report.findings if f.severity is Severity.ERROR] == ["合计"]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_overview_without_subtotals_adds_its_lines(path: Path) -> None:
    """Shanghai's 收支总表 prints no 本年合计 and no 结转 lines: 总计 = the numbered lines (A103),
    and 支出总计 = the 支出总表 合计 (X101); nothing is reported as not evaluated for the rows
    the template does not print."""
    disclosure = copy.deepcopy(_tables(path))
    overview = disclosure.tables["overview"]
    row = next(r for r in overview.iter_rows("expenditure") if r.name.startswith("一、"))
    index = overview.column_index("total")
    assert index is not None
    old = row.cells[index]
    assert old.amount is not None
    changed = Amount(old.amount.value + 100, old.amount.unit, old.amount.places)
    row.cells[index] = Cell(changed.normalised(), changed, CellStatus.VALUE, old.source)
    report = _check(disclosure)
    errors = {(f.rule, f.location.table) for f in report.findings if f.severity is Severity.ERROR}
    assert {("A103", "overview"), ("X101", "overview")} <= errors
    assert not [n for n in report.not_evaluated if n.rule in ("A103", "A104", "X101")]
