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
from operator import itemgetter

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
    kept: dict[str, list[Edge]] = {"h": [], "v": []}  # fields by index: orientation, pos, start, end
    for e in edges:
        if e[3] - e[2] >= MIN_LENGTH_BEFORE and (group := kept.get(e[0])) is not None:
            group.append(e)
    merged: list[Edge] = []
    for orientation, group in kept.items():
        if not group:
            continue
        snap = _clusters([e[1] for e in group], SNAP)
        by_pos: dict[float, list[Edge]] = defaultdict(list)
        for e in group:
            by_pos[snap[e[1]]].append(e)
        for pos in sorted(by_pos):
            pieces = sorted(by_pos[pos], key=_START)
            start, end = pieces[0][2], pieces[0][3]
            for piece in pieces[1:]:
                if piece[2] <= end + JOIN:
                    end = max(end, piece[3])
                else:
                    merged.append(Edge(orientation, pos, start, end))
                    start, end = piece[2], piece[3]
            merged.append(Edge(orientation, pos, start, end))
    return [e for e in merged if e[3] - e[2] >= MIN_LENGTH]


_START = itemgetter(2)


def _intersections(edges: Sequence[Edge]) -> dict[Point, tuple[set[int], set[int]]]:
    """Corner points -> (ids of vertical edges, ids of horizontal edges) through them."""
    verticals = sorted((e for e in enumerate(edges) if e[1].orientation == "v"), key=lambda p: p[1].pos)
    horizontals = sorted((e for e in enumerate(edges) if e[1].orientation == "h"), key=lambda p: p[1].pos)
    # Each horizontal's bounds with the tolerance added once (the same sums the test makes).
    spans = [
        (hi, h[1], h[1] + INTERSECT, h[1] - INTERSECT, h[2] - INTERSECT, h[3] + INTERSECT)
        for hi, h in horizontals
    ]
    points: dict[Point, tuple[set[int], set[int]]] = {}
    for vi, (_o, v_pos, v_start, v_end) in verticals:
        for hi, h_pos, below, above, left, right in spans:
            if v_start <= below and v_end >= above and left <= v_pos <= right:
                entry = points.setdefault((v_pos, h_pos), (set(), set()))
                entry[0].add(vi)
                entry[1].add(hi)
    return points


def _cells(points: dict[Point, tuple[set[int], set[int]]]) -> list[BBox]:
    """For every corner, the smallest rectangle closed by edges through its four corners."""
    # x -> its corners (y, vertical ids, horizontal ids) top to bottom; y -> the corners' xs
    column: dict[float, list[tuple[float, set[int], set[int]]]] = defaultdict(list)
    row: dict[float, list[float]] = defaultdict(list)
    for (x, y), (v_ids, h_ids) in points.items():
        column[x].append((y, v_ids, h_ids))
        row[y].append(x)
    for corners in column.values():
        corners.sort(key=_FIRST)  # the ys of a column are distinct
    for xs in row.values():
        xs.sort()

    # Two corners are linked when one edge runs through both: a shared vertical edge for
    # corners one above the other, a shared horizontal edge for corners side by side.
    # Sets are tested with isdisjoint (no new set) and the lines walked by index (no slices).
    # Corners in order of x then y (as sorted(points)): column by column, each top to bottom.
    cells: list[BBox] = []
    at = points.__getitem__
    for x in sorted(column):
        corners = column[x]
        below_count = len(corners)
        for p, (y, here_v, here_h) in enumerate(corners, 1):
            xs = row[y]
            first_right = bisect_right(xs, x)
            found = None
            for k in range(p, below_count):
                by, below_v, bottom_h = corners[k]
                if here_v.isdisjoint(below_v):
                    continue
                for m in range(first_right, len(xs)):
                    rx = xs[m]
                    right_v, right_h = at((rx, y))
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


_FIRST = itemgetter(0)


def _tables(cells: list[BBox]) -> list[list[BBox]]:
    """Group cells that share a corner; tables of a single cell are dropped."""
    # Union-find over cell indices: each corner remembers the first cell met there, and a
    # cell is joined with it. Roots are the smaller index (a table is named by its first cell).
    parent = list(range(len(cells)))
    first_at: dict[Point, int] = {}
    claim = first_at.setdefault
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            other = claim(corner, i)
            if other == i:
                continue
            while parent[other] != other:
                parent[other] = other = parent[parent[other]]
            root = i
            while parent[root] != root:
                parent[root] = root = parent[parent[root]]
            if other < root:
                parent[root] = other
            elif root < other:
                parent[other] = root
    groups: dict[int, list[BBox]] = defaultdict(list)
    for i, cell in enumerate(cells):
        root = i
        while parent[root] != root:
            root = parent[root]
        groups[root].append(cell)
    # Ordered by each table's topmost then leftmost cell (cells keep their order within a table).
    tables = sorted(groups.values(), key=_top_left)
    return [t for t in tables if len(t) > 1]


def _top_left(table: list[BBox]) -> tuple[float, float]:
    top, x0 = min((c[1], c[0]) for c in table)
    return top, x0


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
