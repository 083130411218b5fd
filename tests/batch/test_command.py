"""The batch CLI: JSON Lines identical to single runs, exit codes, cross-year pairing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yusuan import api
from yusuan.cli import main


def _lines(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_lines_equal_single_runs(corpus_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(corpus_folder), "--jobs", "2", "--json"])
    lines = _lines(capsys)
    files = [str(corpus_folder / "mof.pdf"), str(corpus_folder / "putuo" / "finance")]
    assert [line["document"]["file"] for line in lines] == files
    for line, file in zip(lines, files, strict=True):
        assert line == api.report_to_json(api.check(file))
    assert code == (1 if any(line["summary"]["errors"] for line in lines) else 0)


def test_unreadable_input_gives_an_error_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00garbage")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = main(["check", str(junk), str(empty), "--json", "--jobs", "1"])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 2
    assert [set(line) for line in lines] == [{"file", "error"}, {"file", "error"}]
    assert lines[0]["file"] == str(junk) and "二进制" in lines[0]["error"]
    assert "Traceback" not in captured.err


def test_errors_win_over_unreadable(years: dict[str, Path], tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00")
    # 2026-bad disagrees with the 2025 document beside it (Y101 errors); junk cannot be read
    args = ["check", str(years["2025"]), str(years["2026-bad"]), str(junk), "--json", "--jobs", "1"]
    assert main(args) == 1


def test_consecutive_years_are_paired(years: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(years["2025"]), str(years["2026-bad"]), "--json", "--jobs", "2", "--select", "N,Y"])
    before, after = _lines(capsys)
    assert not [r for r in before["rules_run"] if r.startswith("Y")]  # 2025 has no previous year here
    assert "Y101" in after["rules_run"]
    y101 = [f for f in after["findings"] if f["rule"] == "Y101"]
    assert y101 and all(f["severity"] == "error" for f in y101)
    assert y101[0]["evidence"] == {
        "expected": "341.11",
        "actual": "345.00",
        "difference": "3.89",
        "tolerance": "0.015",
    }
    single = api.check(years["2026-bad"], select=["N", "Y"], previous=years["2025"])
    assert after == api.report_to_json(single)


def test_text_output_for_many(years: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(years["2025"]), str(years["2026"]), "--jobs", "1", "--select", "Y"])
    captured = capsys.readouterr()
    assert f"{years['2026']}: 0 个错误" in captured.out
    assert "共 2 份" in captured.err and "跨年度配对 1 份" in captured.err


def test_parse_many_prints_json_lines(corpus_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(corpus_folder), "--json", "--jobs", "2"]) == 0
    lines = _lines(capsys)
    assert [line["unit"] for line in lines] == ["上海市财政局", "上海市普陀区财政局"]


def test_bad_options_fail_before_the_batch(corpus_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus_folder), "--select", "Z999"]) == 2
    assert main(["check", str(corpus_folder), "--jobs", "0"]) == 2
    assert main(["check", str(corpus_folder), "--summary", str(corpus_folder / "x.pdf")]) == 2
    assert capsys.readouterr().err.count("yusuan: 错误 / error") == 3


def test_one_document_with_previous_keeps_single_output(
    years: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "report.html"
    code = main(
        ["check", str(years["2026-bad"]), "--previous", str(years["2025"]), "--json", "--html", str(page)]
    )
    out = capsys.readouterr().out
    assert code == 1 and out.startswith("{\n")  # the single-document JSON, indented as always
    assert json.loads(out) == api.report_to_json(api.check(years["2026-bad"], previous=years["2025"]))
    assert "Y101" in page.read_text("utf-8")
