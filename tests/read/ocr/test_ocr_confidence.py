"""An OCR'd page's confidence travels the text path: grid, text rows, lines, stitched rows, cells."""

from __future__ import annotations

from yusuan.read.pdf.grids import build_grid
from yusuan.read.pdf.layout import Glyph, Grid, PageLayout, TextRow
from yusuan.read.pdf.rawtable import RawRow, RawTable
from yusuan.read.pdf.reading import layout_lines
from yusuan.read.pdf.stitch import stitch_tables
from yusuan.read.pdf.tables import to_table
from yusuan.read.pdf.textrows import text_rows
from yusuan.reference.profiles import load_profile


def _glyph(text: str, x: float, top: float) -> Glyph:
    return Glyph(text, x, top, x + 8.0, top + 10.0)


def test_a_cell_keeps_the_lowest_confidence_of_its_glyphs() -> None:
    cells = [
        (0.0, 0.0, 50.0, 20.0),
        (50.0, 0.0, 100.0, 20.0),
        (0.0, 20.0, 50.0, 40.0),
        (50.0, 20.0, 100.0, 40.0),
    ]
    a, b, c = _glyph("1", 5.0, 5.0), _glyph("2", 15.0, 5.0), _glyph("x", 55.0, 25.0)
    grid = build_grid(1, cells, [a, b, c], {a: 0.99, b: 0.6, c: 0.97})
    assert grid.rows == (("12", ""), ("", "x"))
    assert grid.confidence == ((0.6, None), (None, 0.97))
    assert build_grid(1, cells, [a, b, c]).confidence is None  # a text page: exact, no confidence


def test_text_rows_keep_a_confidence_per_cell() -> None:
    a, b, far = _glyph("单", 0.0, 0.0), _glyph("位", 8.0, 0.0), _glyph("元", 200.0, 0.0)
    (row,) = text_rows([a, b, far], {a: 0.9, b: 0.8, far: 1.0})
    assert row.cells == ("单位", "元")
    assert row.confidence == (0.8, 1.0)
    assert text_rows([a, b, far])[0].confidence is None


def _ocr_page() -> PageLayout:
    rows: tuple[tuple[str | None, ...], ...] = (
        ("项目", "合计", "基本支出", "项目支出"),
        ("201", "一般公共服务支出", "3", "2"),
    )
    xs = (0.0, 40.0, 140.0, 190.0)
    boxes = ((0.0, 100.0, 240.0, 110.0), (0.0, 110.0, 240.0, 120.0))
    confidence = ((1.0, 1.0, 1.0, 1.0), (0.99, 0.98, 0.5, None))
    grid = Grid(1, (0.0, 100.0, 240.0, 120.0), xs, rows, boxes, confidence)
    title = TextRow(("2025年部门支出预算总表",), (0.0, 50.0, 200.0, 60.0), (0.97,))
    return PageLayout(1, 842.0, 595.0, (grid,), (title,), 20, 1, ocr=True)


def test_lines_stitched_rows_and_cells_carry_it() -> None:
    page = _ocr_page()
    lines = layout_lines("scan.pdf", [page])
    assert [line.confidence for line in lines] == [(0.97,), (1.0, 1.0, 1.0, 1.0), (0.99, 0.98, 0.5, 1.0)]
    (raw,) = stitch_tables([page])
    assert raw.body[0].confidence == (0.99, 0.98, 0.5, None)
    assert not page.image_only


def test_a_text_page_has_no_confidence_anywhere() -> None:
    rows: tuple[tuple[str | None, ...], ...] = (("项目", "合计"), ("一般公共服务支出", "3"))
    grid = Grid(
        1, (0.0, 0.0, 80.0, 20.0), (0.0, 40.0), rows, ((0.0, 0.0, 80.0, 10.0), (0.0, 10.0, 80.0, 20.0))
    )
    page = PageLayout(1, 842.0, 595.0, (grid,), (TextRow(("支出表",), (0.0, -20.0, 80.0, -10.0)),), 10)
    assert all(line.confidence is None for line in layout_lines("text.pdf", [page]))
    (raw,) = stitch_tables([page])
    assert raw.body[0].confidence is None


def test_table_cells_carry_the_confidence_of_their_slot() -> None:
    profile = load_profile("shanghai")
    spec = profile.table("three_public")
    assert spec is not None and spec.layout == "record"
    n = len(spec.columns)
    raw = RawTable(title=spec.title, xs=tuple(float(i) for i in range(n)))
    scores = tuple([0.5] + [1.0] * (n - 1))
    raw.body.append(RawRow(tuple(["1.00"] * n), 1, (0.0, 0.0, 10.0, 10.0), scores))
    table = to_table(raw, spec, profile, "scan.pdf")
    assert [c.confidence for c in table.rows[0].cells] == list(scores)
