"""Ruling edges -> table cells -> grids: the "lines" strategy, on our own data structures.

The steps and tolerances are those of pdfplumber's default table finder, so that the fast
path (pypdfium2) and the correctness baseline (pdfplumber) cut a page into the same cells:
drop edges shorter than 1 pt, snap parallel edges within 3 pt to their mean position, join
collinear pieces whose gap is at most 3 pt, keep edges of 3 pt or more, intersect within
3 pt, take for every corner the smallest closed rectangle, group rectangles sharing a
corner into tables, and lay each table's cells on the grid of their distinct left edges.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence

from yusuan.read.pdf.layout import BBox, Edge, Glyph

SNAP = 3.0
JOIN = 3.0
MIN_LENGTH_BEFORE = 1.0
MIN_LENGTH = 3.0
INTERSECT = 3.0

Point = tuple[float, float]


def _clusters(values: list[float], tolerance: float) -> dict[float, float]:
    """Map each value to the mean of its cluster (consecutive sorted values within tolerance)."""
    mapping: dict[float, float] = {}
    ordered = sorted(values)
    group: list[float] = []
    for value in ordered:
        if group and value > group[-1] + tolerance:
            mean = sum(group) / len(group)
            mapping.update((v, mean) for v in group)
            group = []
        group.append(value)
    if group:
        mean = sum(group) / len(group)
        mapping.update((v, mean) for v in group)
    return mapping


def merge_edges(edges: Iterable[Edge]) -> list[Edge]:
    """Snap, join and filter edges as the table finder does."""
    kept = [e for e in edges if e.length >= MIN_LENGTH_BEFORE]
    merged: list[Edge] = []
    for orientation in ("h", "v"):
        group = [e for e in kept if e.orientation == orientation]
        if not group:
            continue
        snap = _clusters([e.pos for e in group], SNAP)
        by_pos: dict[float, list[Edge]] = defaultdict(list)
        for e in group:
            by_pos[snap[e.pos]].append(e)
        for pos in sorted(by_pos):
            pieces = sorted(by_pos[pos], key=lambda e: e.start)
            start, end = pieces[0].start, pieces[0].end
            for piece in pieces[1:]:
                if piece.start <= end + JOIN:
                    end = max(end, piece.end)
                else:
                    merged.append(Edge(orientation, pos, start, end))
                    start, end = piece.start, piece.end
            merged.append(Edge(orientation, pos, start, end))
    return [e for e in merged if e.length >= MIN_LENGTH]


def _intersections(edges: Sequence[Edge]) -> dict[Point, tuple[set[int], set[int]]]:
    """Corner points -> (ids of vertical edges, ids of horizontal edges) through them."""
    verticals = sorted((e for e in enumerate(edges) if e[1].orientation == "v"), key=lambda p: p[1].pos)
    horizontals = sorted((e for e in enumerate(edges) if e[1].orientation == "h"), key=lambda p: p[1].pos)
    points: dict[Point, tuple[set[int], set[int]]] = {}
    for vi, v in verticals:
        for hi, h in horizontals:
            if (
                v.start <= h.pos + INTERSECT
                and v.end >= h.pos - INTERSECT
                and h.start - INTERSECT <= v.pos <= h.end + INTERSECT
            ):
                entry = points.setdefault((v.pos, h.pos), (set(), set()))
                entry[0].add(vi)
                entry[1].add(hi)
    return points


def _cells(points: dict[Point, tuple[set[int], set[int]]]) -> list[BBox]:
    """For every corner, the smallest rectangle closed by edges through its four corners."""
    column: dict[float, list[float]] = defaultdict(list)  # x -> ys
    row: dict[float, list[float]] = defaultdict(list)  # y -> xs
    for x, y in points:
        column[x].append(y)
        row[y].append(x)
    for ys in column.values():
        ys.sort()
    for xs in row.values():
        xs.sort()

    # Two corners are linked when one edge runs through both: a shared vertical edge for
    # corners one above the other, a shared horizontal edge for corners side by side.
    # Sets are tested with isdisjoint (no new set) and the lines walked by index (no slices).
    cells: list[BBox] = []
    for x, y in sorted(points):
        ys, xs = column[x], row[y]
        first_below, first_right = bisect_right(ys, y), bisect_right(xs, x)
        here_v, here_h = points[(x, y)]
        found = None
        for k in range(first_below, len(ys)):
            by = ys[k]
            below_v, bottom_h = points[(x, by)]
            if here_v.isdisjoint(below_v):
                continue
            for m in range(first_right, len(xs)):
                rx = xs[m]
                right_v, right_h = points[(rx, y)]
                if here_h.isdisjoint(right_h):
                    continue
                corner = points.get((rx, by))
                if (
                    corner is not None
                    and not corner[0].isdisjoint(right_v)
                    and not corner[1].isdisjoint(bottom_h)
                ):
                    found = (x, y, rx, by)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _tables(cells: list[BBox]) -> list[list[BBox]]:
    """Group cells that share a corner; tables of a single cell are dropped."""
    by_corner: dict[Point, list[int]] = defaultdict(list)
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            by_corner[corner].append(i)
    # Connected components, each named by its first cell; cells keep their order within a table.
    group = [-1] * len(cells)
    for first in range(len(cells)):
        if group[first] >= 0:
            continue
        group[first] = first
        stack = [first]
        while stack:
            x0, top, x1, bottom = cells[stack.pop()]
            for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
                for other in by_corner[corner]:
                    if group[other] < 0:
                        group[other] = first
                        stack.append(other)
    groups: dict[int, list[BBox]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[group[i]].append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


class TooManyRulings(Exception):
    """More distinct rulings than the limit: the corner search would grow as their square."""


def find_tables(edges: Iterable[Edge], max_rulings: int | None = None) -> list[list[BBox]]:
    """The cells of each ruled table on a page, tables top to bottom."""
    merged = merge_edges(edges)
    if not merged:
        return []
    if max_rulings is not None and len(merged) > max_rulings:
        raise TooManyRulings(f"{len(merged)} rulings")
    return _tables(_cells(_intersections(merged)))


def table_slots(cells: list[BBox]) -> tuple[tuple[float, ...], list[list[BBox | None]]]:
    """The table's distinct left edges and, per distinct top, the cell starting at each (or None)."""
    xs = tuple(sorted({c[0] for c in cells}))
    by_top: dict[float, dict[float, BBox]] = defaultdict(dict)
    for cell in cells:
        by_top[cell[1]][cell[0]] = cell
    return xs, [[by_top[top].get(x) for x in xs] for top in sorted(by_top)]


def inside(glyph: Glyph, box: BBox) -> bool:
    """A glyph belongs to a box when its centre does (left/top inclusive, right/bottom exclusive)."""
    h, v = glyph.h_mid, glyph.v_mid
    return box[0] <= h < box[2] and box[1] <= v < box[3]
