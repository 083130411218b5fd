"""The fast extractor: PDF bytes -> PageLayout per page, on pypdfium2 alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yusuan.read.errors import InputError
from yusuan.read.limits import Limits
from yusuan.read.pdf.grids import build_grid, outside_grids
from yusuan.read.pdf.lattice import TooManyRulings, find_tables
from yusuan.read.pdf.layout import BBox, Glyph, PageLayout
from yusuan.read.pdf.pdfium_page import Display, PageTooLarge, page_edges, page_glyphs
from yusuan.read.pdf.textrows import text_rows

_NO_PAGES = re.compile(rb"/Count\s+0\b")
_SOME_PAGES = re.compile(rb"/Count\s+[1-9]")


def open_document(name: str, data: bytes, limits: Limits) -> pdfium.PdfDocument:
    """Open a PDF, refusing encrypted, corrupt, empty and oversized documents with InputError."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's error code outlives the call that set it, so the bytes confirm it.
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
            raise InputError(
                name, "PDF 已加密，需要密码 / the PDF is encrypted (password required)"
            ) from None
        if _NO_PAGES.search(data) and not _SOME_PAGES.search(data):
            raise InputError(name, "PDF 没有页面 / the PDF has no pages") from None
        raise InputError(name, "PDF 文件损坏，无法打开 / corrupt PDF, cannot be opened") from None
    pages = len(document)
    if pages == 0:
        document.close()
        raise InputError(name, "PDF 没有页面 / the PDF has no pages")
    if pages > limits.max_pages:
        document.close()
        raise InputError(
            name,
            f"PDF 共 {pages} 页，超过上限 {limits.max_pages} 页 / "
            f"{pages} pages, more than the limit of {limits.max_pages}",
        )
    return document


def page_layout(
    name: str, page: pdfium.PdfPage, number: int, limits: Limits
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
    grids = tuple(build_grid(number, cells, glyphs) for cells in tables)
    rows = tuple(text_rows(outside_grids(glyphs, grids)))
    layout = PageLayout(number, width, height, grids, rows, len(glyphs), images)
    return layout, glyphs, [cell for cells in tables for cell in cells]


def open_page(name: str, document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """Page ``index`` (0-based) of an open document; InputError when it is corrupt."""
    try:
        return document[index]
    except pdfium.PdfiumError:
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
