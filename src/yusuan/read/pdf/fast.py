"""The fast extractor: PDF bytes -> PageLayout per page, on PDFium's C API (``pdfium_doc``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2_raw as pdfium_c

from yusuan.read.errors import InputError
from yusuan.read.limits import Limits
from yusuan.read.pdf.grids import build_grid, outside_grids
from yusuan.read.pdf.lattice import TooManyRulings, find_tables
from yusuan.read.pdf.layout import BBox, Glyph, PageLayout
from yusuan.read.pdf.pdfium_doc import Document, Page, PdfiumFailure
from yusuan.read.pdf.pdfium_page import Display, PageTooLarge, page_edges, page_glyphs
from yusuan.read.pdf.textrows import text_rows

_NO_PAGES = re.compile(rb"/Count\s+0\b")
_SOME_PAGES = re.compile(rb"/Count\s+[1-9]")


def unopened(name: str, data: bytes, code: int | None) -> InputError:
    """Why PDFium could not open ``data`` (``code``: its last error): encrypted, empty or corrupt."""
    # PDFium's error code outlives the call that set it, so the bytes confirm it.
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
        return InputError(name, "PDF 已加密，需要密码 / the PDF is encrypted (password required)")
    if _NO_PAGES.search(data) and not _SOME_PAGES.search(data):
        return InputError(name, "PDF 没有页面 / the PDF has no pages")
    return InputError(name, "PDF 文件损坏，无法打开 / corrupt PDF, cannot be opened")


def too_many_pages(name: str, pages: int, limits: Limits) -> InputError | None:
    """The refusal of an opened document's page count (none, or more than the limit), if any."""
    if pages == 0:
        return InputError(name, "PDF 没有页面 / the PDF has no pages")
    if pages > limits.max_pages:
        return InputError(
            name,
            f"PDF 共 {pages} 页，超过上限 {limits.max_pages} 页 / "
            f"{pages} pages, more than the limit of {limits.max_pages}",
        )
    return None


def open_document(name: str, data: bytes, limits: Limits) -> Document:
    """Open a PDF, refusing encrypted, corrupt, empty and oversized documents with InputError."""
    try:
        document = Document(data)
    except PdfiumFailure as exc:
        raise unopened(name, data, exc.code) from None
    refusal = too_many_pages(name, len(document), limits)
    if refusal is not None:
        document.close()
        raise refusal
    return document


def page_layout(
    name: str, page: Page, number: int, limits: Limits
) -> tuple[PageLayout, list[Glyph], list[BBox]]:
    """One open page's layout (``number`` 1-based), the glyphs and the ruled cells it was built from
    (a merged cell is one box)."""
    height = page.get_height()
    width = page.get_width()
    try:
        display = Display(page)
        glyphs = page_glyphs(page, display, limits)
        edges, images = page_edges(page, display, limits)
        tables = find_tables(edges, limits.max_rulings_per_page)
    except (PageTooLarge, TooManyRulings) as exc:
        raise InputError(name, f"第 {number} 页内容过多（{exc}）/ page {number} too large ({exc})") from None
    except PdfiumFailure:
        raise InputError(name, f"第 {number} 页损坏，无法读取 / page {number} is corrupt") from None
    grids = tuple(build_grid(number, cells, glyphs) for cells in tables)
    rows = tuple(text_rows(outside_grids(glyphs, grids)))
    layout = PageLayout(number, width, height, grids, rows, len(glyphs), images)
    return layout, glyphs, [cell for cells in tables for cell in cells]


def open_page(name: str, document: Document, index: int) -> Page:
    """Page ``index`` (0-based) of an open document; InputError when it is corrupt."""
    try:
        return document[index]
    except PdfiumFailure:
        raise InputError(name, f"第 {index + 1} 页损坏，无法读取 / page {index + 1} is corrupt") from None


def read_layouts(name: str, data: bytes, limits: Limits) -> Iterator[PageLayout]:
    document = open_document(name, data, limits)
    try:
        for index in range(len(document)):
            page = open_page(name, document, index)
            try:
                yield page_layout(name, page, index + 1, limits)[0]
            finally:
                page.close()
    finally:
        document.close()
