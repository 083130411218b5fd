"""A PDF opened to draw its pages: pypdfium2's helper package, which renders page images.

Reading (``fast``) goes through PDFium's C API alone (``pdfium_doc``), so ``yusuan check`` does not
import the helpers; the page images of the workbench (``api.render_page_png``) and of OCR
(``read.ocr``) need ``PdfPage.render``. A document opened here is refused exactly as
``fast.open_document`` refuses it (the same messages), and the two share the one PDFium library.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from yusuan.read.errors import InputError
from yusuan.read.limits import Limits
from yusuan.read.pdf.fast import too_many_pages, unopened


def open_to_render(name: str, data: bytes, limits: Limits) -> pdfium.PdfDocument:
    """Open a PDF with the helpers, refusing encrypted, corrupt, empty and oversized documents."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise unopened(name, data, getattr(exc, "err_code", None)) from None
    refusal = too_many_pages(name, len(document), limits)
    if refusal is not None:
        document.close()
        raise refusal
    return document


def page_to_render(name: str, document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """Page ``index`` (0-based) of a document opened by ``open_to_render``; InputError when corrupt."""
    try:
        return document[index]
    except pdfium.PdfiumError:
        raise InputError(name, f"第 {index + 1} 页损坏，无法读取 / page {index + 1} is corrupt") from None
