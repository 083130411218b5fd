"""The fast path equals the pdfplumber baseline on every corpus page, cell by cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdf_corpus import CORPUS, assert_matches_golden, corpus_pdf, corpus_reading, golden_of

from yusuan.read.pdf import read_pdf


def _compact(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


__all__ = ["corpus_pdf"]  # the fixture


def test_fast_path_equals_baseline_on_every_page(corpus_pdf: Path) -> None:
    fast = corpus_reading(corpus_pdf, "fast")
    base = corpus_reading(corpus_pdf, "baseline")
    assert fast.page_count == base.page_count
    compared = 0
    for fast_page, base_page in zip(fast.layouts, base.layouts, strict=True):
        assert len(fast_page.grids) == len(base_page.grids), f"page {fast_page.number}"
        for fast_grid, base_grid in zip(fast_page.grids, base_page.grids, strict=True):
            assert len(fast_grid.xs) == len(base_grid.xs), f"page {fast_page.number}"
            assert len(fast_grid.rows) == len(base_grid.rows), f"page {fast_page.number}"
            for fast_row, base_row in zip(fast_grid.rows, base_grid.rows, strict=True):
                assert fast_row == base_row  # exactly, white space included
                compared += len(fast_row)
        # Running text: a space between justified glyphs may fall either side of the
        # 3 pt word gap (PDFium and pdfminer place glyphs a few hundredths apart).
        fast_text = [[_compact(c) for c in row.cells] for row in fast_page.text_rows]
        base_text = [[_compact(c) for c in row.cells] for row in base_page.text_rows]
        assert fast_text == base_text, f"page {fast_page.number}"
    assert compared > 1000  # every corpus PDF prints its nine tables


def test_fast_path_reads_the_same_tables_as_baseline(corpus_pdf: Path) -> None:
    fast = corpus_reading(corpus_pdf, "fast")
    base = corpus_reading(corpus_pdf, "baseline")
    assert [(t.title, t.pages, len(t.body)) for t in fast.tables] == [
        (t.title, t.pages, len(t.body)) for t in base.tables
    ]
    for fast_table, base_table in zip(fast.tables, base.tables, strict=True):
        assert [_rows(r.cells) for r in fast_table.body] == [_rows(r.cells) for r in base_table.body]


def _rows(cells: tuple[str, ...]) -> list[str | None]:
    return [_compact(c) for c in cells]


def test_corpus_is_present() -> None:
    assert len(CORPUS) == 3


def _rotated_copy(source: Path, target: Path) -> Path:
    """The same pages stored portrait with /Rotate 90: content turned, display unchanged."""
    document = pdfium.PdfDocument(source)
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_width(), page.get_height()
        turn = pdfium.PdfMatrix(0, 1, -1, 0, height, 0)  # user (x, y) -> (height - y, x)
        for obj in list(page.get_objects(max_depth=1)):
            obj.transform(turn)
        page.set_mediabox(0, 0, height, width)
        page.set_cropbox(0, 0, height, width)
        page.set_rotation(90)
        page.gen_content()
    document.save(target)
    document.close()
    return target


def _shifted_copy(source: Path, target: Path) -> Path:
    """The same pages with the page box's origin away from (0, 0): display unchanged."""
    document = pdfium.PdfDocument(source)
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_width(), page.get_height()
        for obj in list(page.get_objects(max_depth=1)):
            obj.transform(pdfium.PdfMatrix().translate(50, 70))
        page.set_mediabox(50, 70, 50 + width, 70 + height)
        page.set_cropbox(50, 70, 50 + width, 70 + height)
        page.gen_content()
    document.save(target)
    document.close()
    return target


@pytest.mark.parametrize("variant", [_rotated_copy, _shifted_copy], ids=["rotated", "shifted-box"])
def test_pages_read_as_displayed(tmp_path: Path, variant: Callable[[Path, Path], Path]) -> None:
    source = next(p for p in CORPUS if "mof" in p.stem)
    copy = variant(source, tmp_path / "copy.pdf")
    fast = read_pdf(copy)
    assert {layout.width > layout.height for layout in fast.layouts} == {True}
    assert_matches_golden(fast, golden_of(source))
    base = read_pdf(copy, backend="baseline")
    assert [_rows(r.cells) for t in fast.tables for r in t.body] == [
        _rows(r.cells) for t in base.tables for r in t.body
    ]
