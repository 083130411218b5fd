"""Splitting and search cases as data (tests/procurement/more_cases/): issue 14, each with its clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from yusuan.procurement import ProcurementInputError, check_splitting, search_items
from yusuan.read.rows import read_rows

CASES = Path(__file__).parent / "more_cases"


def _load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((CASES / name).read_text("utf-8"))["cases"]
    return cases


SPLITTING = _load("splitting.yaml")
SEARCH = _load("search.yaml")


@pytest.mark.parametrize("case", SPLITTING, ids=[c["name"] for c in SPLITTING])
def test_splitting_case(tmp_path: Path, case: dict[str, Any]) -> None:
    assert case["clause"]
    path = tmp_path / "purchases.csv"
    path.write_text(case["csv"], encoding="utf-8")
    if "error" in case:
        with pytest.raises(ProcurementInputError) as raised:
            check_splitting(read_rows(path), str(path), case["region"])
        for fragment in case["error"]:
            assert fragment in str(raised.value)
        return
    report = check_splitting(read_rows(path), str(path), case["region"])
    assert [[loc.line for loc in f.locations] for f in report.findings] == case["findings"]
    for finding in report.findings:
        assert "第二十八条" in finding.message


@pytest.mark.parametrize("case", SEARCH, ids=[c["query"] for c in SEARCH])
def test_search_case(case: dict[str, Any]) -> None:
    result = search_items(case["query"])
    for want in case["expect"]:
        found = [i for i in result["items"] if (i["scheme"], i["code"]) == (want["scheme"], want["code"])]
        assert found, want
        assert found[0]["matched"] == want["matched"]
        assert bool(found[0]["in_catalogue"]) is want["in_catalogue"]
