"""The command line as a user runs it: real processes, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yusuan.cli", *args], capture_output=True, text=True, timeout=120
    )


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp / "blank.txt"
    blank.write_text("  \n\n ", encoding="utf-8")
    garbage = tmp / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 40)
    latin = tmp / "latin1.txt"
    latin.write_bytes("Budget für 2025 é".encode("latin-1"))
    prose = tmp / "novel.txt"
    prose.write_text("从前有座山，山里有座庙。\n庙里有个老和尚在讲故事。\n" * 20, encoding="utf-8")
    return {
        "missing": (tmp / "nope.txt", "不存在"),
        "directory": (tmp, "没有找到公开文件"),  # a folder is a batch: nothing in it is a disclosure
        "empty": (empty, "为空"),
        "blank": (blank, "空白"),
        "garbage": (garbage, "二进制"),
        "not utf-8": (latin, "UTF-8"),
        "not a disclosure": (prose, "公开"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "directory", "empty", "blank", "garbage", "not utf-8", "not a disclosure"]
)
@pytest.mark.parametrize("command", ["parse", "export"])
def test_bad_input_one_line_exit_2(tmp_path: Path, case: str, command: str) -> None:
    path, words = _bad_inputs(tmp_path)[case]
    extra = ["--to", str(tmp_path / "out")] if command == "export" else []
    result = run(command, str(path), *extra)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and words in lines[0]
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("parse", "export"):
        assert command in result.stdout
