"""children_by_code (every code's sub-items in one pass) against children_of, code by code."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.check.figures import children_by_code, children_of, code_lengths, coded_rows
from yusuan.model import Cell, Row
from yusuan.read import read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PDFS = sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "final").glob("*.pdf"))


def _same_children(rows: list[Row]) -> int:
    lengths = code_lengths(rows)
    children = children_by_code(rows, lengths)
    pairs = 0
    for row in rows:
        assert row.code is not None
        expected = children_of(rows, row.code, lengths)
        assert children.get(row.code, []) == expected, row.code
        pairs += len(expected)
    return pairs


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_every_code_gets_the_sub_items_children_of_gives(path: Path) -> None:
    counted = 0
    for table in read_document(path).tables.values():
        for side in sorted({r.side for r in table.rows}, key=str):
            counted += _same_children([r for r in coded_rows(table) if r.side == side])
    assert counted > 0


def test_gaps_and_repeated_codes() -> None:
    """A 项 with no 款 printed, a code printed twice, a code no shorter code starts."""
    codes = ["201", "20101", "2010101", "2010102", "20101", "2010103", "205", "2050101", "208", "20899"]
    rows = [Row(name=c, cells=[Cell("")], code=c) for c in codes]
    assert _same_children(rows) == 9  # 201: 2, 20101 (twice): 3 each, 208: 1
