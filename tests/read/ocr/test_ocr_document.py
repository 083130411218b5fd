"""A scanned page inside a PDF, through read_document and the CLI: read by OCR, not dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ocr_corpus import CORPUS, with_scanned_page

from yusuan.read import read_document

MOF = next(p for p in CORPUS if "mof" in p.stem)
THREE_PUBLIC_PAGE = 20  # MOF's 三公 table


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MOF with its 三公 page replaced by a 200-dpi scan of itself (image only, no text layer)."""
    path = tmp_path_factory.mktemp("scan") / "mof-with-scanned-page.pdf"
    path.write_bytes(with_scanned_page(MOF, THREE_PUBLIC_PAGE))
    return path


def test_scanned_page_reads_to_the_text_layers_cells(mixed_pdf: Path) -> None:
    scanned, original = read_document(mixed_pdf), read_document(MOF)
    assert scanned.tables.keys() == original.tables.keys()
    for table_id, table in original.tables.items():
        got = scanned.tables[table_id]
        assert [(r.code, r.name, [c.normalised for c in r.cells]) for r in got.rows] == [
            (r.code, r.name, [c.normalised for c in r.cells]) for r in table.rows
        ], table_id
    on_scan = [c for c in scanned.tables["three_public"].rows[0].cells if c.amount is not None]
    assert on_scan and all(c.confidence is not None and 0 < c.confidence <= 1 for c in on_scan)
    assert all(c.confidence is None for r in scanned.tables["expenditure"].rows for c in r.cells), (
        "text pages carry no OCR confidence"
    )
    assert not [p for p in scanned.problems if "no text" in p.what]


def test_cli_parses_a_pdf_with_a_scanned_page(mixed_pdf: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "yusuan.cli", "parse", str(mixed_pdf)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "[three_public]" in result.stdout and "2517.78" in result.stdout
