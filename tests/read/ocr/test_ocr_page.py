"""A page image read by OCR cuts into the same grid, with the same cell texts, as the text page."""

from __future__ import annotations

import numpy as np
from ocr_pages import MOF, THREE_PUBLIC_PAGE, page_image

from yusuan.read.ocr import DEFAULT_SETTINGS
from yusuan.read.ocr.page import _missed_ink, read_page_image
from yusuan.read.ocr.rulings import find_rulings
from yusuan.read.pdf import read_pdf
from yusuan.read.pdf.grids import build_grid
from yusuan.read.pdf.lattice import find_tables


def _compact(text: str | None) -> str | None:
    return None if text is None else "".join(text.split()).replace(",", "")


def test_the_three_public_page_reads_as_its_text_layer_does() -> None:
    image, width, height = page_image(MOF, THREE_PUBLIC_PAGE)
    layout = read_page_image(THREE_PUBLIC_PAGE, image, width, height, DEFAULT_SETTINGS)
    text_layout = read_pdf(MOF).layouts[THREE_PUBLIC_PAGE - 1]
    assert layout.ocr and not layout.image_only
    assert len(layout.grids) == len(text_layout.grids) == 1
    grid, expected = layout.grids[0], text_layout.grids[0]
    assert len(grid.xs) == len(expected.xs)
    for x, want in zip(grid.xs, expected.xs, strict=True):
        assert abs(x - want) < 2.0  # points: a pixel at 200 dpi is 0.36 pt
    assert [[_compact(c) for c in row] for row in grid.rows] == [
        [_compact(c) for c in row] for row in expected.rows
    ]
    assert grid.confidence is not None
    for row, scores in zip(grid.rows, grid.confidence, strict=True):
        for text, score in zip(row, scores, strict=True):
            assert (score is None) == (not text)  # a cell with text has a confidence
            assert score is None or 0.0 <= score <= 1.0
    titles = ["".join(r.cells) for r in layout.text_rows]
    assert any("三公" in t for t in titles)
    assert all(r.confidence is not None for r in layout.text_rows)


def test_a_blank_page_has_nothing() -> None:
    image, width, height = page_image(MOF, THREE_PUBLIC_PAGE)
    blank = image.copy()
    blank[:] = 255
    layout = read_page_image(1, blank, width, height, DEFAULT_SETTINGS)
    assert layout.grids == () and layout.text_rows == () and layout.glyph_count == 0


def test_ink_that_ocr_did_not_read_makes_a_cell_doubtful() -> None:
    """A ruled 2 × 2 table, text read in no cell, ink left in one: that cell gets confidence 0."""
    k = 72 / DEFAULT_SETTINGS.dpi
    ink = np.zeros((400, 600), dtype=bool)
    for y in (50, 150, 250):
        ink[y : y + 3, 50:553] = True
    for x in (50, 300, 550):
        ink[50:253, x : x + 3] = True
    tables = find_tables(find_rulings(ink, k, DEFAULT_SETTINGS.ruling_min_points))
    assert len(tables) == 1
    ink[60:63, 60:100] = True  # the 一 of "一、" along the cell's rulings, which detection left out
    grid = build_grid(1, tables[0], [], {})
    assert grid.confidence == ((None, None), (None, None))
    marked = _missed_ink(grid, tables[0], ink, k, DEFAULT_SETTINGS.unread_ink_pixels)
    assert marked.rows == (("", ""), ("", ""))
    assert marked.confidence == ((0.0, None), (None, None))
