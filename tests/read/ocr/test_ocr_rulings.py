"""Rulings of a page image: long thin ink runs become the lattice's edges; text strokes do not."""

from __future__ import annotations

import numpy as np

from yusuan.read.ocr.rulings import erase_boxes, find_rulings, ink_in
from yusuan.read.pdf.lattice import find_tables

K = 72.0 / 200  # points per pixel at 200 dpi


def _grid_image() -> np.ndarray:
    """A 2 × 3 table ruled with 3-pixel lines, a character-sized cross in one cell."""
    ink = np.zeros((300, 500), dtype=bool)
    for y in (20, 120, 220):
        ink[y : y + 3, 20:483] = True
    for x in (20, 170, 320, 480):
        ink[20:223, x : x + 3] = True
    ink[60:90, 80] = True  # a 30-pixel stroke of a character
    ink[75, 65:95] = True
    return ink


def test_a_ruled_table_gives_its_cells() -> None:
    tables = find_tables(find_rulings(_grid_image(), K, 12.0))
    assert len(tables) == 1
    assert len(tables[0]) == 6
    lefts = sorted({cell[0] / K for cell in tables[0]})  # pixels: the middle of each 3-pixel line
    assert [round(x - want, 6) for x, want in zip(lefts, (21.5, 171.5, 321.5), strict=True)] == [0, 0, 0]


def test_character_strokes_are_not_rulings() -> None:
    edges = find_rulings(_grid_image(), K, 12.0)
    assert not any(e.orientation == "v" and abs(e.pos / K - 80.5) < 1 for e in edges)
    assert not any(e.orientation == "h" and abs(e.pos / K - 75.5) < 1 for e in edges)


def test_only_vertical_runs_when_asked() -> None:
    edges = find_rulings(_grid_image(), K, 12.0, horizontal=False)
    assert edges and {e.orientation for e in edges} == {"v"}


def test_erasing_a_text_box_clears_its_inside_only() -> None:
    ink = _grid_image()
    erased = erase_boxes(ink, [(60.0, 50.0, 100.0, 100.0)])  # shrunk by 15 % of its height
    assert not erased[60:90, 80].any()
    assert erased[20:23, 20:483].all()  # the rulings are untouched
    assert ink[60:90, 80].all()  # the input is not changed


def test_ink_inside_a_cell_keeps_away_from_its_rulings() -> None:
    ink = _grid_image()
    cell = (21 * K, 21 * K, 171 * K, 121 * K)
    assert ink_in(ink, cell, K, 2.5) == 30 + 30 - 1
    empty = (171 * K, 21 * K, 321 * K, 121 * K)
    assert ink_in(ink, empty, K, 2.5) == 0
