"""The reader's PDFium documents (C API alone) read what pypdfium2's helpers read, and share PDFium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from handmade_pdf import CATALOG, build_pdf, stream
from pdf_corpus import CORPUS, ROOT, corpus_pdf

from yusuan.read.pdf.pdfium_doc import Document, Page, PdfiumFailure

__all__ = ["corpus_pdf"]

MOF = next(p for p in CORPUS if "mof" in p.stem)

# Helvetica whose ToUnicode maps code 2 to U+0002, a control character PDFium keeps as a character
# but leaves out of the page's text (no text index): here two open the line and one closes it.
_CONTROL_CMAP = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
    "1 begincodespacerange <00> <FF> endcodespacerange\n"
    "3 beginbfchar <02> <0002> <41> <0041> <42> <0042> endbfchar\n"
    "endcmap CMapName currentdict /CMap defineresource pop end end"
)
CONTROL_ENDS = build_pdf(
    [
        CATALOG,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        stream("BT /F1 12 Tf 72 100 Td (\\002\\002AB\\002) Tj ET"),
        stream(_CONTROL_CMAP),
    ]
)
# Pages whose boxes come from the fallbacks: a crop box and /Rotate, only a media box, neither.
ODD_BOXES = build_pdf(
    [
        CATALOG,
        "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /CropBox [10 20 390 280] /Rotate 90 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [5 5 205 105] /Rotate 270 >>",
        "<< /Type /Page /Parent 2 0 R >>",
    ]
)


def _seen(page: pdfium.PdfPage | Page, text: str) -> tuple[object, ...]:
    """What the reader takes from a page: size, rotation, crop box (and its number types), text."""
    box = page.get_cropbox()
    return page.get_width(), page.get_height(), page.get_rotation(), box, tuple(map(type, box)), text


def _helper_reading(data: bytes) -> list[tuple[object, ...]]:
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(_seen(page, textpage.get_text_range()))
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


def _raw_reading(data: bytes) -> list[tuple[object, ...]]:
    document = Document(data)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_seen(page, textpage.text()))
                finally:
                    textpage.close()
            finally:
                page.close()
        return pages
    finally:
        document.close()


def test_corpus_pages_read_as_the_helpers_read_them(corpus_pdf: Path) -> None:
    data = corpus_pdf.read_bytes()
    raw = _raw_reading(data)
    assert raw == _helper_reading(data)
    assert sum(len(page[-1]) for page in raw) > 5000  # the text itself was compared, not empty pages


def test_boxes_and_rotation_from_the_fallbacks_as_the_helpers_give_them() -> None:
    raw = _raw_reading(ODD_BOXES)
    assert raw == _helper_reading(ODD_BOXES)
    assert [page[2:5] for page in raw] == [
        (90, (10.0, 20.0, 390.0, 280.0), (float,) * 4),
        (270, (5.0, 5.0, 205.0, 105.0), (float,) * 4),
        (0, (0, 0, 612, 792), (int,) * 4),  # pypdfium2's US Letter, ints as it gives them
    ]


def test_characters_without_a_text_index_at_either_end_are_trimmed_as_the_helpers_trim_them() -> None:
    document = pdfium.PdfDocument(CONTROL_ENDS)
    textpage = document[0].get_textpage()
    index_of = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    indices = [index_of(textpage, i) for i in range(textpage.count_chars())]
    assert indices == [-1, -1, 0, 1, -1]  # the case of pdfium bug 2079 is really built
    document.close()
    assert [page[-1] for page in _raw_reading(CONTROL_ENDS)] == ["AB"]
    assert _raw_reading(CONTROL_ENDS) == _helper_reading(CONTROL_ENDS)


@pytest.mark.parametrize(
    "data",
    [
        build_pdf(
            [
                CATALOG,
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                f"<< /Filter /Standard /V 1 /R 2 /O <{'11' * 32}> /U <{'22' * 32}> /P -4 >>",
            ],
            f"/Encrypt 4 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>] ",
        ),
        build_pdf([CATALOG, "<< /Type /Pages /Kids [] /Count 0 >>"]),
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
        b"",
    ],
    ids=["encrypted", "zero-pages", "corrupt", "empty"],
)
def test_a_document_that_does_not_open_carries_the_helpers_error_code(data: bytes) -> None:
    with pytest.raises(pdfium.PdfiumError) as helper:
        pdfium.PdfDocument(data)
    with pytest.raises(PdfiumFailure) as raw:
        Document(data)
    assert raw.value.code == helper.value.err_code


def test_a_missing_page_is_a_failure_not_a_crash() -> None:
    document = Document(MOF.read_bytes())
    try:
        with pytest.raises(PdfiumFailure):
            document[len(document)]
    finally:
        document.close()


_SHARED = """
import sys
from pathlib import Path
from yusuan.read.limits import DEFAULT_LIMITS
from yusuan.read.pdf.fast import open_document, read_layouts
pdf = Path(sys.argv[1])
data = pdf.read_bytes()
if sys.argv[2] == "helpers-first":
    import pypdfium2
first = next(read_layouts(str(pdf), data, DEFAULT_LIMITS))  # a reading left half done
assert first.grids or first.text_rows
import pypdfium2
from yusuan import api
png = api.render_page_png(pdf, 10, 0.5)
assert png.startswith(b"\\x89PNG")
assert len(list(read_layouts(str(pdf), data, DEFAULT_LIMITS))) == 21
left_open = open_document(str(pdf), data, DEFAULT_LIMITS)  # still open when pypdfium2 ends PDFium
pending = read_layouts(str(pdf), data, DEFAULT_LIMITS)
next(pending)
print("done", len(left_open))
"""


@pytest.mark.parametrize("order", ["reader-first", "helpers-first"])
def test_pdfium_is_shared_with_the_helpers_and_outlives_open_documents(order: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SHARED, str(MOF), order],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "done 21\n", "")
