"""The lattice on hand-made rulings: snapping, joining, merged cells, separate tables."""

from __future__ import annotations

import random

from yusuan.read.pdf.grids import build_grid
from yusuan.read.pdf.lattice import (
    _cells,
    _intersections,
    _tables,
    find_tables,
    inside,
    merge_edges,
    table_slots,
)
from yusuan.read.pdf.layout import Edge, Glyph


def _box_edges(xs: list[float], ys: list[float]) -> list[Edge]:
    """A full grid: horizontal rules at ys spanning xs, vertical rules at xs spanning ys."""
    return [Edge("h", y, xs[0], xs[-1]) for y in ys] + [Edge("v", x, ys[0], ys[-1]) for x in xs]


def test_thin_filled_rects_snap_to_one_rule() -> None:
    # Excel draws a rule as a 1 pt filled rectangle: two edges 1 pt apart become one.
    edges = [Edge("h", 100.0, 0.0, 50.0), Edge("h", 101.0, 0.0, 50.0)]
    assert merge_edges(edges) == [Edge("h", 100.5, 0.0, 50.0)]


def test_collinear_pieces_join_and_short_ones_drop() -> None:
    edges = [Edge("v", 10.0, 0.0, 20.0), Edge("v", 10.0, 22.0, 40.0), Edge("v", 30.0, 0.0, 2.0)]
    assert merge_edges(edges) == [Edge("v", 10.0, 0.0, 40.0)]


def test_grid_of_two_by_three() -> None:
    tables = find_tables(_box_edges([0, 10, 20, 30], [0, 5, 10]))
    assert len(tables) == 1
    xs, rows = table_slots(tables[0])
    assert xs == (0, 10, 20)
    assert [[c is not None for c in row] for row in rows] == [[True] * 3, [True] * 3]


def test_merged_header_leaves_covered_slots_empty() -> None:
    # Row 1 is one cell across the three columns (no inner verticals in it).
    edges = [Edge("h", y, 0, 30) for y in (0, 5, 10)]
    edges += [Edge("v", 0, 0, 10), Edge("v", 30, 0, 10), Edge("v", 10, 5, 10), Edge("v", 20, 5, 10)]
    (cells,) = find_tables(edges)
    glyphs = [Glyph("合", 12, 1, 16, 4), Glyph("1", 2, 6, 4, 9), Glyph("2", 12, 6, 14, 9)]
    grid = build_grid(1, cells, glyphs)
    assert grid.rows == (("合", None, None), ("1", "2", ""))


def test_apart_tables_stay_apart_and_a_lone_box_is_no_table() -> None:
    edges = _box_edges([0, 10, 20], [0, 5, 10]) + _box_edges([0, 10, 20], [50, 55, 60])
    edges += _box_edges([100, 110], [100, 110])  # a single framed box
    tables = find_tables(edges)
    assert [min(c[1] for c in t) for t in tables] == [0, 50]


def test_glyph_centre_decides_its_cell() -> None:
    assert inside(Glyph("x", 9, 0, 11, 2), (0, 0, 10.5, 5))
    assert not inside(Glyph("x", 10, 0, 12, 2), (0, 0, 10.5, 5))


def _tables_by_flood(
    cells: list[tuple[float, float, float, float]],
) -> list[list[tuple[float, float, float, float]]]:
    """The plain reading of "cells sharing a corner make a table", for comparison."""

    def corners(c: tuple[float, float, float, float]) -> set[tuple[float, float]]:
        return {(c[0], c[1]), (c[0], c[3]), (c[2], c[1]), (c[2], c[3])}

    seen: set[int] = set()
    tables = []
    for first in range(len(cells)):
        if first in seen:
            continue
        members, stack = {first}, [first]
        while stack:
            here = corners(cells[stack.pop()])
            for other in range(len(cells)):
                if other not in members and here & corners(cells[other]):
                    members.add(other)
                    stack.append(other)
        seen |= members
        tables.append([cells[i] for i in sorted(members)])
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def test_tables_are_the_cells_sharing_corners_on_random_rulings() -> None:
    # Random rulings on a 10 pt lattice (some off it, some overlapping), cells shuffled: the
    # grouping (union-find over corners) equals a flood fill over every pair of cells.
    rnd = random.Random(13)
    compared = 0
    for _ in range(300):
        edges = []
        for _ in range(rnd.randint(10, 60)):
            start, end = sorted((rnd.randint(0, 10) * 10.0, rnd.randint(0, 10) * 10.0))
            pos = rnd.randint(0, 10) * 10.0 + rnd.choice((0.0, 0.0, rnd.uniform(-2, 2)))
            edges.append(Edge(rnd.choice("hv"), pos, start, end))
        cells = _cells(_intersections(merge_edges(edges)))
        rnd.shuffle(cells)
        assert _tables(cells) == _tables_by_flood(cells)
        compared += len(cells)
    assert compared > 1000
