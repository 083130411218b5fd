"""Where names, codes, labels and figures sit in a table line, by the profile's layout.

A layout reads one line of cells into one or two raw rows (side-by-side tables hold an
income item and an expenditure item on the same printed line). Positions follow from the
profile's columns: no layout knows a table's width in advance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.model import looks_like_code
from yusuan.read.assemble.text import squeeze
from yusuan.reference.profiles import TableSpec

LAYOUTS = ("coded", "named", "economic", "labelled", "record", "side_by_side", "side_by_side_coded")


@dataclass
class RawRow:
    """A table row as laid out, before its amounts are read."""

    name: str
    values: list[str]  # one per column of the row's side, in profile order
    code: str | None = None
    side: str | None = None
    labels: list[str] = field(default_factory=list)
    stray_code: str = ""  # text in the code column that is not a code

    @property
    def present(self) -> bool:
        return bool(self.name or self.code or self.stray_code or any(v.strip() for v in self.values))


def _take(cells: list[str], start: int, count: int) -> list[str]:
    chunk = cells[start : start + count]
    return [c.strip() for c in chunk] + [""] * (count - len(chunk))


def _coded(cells: list[str], start: int, count: int) -> tuple[RawRow, int]:
    first, name = (c.strip() for c in _take(cells, start, 2))
    code: str | None = None
    stray = ""
    if looks_like_code(squeeze(first)):
        code = squeeze(first)
    elif first and not name:
        name = first  # a merged 编码+名称 cell such as "合计"
    elif first:
        stray = first
    values = _take(cells, start + 2, count)
    return RawRow(name=name, values=values, code=code, stray_code=stray), start + 2 + count


def _code_first(cells: list[str]) -> bool:
    """The line starts with a code column: a code, or blank before a name ("" | 合计)."""
    first = squeeze(cells[0]) if cells else ""
    return looks_like_code(first) or (not first and len(cells) > 1 and bool(cells[1].strip()))


def _sides(spec: TableSpec) -> tuple[int, int]:
    first = sum(1 for c in spec.columns if c.side == spec.columns[0].side)
    return first, len(spec.columns) - first


def side_names(spec: TableSpec) -> tuple[str, str]:
    """The two sides of a side-by-side table, left first: income and expenditure, unless the
    profile names them otherwise (the 决算's basic expenditure table: personnel | public)."""
    left = spec.columns[0].side or "income"
    right = next((c.side for c in spec.columns if c.side and c.side != left), "expenditure")
    return left, right


def side_blocks(spec: TableSpec) -> list[tuple[str, int]]:
    """Each side of a side-by-side table in printed order and its number of amount columns."""
    order: dict[str, int] = {}
    for column in spec.columns:
        side = column.side or "expenditure"
        order[side] = order.get(side, 0) + 1
    return list(order.items())


def split_line(cells: list[str], spec: TableSpec) -> tuple[list[RawRow], list[str]]:
    """The rows printed on one line and the cells left over beyond the table's width."""
    n = len(spec.columns)
    layout = spec.layout
    if layout == "coded":
        row, end = _coded(cells, 0, n)
        rows = [row]
    elif layout == "named":
        rows = [RawRow(name=cells[0].strip() if cells else "", values=_take(cells, 1, n))]
        end = 1 + n
    elif layout == "economic" and not spec.labels and (spec.code_columns == 1 or _code_first(cells)):
        row, end = _coded(cells, 0, n)  # 科目编码 | 科目名称 | figures, as a coded table
        rows = [row]
    elif layout == "economic":
        k = len(spec.labels)
        rows = [
            RawRow(
                name=cells[0].strip() if cells else "",
                labels=_take(cells, 1, k),
                values=_take(cells, 1 + k, n),
            )
        ]
        end = 1 + k + n
    elif layout == "record":
        # one line of figures under a header, no row name (the 三公 table of Shanghai, Jiangsu)
        rows = [RawRow(name="", values=_take(cells, 0, n))]
        end = n
    elif layout == "labelled":
        # label columns (采购品目大类, 专项名称 …), then figures; the row is named by its
        # most specific label (the rightmost printed one)
        k = len(spec.labels)
        labels = _take(cells, 0, k)
        name = next((text for text in reversed(labels) if text), "")
        rows = [RawRow(name=name, labels=labels, values=_take(cells, k, n))]
        end = k + n
    elif layout == "side_by_side":
        rows, end = [], 0
        for side, count in side_blocks(spec):
            rows.append(RawRow(name=_take(cells, end, 1)[0], values=_take(cells, end + 1, count), side=side))
            end += 1 + count
    elif layout == "side_by_side_coded":
        n_in, n_out = _sides(spec)
        income, out_at = _coded(cells, 0, n_in)
        expenditure, end = _coded(cells, out_at, n_out)
        income.side, expenditure.side = side_names(spec)
        rows = [income, expenditure]
    else:
        raise ValueError(f"未知的表格版式 / unknown table layout: {layout!r}")
    leftover = [c.strip() for c in cells[end:] if c.strip()]
    return [row for row in rows if row.present], leftover
