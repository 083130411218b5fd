"""The corpus PDFs, read once per test session by each path, and their goldens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from yusuan.read.pdf import PdfReading, read_pdf
from yusuan.read.pdf.tables import identify, to_table
from yusuan.reference.profiles import load_profile

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.pdf"))
GOLDEN = ROOT / "tests" / "golden" / "corpus"

_cache: dict[tuple[str, str], PdfReading] = {}


def corpus_reading(path: Path, backend: str = "fast") -> PdfReading:
    key = (str(path), backend)
    if key not in _cache:
        _cache[key] = read_pdf(path, backend=backend)
    return _cache[key]


@pytest.fixture(params=CORPUS, ids=lambda p: p.stem)
def corpus_pdf(request: pytest.FixtureRequest) -> Path:
    return request.param  # type: ignore[no-any-return]


def golden_of(pdf: Path) -> dict[str, Any]:
    return json.loads((GOLDEN / f"{pdf.stem}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def read_tables(reading: PdfReading) -> dict[str, dict[str, Any]]:
    """The reading's tables in the golden form, by semantic id."""
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


def assert_matches_golden(reading: PdfReading, golden: dict[str, Any]) -> None:
    read = read_tables(reading)
    assert reading.profile == golden["profile"]
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


def with_blank_image_page(source: Path, target: Path) -> Path:
    """The corpus PDF with one more page holding only an image (blank grey), as a scanner makes it."""
    document = pdfium.PdfDocument(source)
    page = document.new_page(595, 842)
    bitmap = pdfium.PdfBitmap.new_native(40, 40, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((200, 200, 200, 255), 0, 0, 40, 40)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 400).translate(100, 200))
    page.insert_obj(image)
    page.gen_content()
    document.save(target)
    document.close()
    return target
