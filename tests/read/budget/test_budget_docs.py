"""docs/budget-input.md documents every sheet and every key of the input (a test fails otherwise)."""

from __future__ import annotations

from pathlib import Path

from yusuan.read.budget import layout as L

DOC = (Path(__file__).resolve().parents[3] / "docs" / "budget-input.md").read_text(encoding="utf-8")


def test_every_sheet_and_key_is_documented() -> None:
    missing = [f"{s.name}/{s.key}" for s in L.SHEETS if f"### {s.name} / `{s.key}`" not in DOC]
    rows = [(s.key, f) for s in L.SHEETS for f in s.fields]
    missing += [f"{key}.{f.key}" for key, f in rows if f"| {f.zh} | `{f.key}` |" not in DOC]
    assert missing == []
