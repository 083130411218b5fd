"""Every golden table of every corpus PDF, read by the fast path, cell by cell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pdf_corpus import CORPUS, GOLDEN, corpus_pdf, corpus_reading

from yusuan.read.pdf import RawRow, RawTable
from yusuan.read.pdf.tables import TableShapeError, identify, to_table
from yusuan.reference.profiles import load_profile

__all__ = ["corpus_pdf"]


def _golden(pdf: Path) -> dict[str, Any]:
    return json.loads((GOLDEN / f"{pdf.stem}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _read_tables(pdf: Path) -> dict[str, dict[str, Any]]:
    reading = corpus_reading(pdf)
    assert reading.profile is not None
    profile = load_profile(reading.profile)
    out: dict[str, dict[str, Any]] = {}
    for raw in reading.tables:
        spec = identify(raw, profile)
        if spec is None:
            continue
        table = to_table(raw, spec, profile, reading.file)
        out[table.id] = {
            "title": table.title,
            "unit": table.unit.value,
            "pages": raw.pages,
            "columns": [c.key for c in table.columns],
            "rows": [
                {"code": r.code, "name": r.name, "side": r.side, "cells": [c.normalised for c in r.cells]}
                for r in table.rows
            ],
        }
    return out


def test_goldens_cover_the_corpus() -> None:
    assert sorted(p.stem for p in CORPUS) == sorted(p.stem for p in GOLDEN.glob("*.json"))


def test_every_golden_cell_is_read_exactly(corpus_pdf: Path) -> None:
    golden = _golden(corpus_pdf)
    read = _read_tables(corpus_pdf)
    assert corpus_reading(corpus_pdf).profile == golden["profile"]
    required = {"overview", "income", "expenditure", "general_expenditure", "general_basic_economic"}
    assert required <= {t["id"] for t in golden["tables"]}
    cells = 0
    for expected in golden["tables"]:
        got = read.get(expected["id"])
        assert got is not None, f"table {expected['id']} not found"
        for key in ("title", "unit", "pages", "columns"):
            assert got[key] == expected[key], f"{expected['id']}.{key}"
        assert len(got["rows"]) == len(expected["rows"]), expected["id"]
        for got_row, want_row in zip(got["rows"], expected["rows"], strict=True):
            assert got_row == want_row, expected["id"]
            cells += len(want_row["cells"])
    assert cells > 300


def test_all_nine_tables_are_identified(corpus_pdf: Path) -> None:
    reading = corpus_reading(corpus_pdf)
    assert reading.profile is not None
    profile = load_profile(reading.profile)
    found = [spec.id for raw in reading.tables if (spec := identify(raw, profile)) is not None]
    assert sorted(found) == sorted(t.id for t in profile.tables)


def test_three_public_table_is_in_wan_yuan_and_the_rest_in_yuan(corpus_pdf: Path) -> None:
    read = _read_tables(corpus_pdf)
    assert read["three_public"]["unit"] == "万元"
    assert {t["unit"] for key, t in read.items() if key != "three_public"} == {"元"}


def test_a_table_of_the_wrong_width_is_refused() -> None:
    profile = load_profile("shanghai")
    spec = profile.table("expenditure")
    assert spec is not None
    raw = RawTable(title="2025年预算单位支出预算总表", xs=(0.0, 10.0, 20.0))
    raw.body.append(RawRow(("201", "一般公共服务支出", "1"), 1, (0, 0, 30, 10)))
    with pytest.raises(TableShapeError):
        to_table(raw, spec, profile, "x.pdf")
