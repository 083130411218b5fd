"""PDF documents, pages and text pages on PDFium's C API (``pypdfium2_raw``) alone.

The reader needs little of pypdfium2's helper package (``pypdfium2``): open a document from bytes,
count and load its pages, a page's size, rotation and crop box, its text page and the page's text.
Importing the helpers costs a process about twice the CPU of the raw bindings, so ``yusuan check``
reads through these few classes; page images (the workbench, OCR) still use the helpers
(``read.pdf.rendering``). Each class does what the helper of the same job does, call for call,
so the values read are the same; ``TextPage.text`` is ``PdfTextPage.get_text_range()``.

The library is initialised once, the way pypdfium2 does it (``FPDF_InitLibraryWithConfig``,
config version 2). PDFium ignores a second initialisation, so a process that imports pypdfium2
afterwards (or before) shares the one library. Only pypdfium2 ever destroys it, at exit; a
document still open then is left to the exiting process rather than closed on a destroyed library.

Every handle is closed by its owner in ``finally`` blocks (text page, then page, then document);
nothing here closes on garbage collection.
"""

from __future__ import annotations

import codecs
import ctypes
import sys
import threading
from typing import Any

import pypdfium2_raw as pdfium_c

_ready = False
_init_lock = threading.Lock()


class PdfiumFailure(Exception):
    """A PDFium call reported failure; ``code`` is PDFium's last error when opening a document."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


def _init_library() -> None:
    global _ready
    with _init_lock:  # PDFium's own once-only flag is not guarded against threads
        if _ready:
            return
        config = pdfium_c.FPDF_LIBRARY_CONFIG(
            version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
        )
        pdfium_c.FPDF_InitLibraryWithConfig(config)
        _ready = True


def _library_destroyed() -> bool:
    """True once pypdfium2 has destroyed the library (its exit handler); closing then would crash."""
    bases = sys.modules.get("pypdfium2.internal.bases")
    return bases is not None and not getattr(bases, "LIBRARY_AVAILABLE", True)


class Document:
    """An open PDF; ``data`` is kept alive as long as the document (PDFium reads it in place)."""

    __slots__ = ("_data", "raw")

    def __init__(self, data: bytes) -> None:
        _init_library()
        raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
        # As pypdfium2 decides it: a document without pages did not load either.
        if pdfium_c.FPDF_GetPageCount(raw) < 1:
            code = int(pdfium_c.FPDF_GetLastError())
            if raw:
                pdfium_c.FPDF_CloseDocument(raw)
            raise PdfiumFailure("Failed to load document.", code)
        self.raw: Any = raw
        self._data = data

    def __len__(self) -> int:
        return int(pdfium_c.FPDF_GetPageCount(self.raw))

    def __getitem__(self, index: int) -> Page:
        """Page ``index`` (0-based), to be closed by the caller before the document."""
        raw = pdfium_c.FPDF_LoadPage(self.raw, index)
        if not raw:
            raise PdfiumFailure("Failed to load page.")
        return Page(raw)

    def close(self) -> None:
        if self.raw is not None:
            if not _library_destroyed():
                pdfium_c.FPDF_CloseDocument(self.raw)
            self.raw = None
            self._data = b""


class Page:
    """A loaded page: its size, rotation and crop box as pypdfium2's ``PdfPage`` gives them."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any) -> None:
        self.raw: Any = raw

    def get_width(self) -> float:
        return float(pdfium_c.FPDF_GetPageWidthF(self.raw))

    def get_height(self) -> float:
        return float(pdfium_c.FPDF_GetPageHeightF(self.raw))

    def get_rotation(self) -> int:
        """Clockwise rotation in degrees (0, 90, 180, 270)."""
        quarter = pdfium_c.FPDFPage_GetRotation(self.raw)
        if quarter not in (0, 1, 2, 3):
            raise PdfiumFailure("Failed to get page rotation.")
        return int(quarter) * 90

    def _box(self, function: Any) -> tuple[float, float, float, float] | None:
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if not function(self.raw, left, bottom, right, top):
            return None
        return left.value, bottom.value, right.value, top.value

    def get_cropbox(self) -> tuple[float, float, float, float]:
        """The crop box, else the media box, else US Letter (0, 0, 612, 792): pypdfium2's fallbacks."""
        box = self._box(pdfium_c.FPDFPage_GetCropBox) or self._box(pdfium_c.FPDFPage_GetMediaBox)
        return box if box is not None else (0, 0, 612, 792)

    def get_textpage(self) -> TextPage:
        raw = pdfium_c.FPDFText_LoadPage(self.raw)
        if not raw:
            raise PdfiumFailure("Failed to load text page.")
        return TextPage(raw)

    def close(self) -> None:
        if self.raw is not None:
            if not _library_destroyed():
                pdfium_c.FPDF_ClosePage(self.raw)
            self.raw = None


class TextPage:
    """A page's text: PDFium's characters, in its order."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any) -> None:
        self.raw: Any = raw

    def text(self) -> str:
        """Every character's text, as ``PdfTextPage.get_text_range()`` reads it (UTF-16 decoded,
        errors ignored).

        PDFium leaves characters without a text index (generated ones it drops) out of the
        text, and when such characters open or close the range it reads past the range's end
        (pdfium bug 2079). As pypdfium2 does, the range is narrowed to its first and last
        characters that have a text index, and the buffer sized from those text indices.
        """
        count = pdfium_c.FPDFText_CountChars(self.raw)
        if count == -1:
            raise PdfiumFailure("Failed to get character count.")
        text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
        first, last = 0, count - 1
        while first <= last and text_index(self.raw, first) == -1:
            first += 1
        if first > last:
            return ""
        t_start = text_index(self.raw, first)
        while text_index(self.raw, last) == -1:  # stops at ``first`` at the latest
            last -= 1
        t_end = text_index(self.raw, last)
        size = t_end + 2 - t_start  # with the NUL terminator
        buffer = (ctypes.c_ushort * size)()
        written = pdfium_c.FPDFText_GetText(self.raw, first, last + 1 - first, buffer)
        if written > size:
            raise PdfiumFailure(f"Buffer too small: {size} vs {written}")
        return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")

    def close(self) -> None:
        if self.raw is not None:
            if not _library_destroyed():
                pdfium_c.FPDFText_ClosePage(self.raw)
            self.raw = None
