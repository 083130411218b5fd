"""Corpus pages rendered as a scan would be (shared by the OCR tests), each rendered once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium

from yusuan.read.ocr import DEFAULT_SETTINGS, render_page

ROOT = Path(__file__).resolve().parents[3]
MOF = ROOT / "tests" / "corpus" / "shanghai-mof-bureau-2025-unit-budget.pdf"
THREE_PUBLIC_PAGE = 20  # MOF's 三公 table: one small ruled table with a merged header


@cache
def page_image(pdf: Path, number: int) -> tuple[npt.NDArray[np.uint8], float, float]:
    """Page ``number`` (1-based) rendered at the OCR resolution, with its size in points."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[number - 1]
        image = render_page(page, DEFAULT_SETTINGS)
        return image, page.get_width(), page.get_height()
    finally:
        document.close()
