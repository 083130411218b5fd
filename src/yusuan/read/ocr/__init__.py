"""Scanned PDFs: pages without a text layer read by OCR, then the same table reading as text pages.

``read_pdf_ocr`` reads a PDF like ``read.pdf.read_pdf``; every page drawn as an image without
text (``PageLayout.image_only``) is rendered at ``OcrSettings.dpi`` and read with RapidOCR (the
ONNX models shipped inside its wheel: nothing is downloaded, see ``engine``). Its text boxes and
the rulings found in the image go through the text path's lattice, grids, stitching and
profile tables, so a scanned page yields the same ``Line``s and ``RawTable``s as a text page,
plus a confidence per cell (``Line.confidence``, ``RawRow.confidence``, ``Cell.confidence``).

``ocr_problems`` lists what a person must look at: every table cell below
``OcrSettings.min_confidence``, every cell where OCR read nothing although the image holds ink,
and classification codes that look like OCR slips (``slips``). A figure that does not parse is
UNREADABLE (``read.pdf.tables``), never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium

from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Deadline, Limits
from yusuan.read.ocr import recent
from yusuan.read.ocr.engine import OcrUnavailable, bundled_models
from yusuan.read.ocr.page import read_page_parts
from yusuan.read.ocr.settings import DEFAULT_SETTINGS, OcrSettings
from yusuan.read.ocr.slips import ocr_problems
from yusuan.read.pdf import PdfReading, load_pdf_bytes, reading_of
from yusuan.read.pdf.fast import read_layouts
from yusuan.read.pdf.lattice import TooManyRulings
from yusuan.read.pdf.layout import BBox, Glyph, PageLayout
from yusuan.read.pdf.reading import layout_lines
from yusuan.read.pdf.rendering import open_to_render
from yusuan.reference.profiles import load_profile, profile_ids

__all__ = [
    "DEFAULT_SETTINGS",
    "OcrSettings",
    "OcrUnavailable",
    "bundled_models",
    "ocr_page",
    "ocr_pages",
    "ocr_problems",
    "read_pdf_ocr",
    "render_page",
]


def render_page(page: pdfium.PdfPage, settings: OcrSettings) -> npt.NDArray[np.uint8]:
    """The page as displayed (crop box, /Rotate), greyscale, at ``settings.dpi``."""
    scale = settings.dpi / 72.0
    width, height = page.get_width() * scale, page.get_height() * scale
    if max(width, height) > settings.max_side_pixels:
        raise ValueError(f"{width:.0f} × {height:.0f} px")
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = np.array(bitmap.to_numpy(), dtype=np.uint8)
    finally:
        bitmap.close()
    if image.ndim == 3:
        image = image[:, :, 0] if image.shape[2] == 1 else image[:, :, :3].mean(axis=2).astype(np.uint8)
    return image


def ocr_page(
    name: str,
    page: pdfium.PdfPage,
    layout: PageLayout,
    settings: OcrSettings = DEFAULT_SETTINGS,
    limits: Limits = DEFAULT_LIMITS,
    document: str = "",
) -> tuple[PageLayout, list[Glyph], list[BBox]]:
    """One open image-only page (``layout`` its text-layer layout) read by OCR: its layout, and the
    glyphs and ruled cells that layout was built from; InputError when it is too large or dense.

    ``document``: the SHA-256 of the PDF's bytes (``recent.digest``), when known: the reading is
    kept in this process and a second call for the same page returns it (``read.ocr.recent``).
    """
    bound = limits.max_rulings_per_page
    if document:
        kept = recent.recall(document, layout.number, settings, bound)
        if kept is not None:
            return kept
    try:
        image = render_page(page, settings)
        parts = read_page_parts(layout.number, image, layout.width, layout.height, settings, bound)
    except (ValueError, TooManyRulings) as exc:
        raise InputError(
            name, f"第 {layout.number} 页过大或过密（{exc}）/ page {layout.number} too large ({exc})"
        ) from None
    if document:
        recent.remember(document, layout.number, settings, bound, parts)
    return parts


def ocr_pages(
    name: str,
    data: bytes,
    layouts: list[PageLayout],
    settings: OcrSettings = DEFAULT_SETTINGS,
    limits: Limits = DEFAULT_LIMITS,
    probe: bool = True,
) -> Iterator[PageLayout]:
    """The layouts with every image-only page replaced by its OCR reading (the others as they are).

    Within ``limits.max_ocr_seconds`` (checked between pages); with ``probe`` (no profile given) a
    scan whose first ``settings.probe_pages`` scanned pages hold nothing of any template's table
    titles is refused before the rest are recognised.
    """
    wanted = {layout.number for layout in layouts if layout.image_only}
    if not wanted:
        yield from layouts
        return
    try:
        bundled_models()
    except OcrUnavailable as exc:
        raise InputError(name, f"无法识别扫描页 / cannot OCR the scanned pages: {exc}") from None
    deadline = Deadline(name, limits, limits.max_ocr_seconds)
    digest = recent.digest(data)
    document = open_to_render(name, data, limits)
    done: list[PageLayout] = []
    try:
        for layout in layouts:
            if layout.number not in wanted:
                done.append(layout)
                yield layout
                continue
            deadline.check()  # between pages: one page takes seconds, a 60-page scan minutes
            if probe and sum(1 for d in done if d.ocr) == settings.probe_pages:
                _refuse_unless_disclosure(name, done, settings.probe_pages)
            page = document[layout.number - 1]
            try:
                done.append(ocr_page(name, page, layout, settings, limits, document=digest)[0])
                yield done[-1]
            finally:
                page.close()
    finally:
        document.close()


def _refuse_unless_disclosure(name: str, layouts: list[PageLayout], pages: int) -> None:
    text = "\n".join(line.text for line in layout_lines(name, sorted(layouts, key=lambda x: x.number)))
    if not any(load_profile(p).detect_score(text) for p in profile_ids()):
        raise InputError(
            name,
            f"前 {pages} 页扫描页未见任何模板的表名，不是预算公开文件（其余页未识别）"
            f" / not a budget disclosure: no template's table titles on the first {pages} scanned pages",
        )


def read_pdf_ocr(
    path: str | Path,
    data: bytes | None = None,
    *,
    profile: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    settings: OcrSettings = DEFAULT_SETTINGS,
) -> PdfReading:
    """``read.pdf.read_pdf`` with scanned (image-only) pages read by OCR instead of left unread."""
    name = str(path)
    data = load_pdf_bytes(path, data, limits)
    layouts = list(read_layouts(name, data, limits))
    return reading_of(name, list(ocr_pages(name, data, layouts, settings, limits, profile is None)), profile)
