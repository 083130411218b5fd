"""The checker on the whole Disclosures read from the Shanghai corpus PDFs.

Each corpus PDF's findings above info are exactly its genuine problems (confirmed on the
page images); the known 1元 discrepancies are reported where they are printed; the Shanghai
narrative data (data/templates/shanghai*/narrative.yaml) binds the 说明's figures to the tables, so a
planted slip in the text or in a table is found.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from yusuan.api import check_disclosure
from yusuan.check.engine import Report
from yusuan.model import Amount, Disclosure, Severity
from yusuan.read import read_document
from yusuan.reference.narrative import load_narrative

CORPUS = {p.stem: p for p in sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.pdf"))}
MOF = "shanghai-mof-bureau-2025-unit-budget"
PUTUO = "shanghai-putuo-finance-bureau-2025-dept-budget"
WANLI = "shanghai-putuo-wanli-subdistrict-2025-dept-budget"

# (rule, severity, table or section, page) of every finding above info, judged on the page images.
GENUINE = {
    # Empty 政府性基金 / 国有资本经营 tables printed without any note (pp. 15, 16).
    MOF: [
        ("C104", "warning", "fund_expenditure", 15),
        ("C104", "warning", "capital_budget", 16),
    ],
    # The 国有资本经营 table's note says "无政府性基金预算" (copied from the table before, p. 18);
    # the 说明 says 职业年金缴费支出 887.36万元 where the table holds 873,617元 (pp. 7 and 8, p. 15).
    # Page 8 reprints page 7 (the whole 编制说明) word for word.
    PUTUO: [
        ("C104", "warning", "capital_budget", 18),
        ("N101", "error", "budget_explanation", 7),
        ("D111", "warning", "budget_explanation", 7),
    ],
    # Item 21 of the 说明 names "卫生健康支出（款）计划生育事务（项）": 计划生育事务 is the 款 21007
    # (its 项 is 2100717 计划生育服务, p. 22); the amount 20.00万元 is right.
    WANLI: [("N107", "warning", "budget_explanation", 6)],
}


@cache
def _disclosure(stem: str) -> Disclosure:
    return read_document(CORPUS[stem])


def _report(disclosure: Disclosure) -> Report:
    return check_disclosure(disclosure)


def _serious(report: Report) -> list[tuple[str, str, str | None, int | None]]:
    return sorted(
        (f.rule, f.severity.value, f.location.table or f.location.section, f.location.page)
        for f in report.findings
        if f.severity is not Severity.INFO
    )


@pytest.mark.parametrize("stem", list(GENUINE))
def test_findings_are_the_document_s_genuine_problems(stem: str) -> None:
    report = _report(_disclosure(stem))
    assert _serious(report) == sorted(GENUINE[stem])
    assert not [n for n in report.not_evaluated if "rule raised" in n.reason]


def _at_code(report: Report, code: str) -> set[tuple[str, str | None, str, str]]:
    """(rule, table, expected, actual) at each place of a finding: one finding may list several
    tables where the same figures differ the same way."""
    return {
        (f.rule, place.table, f.evidence.expected, f.evidence.actual)
        for f in report.findings
        for place in f.locations
        if (place.row or "").split(" ")[0] == code
    }


def test_the_known_one_yuan_discrepancies_are_reported_where_printed() -> None:
    mof = _at_code(_report(_disclosure(MOF)), "302")
    assert ("A105", "general_basic_economic", "24840778元", "24840779元") in mof
    wanli = _at_code(_report(_disclosure(WANLI)), "21201")
    for table in ("income", "expenditure", "general_expenditure"):
        assert ("A101", table, "94995789元", "94995790元") in wanli


@pytest.mark.parametrize("stem", list(GENUINE))
def test_narrative_rules_are_evaluated_with_the_shanghai_patterns(stem: str) -> None:
    report = _report(_disclosure(stem))
    assert not [n for n in report.not_evaluated if "句式数据" in n.reason]  # narrative data found
    assert "N101" in report.rules_run


def _with_section_text(disclosure: Disclosure, section_id: str, old: str, new: str) -> Disclosure:
    planted = copy.deepcopy(disclosure)
    section = planted.section(section_id)
    assert section is not None and old in section.text
    section.text = section.text.replace(old, new)
    return planted


def test_a_narrative_figure_that_differs_from_the_table_is_an_error() -> None:
    planted = _with_section_text(_disclosure(MOF), "admin_running", "2,517.78万元", "2,571.78万元")
    errors = [f for f in _report(planted).findings if f.severity is Severity.ERROR]
    assert [(f.rule, f.location.section) for f in errors] == [("N101", "admin_running")]
    assert errors[0].locations[1].table == "three_public"


def test_a_three_public_cell_that_differs_from_the_narrative_is_an_error() -> None:
    planted = copy.deepcopy(_disclosure(WANLI))
    table = planted.tables["three_public"]
    row = table.rows[0]
    index = table.column_index("vehicle_purchase")
    assert index is not None
    row.cells[index] = replace(row.cells[index], text="16", amount=Amount.parse("16", table.unit))
    errors = {(f.rule, f.location.section) for f in _report(planted).findings if f.severity is Severity.ERROR}
    assert ("N101", "three_public") in errors


def test_the_887_36_slip_of_the_putuo_narrative_is_found_at_its_line() -> None:
    report = _report(_disclosure(PUTUO))
    (slip,) = [f for f in report.findings if f.rule == "N101" and f.severity is Severity.ERROR]
    assert "887.36" in slip.message
    assert (slip.evidence.expected, slip.evidence.actual) == ("87.36万元", "887.36万元")
    assert [loc.row for loc in slip.locations if loc.table] == ["2080506 机关事业单位职业年金缴费支出"]


def test_item_sentences_are_tied_to_their_lines() -> None:
    """Every 类/款/项 item sentence of the Shanghai 说明 is bound to a line; what stays unbound is
    what no table holds (the project pages' amounts, quarterly plans)."""
    for stem in GENUINE:
        report = _report(_disclosure(stem))
        unbound = [n.reason for n in report.not_evaluated if n.rule == "N101"]
        assert not [r for r in unbound if "budget_explanation" in r or "three_public" in r], unbound


def test_yusuan_check_exits_by_the_errors_of_each_corpus_pdf() -> None:
    for stem, path in CORPUS.items():
        result = subprocess.run(
            [sys.executable, "-m", "yusuan.cli", "check", str(path)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        errors = sum(1 for _, severity, _, _ in GENUINE[stem] if severity == "error")
        assert result.returncode == (1 if errors else 0), result.stdout + result.stderr
        assert f"{errors} 个错误 errors" in result.stdout


@pytest.mark.parametrize("unit_id", ["shanghai", "shanghai_final"])
def test_the_department_version_reads_its_narrative_as_the_unit_version(unit_id: str) -> None:
    unit, department = load_narrative(unit_id), load_narrative(f"{unit_id}_department")
    assert replace(department, profile=unit_id) == unit
