"""The OCR readings of the last scanned PDF read in this process, page by page.

Placing a finding on a scanned page (``read.pdf.places``) needs the glyphs and ruled cells of
that page's OCR reading. The reader has just made it (the workbench's worker reads, checks and
places in one process), and recognising the page again takes seconds: so ``read.ocr.ocr_page``
keeps what it read here, by the SHA-256 of the PDF's bytes, the page and the settings, and gives
it back instead of reading again. Only the last document is kept (a new one clears the rest):
the memory of one document's glyphs, nothing that grows with the number of documents read.
The same page of the same bytes under the same settings reads the same either way.
"""

from __future__ import annotations

import hashlib
from threading import Lock

from yusuan.read.ocr.settings import OcrSettings
from yusuan.read.pdf.layout import BBox, Glyph, PageLayout

Parts = tuple[PageLayout, list[Glyph], list[BBox]]
_Key = tuple[int, OcrSettings, int | None]  # page, settings, the lattice's bound

_lock = Lock()
_document = ""
_pages: dict[_Key, Parts] = {}


def digest(data: bytes) -> str:
    """What names a PDF here: the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


def recall(document: str, number: int, settings: OcrSettings, max_rulings: int | None) -> Parts | None:
    """The reading of page ``number`` of ``document`` kept here; None when it is not."""
    with _lock:
        return _pages.get((number, settings, max_rulings)) if document == _document else None


def remember(
    document: str, number: int, settings: OcrSettings, max_rulings: int | None, parts: Parts
) -> None:
    """Keep the reading of page ``number`` of ``document``; another document's are let go."""
    global _document
    with _lock:
        if document != _document:
            _pages.clear()
            _document = document
        _pages[(number, settings, max_rulings)] = parts


def forget() -> None:
    """Let every kept reading go."""
    global _document
    with _lock:
        _pages.clear()
        _document = ""
