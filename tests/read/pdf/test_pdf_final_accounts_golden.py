"""The Shanghai 决算 (tests/corpus/final/) read cell by cell against its golden.

The golden (tests/golden/corpus/final/shanghai-putuo-planning-bureau-2024-dept-final-accounts.json)
was written from poppler's ``pdftotext -layout`` of the PDF (an extractor independent of the
reader under test) for the 收入决算表, 支出决算表 and the 三公 决算表 (its single printed line
split into the 预算数 and 决算数 rows), and checked by eye against that text.
"""

from __future__ import annotations

import json
from pathlib import Path

from yusuan.read.pdf import read_pdf
from yusuan.read.pdf.tables import identify, to_table
from yusuan.reference.profiles import load_profile

ROOT = Path(__file__).parents[3]
PDF = ROOT / "tests" / "corpus" / "final" / "shanghai-putuo-planning-bureau-2024-dept-final-accounts.pdf"
GOLDEN = ROOT / "tests" / "golden" / "corpus" / "final" / f"{PDF.stem}.json"


def test_final_accounts_tables_match_the_golden_cell_by_cell() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    reading = read_pdf(PDF)
    assert reading.profile == golden["profile"]
    profile = load_profile(golden["profile"])
    read = {}
    for raw in reading.tables:
        spec = identify(raw, profile)
        if spec is not None:
            table = to_table(raw, spec, profile, reading.file)
            read[table.id] = (raw.pages, table)
    cells = 0
    for want in golden["tables"]:
        pages, table = read[want["id"]]
        assert (table.title, table.unit.value, pages) == (want["title"], want["unit"], want["pages"])
        assert [c.key for c in table.columns] == want["columns"]
        got = [
            {"code": r.code, "name": r.name, "side": r.side, "cells": [c.normalised for c in r.cells]}
            for r in table.rows
        ]
        assert len(got) == len(want["rows"]), want["id"]
        for got_row, want_row in zip(got, want["rows"], strict=True):
            assert got_row == want_row, want["id"]
            cells += len(want_row["cells"])
    assert cells == 25 * 7 + 25 * 6 + 2 * 6
