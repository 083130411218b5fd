"""Cross-year rules on the example built for 2025 and 2026, with planted disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest
from two_years import build_years

from yusuan import api


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_years(tmp_path_factory.mktemp("years"))


def _y(report: api.Report) -> list:
    return [f for f in report.findings if f.rule.startswith("Y")]


def test_agreeing_years_give_no_finding(years: dict[str, Path]) -> None:
    report = api.check(years["2026"], select=["Y"], previous=years["2025"])
    assert report.rules_run == ["Y101", "Y102"]
    assert _y(report) == [] and report.not_evaluated == []


def test_a_planted_last_year_total_is_found_in_both_documents(years: dict[str, Path]) -> None:
    report = api.check(years["2026-bad"], select=["Y101"], previous=years["2025"])
    findings = _y(report)
    assert len(findings) == 2  # 收入总计 and 支出总计 of 情况说明 一 both say "比上年增加2.11万元"
    for finding in findings:
        here, there = finding.locations
        assert here.section == "changes" and "比上年增加2.11万元" in (here.sentence or "")
        assert there.table == "overview" and there.line is not None  # the 2025 document's cell
        assert finding.evidence.expected == "341.11" and finding.evidence.actual == "345.00"
        assert str(years["2025"]) in finding.message


def test_without_a_previous_document_the_family_does_not_run(years: dict[str, Path]) -> None:
    assert not [r for r in api.check(years["2026-bad"]).rules_run if r.startswith("Y")]


def test_a_rename_is_reported(years: dict[str, Path]) -> None:
    findings = _y(api.check(years["2026-renamed"], select=["Y102"], previous=years["2025"]))
    assert [(f.rule, f.severity.value) for f in findings] == [("Y102", "warning")]
    assert "朔州市朔城区政务服务中心" in findings[0].message and "更名" in findings[0].message


def test_a_previous_document_of_the_wrong_year(years: dict[str, Path]) -> None:
    findings = _y(api.check(years["2026"], select=["Y102"], previous=years["2026-bad"]))
    assert [(f.rule, f.severity.value, f.evidence.expected) for f in findings] == [("Y102", "error", "2025")]
