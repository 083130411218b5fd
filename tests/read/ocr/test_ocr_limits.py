"""OCR within bounds: the reading's time limit holds between scanned pages, and a scan that is no
disclosure is refused after its first pages instead of after every page is recognised."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from yusuan.read import InputError, Limits, read_document
from yusuan.read.ocr import DEFAULT_SETTINGS

PAGES = 14
LINES = ["Harbour works quarterly report", "Tide gauge 3 readings 2025", "Crane inspection summary"]


def _scan(path: Path, pages: int) -> Path:
    """An image-only PDF of A4 pages at 100 dpi, each with a few lines of (non-budget) text."""
    images = []
    for number in range(pages):
        image = Image.new("L", (827, 1170), 255)
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(LINES):
            draw.text((80, 120 + 60 * index), f"{line} p{number + 1}", fill=0, font_size=28)
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=100.0, save_all=True, append_images=images[1:])
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.ocr
def test_a_scan_that_is_no_disclosure_is_refused_after_its_first_pages(tmp_path: Path) -> None:
    pdf = _scan(tmp_path / "harbour.pdf", PAGES)
    start = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_document(pdf)
    probe = DEFAULT_SETTINGS.probe_pages
    assert probe < PAGES
    assert (
        f"前 {probe} 页扫描页" in caught.value.problem and "not a budget disclosure" in caught.value.problem
    )
    assert time.monotonic() - start < 120


@pytest.mark.ocr
def test_ocr_stops_at_the_time_limit(tmp_path: Path) -> None:
    pdf = _scan(tmp_path / "slow.pdf", PAGES)
    limits = Limits(max_ocr_seconds=0.5)
    with pytest.raises(InputError) as caught:
        read_document(pdf, profile="shanghai", limits=limits)  # a profile given: no probe, only time
    assert "读取超时" in caught.value.problem
