"""The seed end to end: read by the text reader, checked, compared with the hand review.

tests/golden/seed/known_problems.yaml (written by hand on branch golden) lists the genuine
problems of the seed. Every problem is found, at its place and with its severity; and every
error or warning the checker reports is one of them (no false errors, no false warnings).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from yusuan import api
from yusuan.check.engine import Report
from yusuan.model import Disclosure, Finding, Location, Severity

KNOWN = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "golden" / "seed" / "known_problems.yaml").read_text(
        encoding="utf-8"
    )
)
# Which rule reports which known problem.
RULES = {
    "KP01": ["A101"],
    "KP02": ["P102", "P103"],
    "KP03": ["P101"],
    "KP04": ["P106"],
    "KP05": ["D106"],
    "KP06": ["C104"],
    "KP07": ["C104"],
    "KP08": ["C104"],
    "KP09": ["D105"],
    "KP10": ["D107"],
    "KP11": ["D107"],
    "KP12": ["G105"],
    "KP13": ["P107"],
    "KP14": ["G104"],
    "KP15": ["G106"],
    "KP16": ["A101"],
    "KP17": ["D106"],
    "KP18": ["D108"],
    "KP19": ["R101"],
    "KP20": ["R101"],
    "KP21": ["G102"],
    "KP22": ["S104"],
}
# Known problems the checker does not find, and why.
NOT_FOUND: dict[str, str] = {}


@pytest.fixture(scope="module")
def report(read_seed: Disclosure) -> Report:
    return api.check_disclosure(read_seed)


def _at(disclosure: Disclosure, found: Location, known: dict[str, Any]) -> bool:
    if "table" in known:
        if found.table != known["table"]:
            return False
        row = known.get("row")  # a finding about the whole table covers its rows
        return row is None or found.row is None or str(row["name"]) in found.row
    if "section" in known:
        return found.section == known["section"]
    if "performance_sheet" in known:
        project = disclosure.performance_targets[int(known["performance_sheet"]) - 1].project
        return found.section is not None and project in found.section
    if "glossary" in known:
        return found.section == "名词解释"
    if "attachment" in known:
        return found.section is not None and found.section.startswith("附件")
    return False


def _explains(disclosure: Disclosure, finding: Finding, problem: dict[str, Any]) -> bool:
    return finding.rule in RULES.get(problem["id"], []) and any(
        _at(disclosure, loc, known) for loc in finding.locations for known in problem["locations"]
    )


@pytest.mark.parametrize("problem", KNOWN["problems"], ids=[p["id"] for p in KNOWN["problems"]])
def test_known_problem_found(problem: dict[str, Any], report: Report, read_seed: Disclosure) -> None:
    if problem["id"] in NOT_FOUND:
        pytest.xfail(NOT_FOUND[problem["id"]])
    found = [f for f in report.findings if _explains(read_seed, f, problem)]
    assert found, f"{problem['id']} {problem['title']}: not reported"
    assert {f.severity for f in found} == {Severity(problem["severity"])}, [
        (f.rule, f.severity.value) for f in found
    ]


def test_no_false_errors_or_warnings(report: Report, read_seed: Disclosure) -> None:
    serious = [f for f in report.findings if f.severity is not Severity.INFO]
    unexplained = [f for f in serious if not any(_explains(read_seed, f, p) for p in KNOWN["problems"])]
    assert not unexplained, [(f.rule, f.message) for f in unexplained]
    assert report.count(Severity.ERROR) == 6  # KP01, KP02 (twice: P102, P103), KP03, KP04 (twice)


def test_no_rule_crashed(report: Report) -> None:
    assert not [n for n in report.not_evaluated if "rule raised" in n.reason]
