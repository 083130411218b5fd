"""How a scanned page is read: resolution, the confidence below which a cell is listed, bounds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OcrSettings:
    dpi: int = 200  # a page is rendered at this resolution before OCR
    # A cell whose lowest character confidence is below this is listed as uncertain. On the three
    # corpus PDFs rasterised at 200 dpi every golden figure was read exactly, and this threshold
    # (with unread ink and code slips) listed 94 places, all read right (bench/bench_ocr.py).
    min_confidence: float = 0.95
    ink_threshold: int = 160  # grey level (0..255) below which a pixel is ink
    ruling_min_points: float = 12.0  # a dark run at least this long (in points) may be a ruling
    unread_ink_pixels: int = 25  # ink pixels in a cell outside its recognised text: text OCR missed
    max_side_pixels: int = 6000  # a page rendered larger than this is refused (memory bound)
    det_limit_side_len: int = 1600  # text detection runs on the page scaled to this longest side
    # A scan is refused as no disclosure once this many scanned pages (with any text pages) show
    # no fragment of any template's table titles, before the rest are recognised; a disclosure's
    # 目录 or first table comes well before (a cover, a 目录 and the 概况 take 3-4 pages).
    probe_pages: int = 6


DEFAULT_SETTINGS = OcrSettings()
