"""A finding's place on a scanned page: found in the OCR reading, in the points of the page image.

The scan is built as the other OCR tests build it (pdftoppm -r 200, back into an image-only PDF):
MOF with its 三公 page (20) replaced by a scan of itself. Each cell of the table's row, and the
whole table, must be boxed where the text path boxes them on the original PDF, within a few points.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_corpus import CORPUS, with_scanned_page

from yusuan import api
from yusuan.model import Location
from yusuan.read.limits import DEFAULT_LIMITS
from yusuan.read.ocr import DEFAULT_SETTINGS, recent
from yusuan.read.pdf.layout import BBox
from yusuan.read.pdf.places import PdfPages, text_places
from yusuan.read.places import row_key

MOF = next(p for p in CORPUS if "mof" in p.stem)
PAGE = 20  # MOF's 三公 table
SLACK = 3.0  # points: OCR boxes come from the rendered image, the text path's from the drawing


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "mof-with-scanned-page.pdf"
    path.write_bytes(with_scanned_page(MOF, PAGE))
    return path


def _cells(path: Path) -> list[tuple[str, list[BBox], bool]]:
    """Each cell of the 三公 table's first row as placed on ``path``: column, boxes, exact."""
    disclosure = api.parse(path)
    table = disclosure.tables["three_public"]
    row = table.rows[0]
    assert row.source is not None and row.source.page == PAGE
    locations = [
        Location(table=table.id, row=row_key(row), column=c.label, page=PAGE, line=row.source.line)
        for c in table.columns
    ]
    whole = Location(table=table.id)
    shown = api.show_locations(path, disclosure, [*locations, whole])
    return [
        (
            str(location.column),
            [box for place in item.places for box in place.boxes],
            all(p.exact for p in item.places),
        )
        for location, item in zip([*locations, whole], shown, strict=True)
    ]


def _close(a: BBox, b: BBox) -> bool:
    return all(abs(x - y) <= SLACK for x, y in zip(a, b, strict=True))


@pytest.mark.ocr
def test_cells_on_a_scanned_page_are_boxed_where_the_text_path_boxes_them(scanned: Path) -> None:
    with PdfPages(str(scanned), scanned.read_bytes()) as pages:
        page = pages.page(PAGE)
        assert page.glyphs and page.grids, "the scanned page is cut from its OCR reading"
    on_scan, on_text = _cells(scanned), _cells(MOF)
    assert len(on_scan) == len(on_text) == 8  # seven columns and the whole table
    for (column, boxes, exact), (_, want, want_exact) in zip(on_scan, on_text, strict=True):
        assert exact and want_exact, column
        assert len(boxes) == len(want) == 1, column
        assert _close(boxes[0], want[0]), (column, boxes[0], want[0])


@pytest.mark.ocr
def test_the_boxed_cell_holds_its_figure_on_the_page_image(scanned: Path) -> None:
    """The 合计 cell's box, on the scan's own OCR glyphs, holds the figure the reader read there."""
    disclosure = api.parse(scanned)
    table = disclosure.tables["three_public"]
    row = table.rows[0]
    total = row.cells[0]
    assert total.amount is not None and row.source is not None
    where = Location(
        table=table.id, row=row_key(row), column=table.columns[0].label, page=PAGE, line=row.source.line
    )
    (shown,) = api.show_locations(scanned, disclosure, [where])
    (place,) = shown.places
    (box,) = place.boxes
    with PdfPages(str(scanned), scanned.read_bytes()) as pages:
        glyphs = pages.page(PAGE).glyphs
    inside = "".join(
        g.text
        for g in sorted(glyphs, key=lambda g: g.x0)
        if box[0] <= (g.x0 + g.x1) / 2 <= box[2] and box[1] <= (g.top + g.bottom) / 2 <= box[3]
    )
    assert inside.replace(",", "") == total.text.replace(",", "").strip()


@pytest.mark.ocr
def test_the_page_is_placed_from_the_readers_own_ocr_reading(scanned: Path) -> None:
    """Reading the scan keeps each page's OCR reading (read.ocr.recent); placing then uses it rather
    than recognising the page again, and a fresh recognition gives the same glyphs and cells."""
    recent.forget()
    api.parse(scanned)
    with PdfPages(str(scanned), scanned.read_bytes()) as pages:
        kept = pages.page(PAGE)
    data = scanned.read_bytes()
    remembered = recent.recall(
        recent.digest(data), PAGE, DEFAULT_SETTINGS, DEFAULT_LIMITS.max_rulings_per_page
    )
    assert remembered is not None and kept.glyphs is remembered[1], "placing used the reader's reading"
    recent.forget()
    with PdfPages(str(scanned), data) as pages:
        fresh = pages.page(PAGE)
    assert fresh.glyphs is not kept.glyphs
    assert (fresh.glyphs, fresh.cells, fresh.grids) == (kept.glyphs, kept.cells, kept.grids)
    other = b"%PDF-1.4 another document"
    recent.remember(recent.digest(other), 1, DEFAULT_SETTINGS, None, remembered)
    assert (
        recent.recall(recent.digest(data), PAGE, DEFAULT_SETTINGS, DEFAULT_LIMITS.max_rulings_per_page)
        is None
    )
    recent.forget()


@pytest.mark.ocr
def test_a_sentence_on_a_scanned_page_is_boxed_where_it_is_printed(scanned: Path) -> None:
    """The table's title, found among the scan's OCR glyphs: one box, over the printed line (the
    detector's text box hugs the ink, the font's box does not: a few points apart)."""
    title = api.parse(MOF).tables["three_public"].title
    assert "三公" in title
    boxes = []
    for path in (scanned, MOF):
        with PdfPages(str(path), path.read_bytes()) as pages:
            (place,) = text_places(pages, title, PAGE)
        assert place.page == PAGE and len(place.boxes) == 1
        boxes.append(place.boxes[0])
    on_scan, on_text = boxes
    assert all(abs(a - b) <= 4.0 for a, b in zip(on_scan, on_text, strict=True)), (on_scan, on_text)
