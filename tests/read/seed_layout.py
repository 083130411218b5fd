"""The seed laid out as a document (paragraphs and tables) for the DOCX, XLSX and HTML tests.

Each text line of the seed becomes a paragraph, or, when it holds tab stops, a row of a table
(consecutive such lines make one table, padded to its widest row). Header lines (every table
line that the golden does not record as a row) get merged cells the way published tables
have them: a cell followed by empty cells spans them; a cell above an empty one spans both.
Expanding the merges gives back the seed's cells, so a reader that expands merges correctly
reads back the seed's tables exactly: the golden (tests/golden/seed/expected.json) holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yusuan.model import Amount, AmountError, Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read.text import split_lines

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
GOLDEN = ROOT / "tests" / "golden" / "seed" / "expected.json"

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (grid indices)


@dataclass
class Paragraph:
    line: int
    text: str


@dataclass
class Grid:
    lines: list[int]
    rows: list[list[str]]
    data: list[bool]  # a row the golden records (figures), not a header line
    merges: list[Merge] = field(default_factory=list)

    def covered(self) -> set[tuple[int, int]]:
        """Grid positions inside a merge other than its first cell."""
        return {
            (r, c)
            for r0, c0, r1, c1 in self.merges
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }

    def span(self, r: int, c: int) -> tuple[int, int]:
        """(rows, columns) of the merge starting at (r, c); (1, 1) when none does."""
        for r0, c0, r1, c1 in self.merges:
            if (r0, c0) == (r, c):
                return r1 - r0 + 1, c1 - c0 + 1
        return 1, 1


Block = Paragraph | Grid


def figure(text: str) -> Amount | None:
    """The amount a data cell prints (a figure with decimals; codes stay text), else None."""
    if "." not in text:
        return None
    try:
        return Amount.parse(text)
    except AmountError:
        return None


def _plan_merges(grid: Grid) -> None:
    width = len(grid.rows[0])
    used: set[tuple[int, int]] = set()
    for r, row in enumerate(grid.rows):
        if grid.data[r]:
            continue
        c = 0
        while c < width:
            end = c
            while row[c].strip() and end + 1 < width and not row[end + 1].strip():
                end += 1
            if end > c:
                grid.merges.append((r, c, r, end))
                used.update((r, k) for k in range(c, end + 1))
            c = end + 1
    for r in range(len(grid.rows) - 1):
        if grid.data[r] or grid.data[r + 1]:
            continue
        for c in range(width):
            below = (r + 1, c)
            if (
                grid.rows[r][c].strip()
                and not grid.rows[r + 1][c].strip()
                and (r, c) not in used
                and below not in used
            ):
                grid.merges.append((r, c, r + 1, c))
                used.update({(r, c), below})


def layout() -> list[Block]:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    data_lines = {row["line"] for table in golden["tables"] for row in table["rows"]}
    blocks: list[Block] = []
    for line in split_lines(str(SEED), SEED.read_text(encoding="utf-8")):
        number = line.source.line or 0
        if len(line.cells) == 1:
            blocks.append(Paragraph(number, line.cells[0]))
            continue
        last = blocks[-1] if blocks else None
        if not isinstance(last, Grid):
            last = Grid([], [], [])
            blocks.append(last)
        last.lines.append(number)
        last.rows.append(list(line.cells))
        last.data.append(number in data_lines)
    for block in blocks:
        if isinstance(block, Grid):
            width = max(len(row) for row in block.rows)
            for row in block.rows:
                row.extend([""] * (width - len(row)))
            _plan_merges(block)
    return blocks


def tables_against_golden(read: Disclosure, golden: dict[str, Any], lines: bool) -> int:
    """Assert the 13 tables equal the golden cell by cell; the number of cells compared.

    ``lines``: also compare each row's line with the golden's (a format whose Lines are
    numbered as the seed's text lines).
    """
    mine = {t["id"]: t for t in disclosure_to_json(read)["tables"]}
    assert list(mine) == [t["id"] for t in golden["tables"]]
    compared = 0
    for expected in golden["tables"]:
        table = mine[expected["id"]]
        for key in ("title", "number", "unit", "unit_name"):
            assert table[key] == expected[key], (expected["id"], key)
        assert [c["key"] for c in table["columns"]] == expected["columns"]
        assert ["".join(n.split()) for n in table["notes"]] == ["".join(n.split()) for n in expected["notes"]]
        assert len(table["rows"]) == len(expected["rows"]), expected["id"]
        for row, want in zip(table["rows"], expected["rows"], strict=True):
            where = (expected["id"], want["line"])
            assert (row["code"], row["name"], row["side"], row["labels"]) == (
                want["code"],
                want["name"],
                want["side"],
                want["labels"],
            ), where
            assert row["cells"] == want["cells"], where
            if lines:
                assert row["source"]["line"] == want["line"], where
            compared += len(want["cells"])
    return compared


def without_sources(value: Any) -> Any:
    """A Disclosure's JSON with every source and line left out, and white space squeezed."""
    if isinstance(value, dict):
        return {
            k: without_sources(v)
            for k, v in value.items()
            if k not in ("source", "source_file", "line", "end_line", "length")
        }
    if isinstance(value, list):
        return [without_sources(v) for v in value]
    if isinstance(value, str):
        return "".join(value.split())
    return value
