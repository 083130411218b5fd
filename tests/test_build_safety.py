"""`yusuan build` never destroys: not the input, not an earlier output without --force; it writes all
or nothing, and keeps nothing that does not read back to the same cells and findings."""

from __future__ import annotations

import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan import api
from yusuan.api.authoring import _read_back
from yusuan.cli import main
from yusuan.model import Amount
from yusuan.render.files import stage_files

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "shuozhou-2025-budget.xlsx"


def test_build_into_the_inputs_folder_never_overwrites_the_input(tmp_path: Path) -> None:
    budget = tmp_path / "filled.xlsx"
    shutil.copy(EXAMPLE, budget)
    before = budget.read_bytes()
    for extra in ([], ["--force"]):
        assert main(["build", str(budget), "-o", str(tmp_path), "--quiet", *extra]) == 2
    assert budget.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["filled.xlsx"]


def test_an_existing_output_is_kept_unless_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    earlier = tmp_path / "shuozhou-2025-budget.json"
    earlier.write_text("earlier", encoding="utf-8")
    args = ["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "html,json", "--quiet"]
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert earlier.read_text(encoding="utf-8") == "earlier"
    assert not (tmp_path / "shuozhou-2025-budget.html").exists()  # nothing of the build was written
    assert main([*args, "--force"]) == 0
    assert earlier.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shuozhou-2025-budget.html", earlier.name]


def test_warnings_are_shown_by_default_and_hidden_by_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "a"), "--format", "json"]) == 0
    shown = capsys.readouterr().out
    assert "warning G105" in shown and "2 个警告 warnings" in shown
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "b"), "--format", "json", "--quiet"]) == 0
    assert "G105" not in capsys.readouterr().out


def test_staged_files_appear_only_on_commit(tmp_path: Path) -> None:
    disclosure = api.derive(EXAMPLE)
    staged = stage_files(disclosure, tmp_path, "unit", ["html"], extra={"json": b"{}"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in staged.files.values())
    assert all(p.name.startswith(".unit.") for p in tmp_path.iterdir())
    staged.discard()
    assert list(tmp_path.iterdir()) == []
    staged = stage_files(disclosure, tmp_path, "unit", ["html"], extra={"json": b"{}"})
    assert sorted(p.name for p in staged.commit()) == ["unit.html", "unit.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unit.html", "unit.json"]


def test_a_file_that_reads_back_otherwise_is_named_and_nothing_is_kept(tmp_path: Path) -> None:
    disclosure = api.derive(EXAMPLE)
    report = api.check_disclosure(disclosure)
    staged = stage_files(disclosure, tmp_path, "unit", ["html", "docx"])
    assert _read_back(staged, disclosure, report) == []
    total = next(r for r in disclosure.tables["overview"].rows if r.name == "收入总计")
    cell = total.cells[0]
    assert cell.amount is not None
    changed = Amount(cell.amount.value + Decimal("1"), cell.amount.unit, cell.amount.places)
    total.cells[0] = replace(cell, amount=changed)
    differences = _read_back(staged, disclosure, report)
    staged.discard()
    assert differences
    assert all(d.split(": ", 1)[1].startswith("overview 收入总计") for d in differences), differences
    assert list(tmp_path.iterdir()) == []
