"""`yusuan check / rules / explain` on the real seed file, through main() as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_seed import SEED

from yusuan.cli import main


def test_check_prints_findings_like_a_compiler(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert f"{SEED}:192: error A101 " in out
    assert f"{SEED}:399: error P101 " in out
    assert "── 项目与绩效目标 / projects and performance targets ──" in out
    assert "6 个错误 errors" in out
    assert " info A101 " not in out  # info hidden by default


def test_check_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"document", "findings", "not_evaluated", "summary"}
    assert data["document"]["unit"] == "朔州市朔城区数字政府服务中心" and data["document"]["year"] == 2025
    first = data["findings"][0]
    assert set(first) >= {"rule", "severity", "message", "location", "evidence"}
    assert set(first["location"]) >= {"table", "row", "column", "section", "page", "line"}
    assert set(first["evidence"]) == {"expected", "actual", "difference", "tolerance"}
    a101 = next(f for f in data["findings"] if f["rule"] == "A101" and f["severity"] == "error")
    assert a101["location"]["table"] == "income" and a101["location"]["line"] == 192
    assert a101["evidence"]["expected"] == "341.11万元"
    assert data["summary"]["errors"] == 6
    assert all(set(n) == {"rule", "reason"} for n in data["not_evaluated"])


def test_check_html_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["check", str(SEED), "--html", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<td class="hit">' in page  # the cell involved, highlighted in its table rows
    assert "好差评系统购置费及维护费" in page and "公开项目绩效目标" in page


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--select", "A,D", "--ignore", "A101"]) == 0
    out = capsys.readouterr().out
    assert " A101 " not in out and " P101 " not in out and " D105 " in out


def test_unknown_rule_or_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--select", "Z999"]) == 2
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    assert main(["explain", "Z999"]) == 2
    assert main(["check", str(SEED), "--unit-type", "公司"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("yusuan: 错误 / error") == 4


def test_unit_type_option(capsys: pytest.CaptureFixture[str]) -> None:
    # inferred 事业 (2010350 事业运行): 机关运行经费 does not apply, its empty table is right
    assert main(["check", str(SEED), "--select", "S103", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    # declared 行政: 机关运行经费 must equal the 公用经费 5.70, and the table is blank
    assert main(["check", str(SEED), "--select", "S103", "--unit-type", "行政", "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["location"]["table"] == "admin_running"
    assert finding["evidence"]["expected"] == "5.70万元"


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "P101  performance" in capsys.readouterr().out
    assert main(["explain", "N102"]) == 0
    assert "占" in capsys.readouterr().out
