"""Every rule's cases (cases.yaml): one planted defect each, expected at its place."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from check_mutations import mutate

from yusuan import api
from yusuan.check.engine import all_rules
from yusuan.model import Disclosure, Finding, Location, Severity
from yusuan.read import read_document

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8")
)
# A case runs on the seed (Shanxi, read and built) unless it names a document of another
# template: a PDF of tests/corpus by its stem.
SEED_CASES = [c for c in CASES if "document" not in c]
DOCUMENT_CASES = [c for c in CASES if "document" in c]
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@cache
def _document(stem: str) -> Disclosure:
    return read_document(CORPUS / f"{stem}.pdf")


def _at(location: Location, want: dict[str, Any]) -> bool:
    for key in ("table", "column"):
        if key in want and getattr(location, key) != want[key]:
            return False
    for key in ("row", "section"):
        if key in want and (getattr(location, key) is None or str(want[key]) not in getattr(location, key)):
            return False
    return True


def _matches(finding: Finding, want: dict[str, Any]) -> bool:
    if finding.rule != want["rule"]:
        return False
    if "severity" in want and finding.severity is not Severity(want["severity"]):
        return False
    places = [k for k in ("table", "row", "column", "section") if k in want]
    return not places or any(_at(loc, want) for loc in finding.locations)


def test_cases_cover_every_rule() -> None:
    covered = {e["rule"] for case in CASES for e in case["expect"]} | {
        r for c in CASES for r in c.get("absent", [])
    }
    missing = {r.id for r in all_rules()} - covered
    assert not missing, f"rules without a case: {sorted(missing)}"


@pytest.mark.parametrize("case", SEED_CASES, ids=[c["id"] for c in SEED_CASES])
def test_case(case: dict[str, Any], seed: Disclosure) -> None:
    _run_case(case, seed)


@pytest.mark.parametrize("case", DOCUMENT_CASES, ids=[c["id"] for c in DOCUMENT_CASES])
def test_case_on_another_template(case: dict[str, Any]) -> None:
    _run_case(case, _document(case["document"]))


def _run_case(case: dict[str, Any], seed: Disclosure) -> None:
    report = api.check_disclosure(mutate(seed, case["mutate"]), unit_type=case.get("unit_type"))
    for want in case["expect"]:
        found = [f for f in report.findings if _matches(f, want)]
        assert found, f"{case['id']}: no {want}; got " + "; ".join(
            f"{f.rule} {f.severity.value} {f.locations}" for f in report.findings if f.rule == want["rule"]
        )
    for want in case.get("absent_at", []):
        found = [f for f in report.findings if _matches(f, want)]
        assert not found, f"{case['id']}: {want} should not be reported: {found}"
    for rule in case.get("absent", []):
        assert not [f for f in report.findings if f.rule == rule], f"{case['id']}: {rule} should pass"
    if case.get("absent_errors"):
        before = set(api.check_disclosure(seed).findings)
        for rule in case["absent_errors"]:
            new = [
                f
                for f in report.findings
                if f.rule == rule and f.severity is Severity.ERROR and f not in before
            ]
            assert not new, f"{case['id']}: {rule} should report no new error: {new}"
    crashed = [n for n in report.not_evaluated if "rule raised" in n.reason]
    assert not crashed, crashed


def test_clean_seed_passes_every_other_rule(read_seed: Disclosure, built_seed: Disclosure) -> None:
    """The pass case of every rule: on the seed as published, only the known problems are reported
    (tests/check/test_seed_golden.py ties them to the hand review), the same on both seeds."""
    expected = next(c for c in CASES if c["id"] == "seed-as-published")["expect"]
    for seed in (read_seed, built_seed):
        report = api.check_disclosure(seed)
        serious = [f for f in report.findings if f.severity is not Severity.INFO]
        unexpected = [f for f in serious if not any(_matches(f, want) for want in expected)]
        assert not unexpected, [(f.rule, f.message) for f in unexpected]
