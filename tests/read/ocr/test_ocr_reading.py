"""Scanned PDFs end to end: a corpus PDF rasterised at 200 dpi reads back to its golden cells.

The scan is built in the test (pdftoppm -r 200, then Pillow back into an image-only PDF).
OCR takes about 10 s a page on two cores, so the "done when" test reads the MOF document's
fourteen table pages (7–20: all nine golden tables, 492 cells) and is marked ``ocr``
(deselect with ``-m "not ocr"``); bench/bench_ocr.py measures all three documents in full.
"""

from __future__ import annotations

import io
import json

import pypdfium2 as pdfium
import pytest
from ocr_corpus import CORPUS, GOLDEN, make_scan, score

from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS
from yusuan.read.ocr import OcrSettings, ocr_pages, ocr_problems, read_pdf_ocr
from yusuan.read.pdf import read_pdf
from yusuan.read.pdf.fast import read_layouts

MOF = next(p for p in CORPUS if "mof" in p.stem)


def test_a_text_pdf_is_read_as_read_pdf_reads_it_without_ocr() -> None:
    data = MOF.read_bytes()
    layouts = list(read_layouts(str(MOF), data, DEFAULT_LIMITS))
    assert list(ocr_pages(str(MOF), data, layouts)) == layouts  # nothing image-only: nothing OCR'd
    reading, text = read_pdf_ocr(MOF), read_pdf(MOF)
    assert reading.lines == text.lines
    assert all(line.confidence is None for line in reading.lines)
    assert ocr_problems(reading) == []


def test_a_scan_that_is_not_a_disclosure_is_refused() -> None:
    scan = make_scan(MOF, first=1, last=1)  # the cover page: no table titles
    with pytest.raises(InputError, match="not a budget disclosure"):
        read_pdf_ocr("cover.pdf", scan)


@pytest.mark.ocr
def test_a_scan_reads_with_99_percent_of_golden_cells_exact_and_the_rest_listed() -> None:
    scan = make_scan(MOF, first=7, last=20)
    reading = read_pdf_ocr("mof-scan.pdf", scan)
    assert reading.profile == "shanghai"
    assert reading.image_only_pages == []
    assert all(layout.ocr for layout in reading.layouts)
    golden = json.loads((GOLDEN / f"{MOF.stem}.json").read_text(encoding="utf-8"))
    result = score(reading, golden, ocr_problems(reading))
    assert result.cells == 492
    assert result.exact_share >= 0.99, result.unflagged
    assert result.unflagged == []
    assert result.labels_wrong == []  # a code or name read wrong is listed too
    table_lines = [line for line in reading.lines if len(line.cells) > 1]
    assert table_lines and all(line.confidence is not None for line in table_lines)


def test_a_page_too_large_to_render_is_refused_before_ocr() -> None:
    scan = make_scan(MOF, first=20, last=20)
    with pytest.raises(InputError, match="page 1 too large"):
        read_pdf_ocr("big.pdf", scan, settings=OcrSettings(max_side_pixels=1000))


def test_a_pdf_with_one_scanned_page_reads_that_page_by_ocr_and_the_rest_as_text() -> None:
    """MOF's table pages 7–19 as text and its 三公 page 20 as a scan, in one PDF."""
    mixed = pdfium.PdfDocument.new()
    text = pdfium.PdfDocument(MOF)
    scan = pdfium.PdfDocument(make_scan(MOF, first=20, last=20))
    try:
        mixed.import_pages(text, list(range(6, 19)))
        mixed.import_pages(scan, [0])
        buffer = io.BytesIO()
        mixed.save(buffer)
    finally:
        for document in (mixed, text, scan):
            document.close()
    reading = read_pdf_ocr("mixed.pdf", buffer.getvalue())
    assert [layout.ocr for layout in reading.layouts] == [False] * 13 + [True]
    golden = json.loads((GOLDEN / f"{MOF.stem}.json").read_text(encoding="utf-8"))
    result = score(reading, golden, ocr_problems(reading))
    assert (result.cells, result.exact) == (492, 492)
    ocr_lines = [line for line in reading.lines if line.source.page == 14]
    assert ocr_lines and all(line.confidence is not None for line in ocr_lines)
    assert all(line.confidence is None for line in reading.lines if line.source.page != 14)
