"""The limits are documented (docs/reading.md, both languages) and validated."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from yusuan.read.limits import DEFAULT_LIMITS, Limits

DOC = Path(__file__).resolve().parents[2] / "docs" / "reading.md"


def test_every_limit_is_documented_in_both_languages() -> None:
    chinese, english = DOC.read_text(encoding="utf-8").split("## English")
    for field in dataclasses.fields(Limits):
        assert f"`{field.name}`" in chinese, field.name
        assert f"`{field.name}`" in english, field.name


def test_documented_defaults_are_the_defaults() -> None:
    table = DOC.read_text(encoding="utf-8").split("## English")[0]
    mib = 1024 * 1024
    for field in dataclasses.fields(Limits):
        value = getattr(DEFAULT_LIMITS, field.name)
        row = next(line for line in table.splitlines() if line.startswith(f"| `{field.name}`"))
        shown = row.split("|")[2].strip()
        expected = f"{value // mib} MiB" if field.name.endswith("bytes") else str(value).removesuffix(".0")
        assert shown == expected, field.name


def test_depth_bound_to_the_walk() -> None:
    with pytest.raises(ValueError):
        Limits(max_html_depth=5000)
