"""Visual regression: pages rendered to PNG and compared with approved images in tests/render/approved.

The seed's disclosure (Shanxi form) and the Shanghai example (Shanghai form) are rendered with
fixed faces (the Noto fallback) and a fixed cover date;
a few PDF pages (pdftoppm) and a few pages of the DOCX and XLSX as LibreOffice prints them are
drawn at 30 dpi in grey and compared pixel by pixel: a page may differ from its approved image
in at most TOLERANCE of its pixels (anti-aliasing and font hinting move a few). A moved table,
a lost column, a title on two lines or a page in the other orientation is far beyond that (the
metric is checked to tell two different pages apart).

After an intended change of layout, look at the new images and approve them:
``YUSUAN_APPROVE=1 pytest tests/render/test_visual.py`` rewrites the approved images.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from office import SOFFICE, convert_to_pdf
from PIL import Image, ImageChops

from yusuan.model import Disclosure
from yusuan.render.files import render_files
from yusuan.render.fonts import Fonts

APPROVED = Path(__file__).parent / "approved"
DPI = 30
TOLERANCE = 0.02  # share of pixels that may differ
INK = 64  # a pixel differs when its grey level moves by more than this
ISSUED = datetime.date(2026, 3, 5)
PDFTOPPM = shutil.which("pdftoppm")
APPROVING = os.environ.get("YUSUAN_APPROVE") == "1"

# page (1-based) of each format's print -> what it shows
PDF_PAGES = {1: "cover", 2: "contents", 7: "overview", 8: "income", 22: "chart", 28: "performance"}
OFFICE_PAGES = {
    "docx": {1: "cover", 2: "contents", 6: "overview", 26: "performance"},
    "xlsx": {1: "overview", 14: "narrative", 22: "performance", 24: "chart"},
}


def _pages(pdf: Path, pages: dict[int, str], folder: Path) -> dict[str, Image.Image]:
    assert PDFTOPPM is not None
    images = {}
    for number, name in pages.items():
        stem = folder / f"{pdf.stem}-{name}"
        page = str(number)
        subprocess.run(
            [
                PDFTOPPM,
                "-r",
                str(DPI),
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                page,
                "-l",
                page,
                str(pdf),
                str(stem),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        images[name] = Image.open(f"{stem}.png").convert("L")
    return images


def differing(a: Image.Image, b: Image.Image) -> float:
    """The share of pixels whose grey level differs by more than INK (1.0 for other page sizes)."""
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a, b).point(lambda level: 255 if level > INK else 0)
    histogram = diff.histogram()
    return histogram[255] / (a.size[0] * a.size[1])


def _compare(fmt: str, images: dict[str, Image.Image]) -> None:
    APPROVED.mkdir(exist_ok=True)
    failures = []
    for name, image in images.items():
        approved = APPROVED / f"{fmt}-{name}.png"
        if APPROVING or not approved.is_file():
            image.save(approved, optimize=True)
            continue
        share = differing(image, Image.open(approved).convert("L"))
        if share > TOLERANCE:
            failures.append(f"{fmt} {name}: {share:.1%} of the pixels differ from {approved.name}")
    assert not failures, "; ".join(failures)


@pytest.fixture(scope="module")
def fixed(disclosure: Disclosure, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("visual")
    paths = render_files(disclosure, folder, "seed", ["pdf", "docx", "xlsx"], fonts=Fonts(), issued=ISSUED)
    return {path.suffix[1:]: path for path in paths}


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) not installed")
def test_pdf_pages_look_as_approved(fixed: dict[str, Path], tmp_path: Path) -> None:
    images = _pages(fixed["pdf"], PDF_PAGES, tmp_path)
    assert images["overview"].size[0] < images["overview"].size[1]  # the 收支总表 fits a portrait page
    assert images["income"].size[0] > images["income"].size[1]  # the wide 收入总表 is landscape
    _compare("pdf", images)


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) not installed")
def test_the_measure_tells_pages_apart(fixed: dict[str, Path], tmp_path: Path) -> None:
    """Two different pages (the 目录, a table) differ far beyond the tolerance; a page equals itself."""
    images = _pages(fixed["pdf"], {2: "contents", 7: "overview"}, tmp_path)
    assert differing(images["contents"], images["contents"]) == 0
    assert differing(images["contents"], images["overview"]) > 5 * TOLERANCE
    shifted = ImageChops.offset(images["overview"], 0, 6)  # the table 6 px (5 mm) lower
    assert differing(images["overview"], shifted) > TOLERANCE


@pytest.mark.skipif(SOFFICE is None or PDFTOPPM is None, reason="LibreOffice or pdftoppm not installed")
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_office_pages_look_as_approved(fmt: str, fixed: dict[str, Path], tmp_path: Path) -> None:
    assert convert_to_pdf(fixed[fmt], tmp_path).returncode == 0
    out = tmp_path / "out"
    _compare(fmt, _pages(out / "seed.pdf", OFFICE_PAGES[fmt], tmp_path))


# The Shanghai form (data/templates/shanghai/form.yaml): the fictional unit of examples/, in 元 with the
# 三公 table in 万元; page -> what it shows.
SHANGHAI_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shanghai-2025-unit-budget.yaml"
SHANGHAI_PAGES = {1: "cover", 2: "contents", 8: "overview", 16: "three-public"}


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) not installed")
def test_shanghai_pdf_pages_look_as_approved(tmp_path: Path) -> None:
    from yusuan import api

    disclosure = api.derive(SHANGHAI_EXAMPLE)
    (pdf,) = render_files(disclosure, tmp_path, "shanghai", ["pdf"], fonts=Fonts(), issued=ISSUED)
    images = _pages(pdf, SHANGHAI_PAGES, tmp_path)
    assert images["overview"].size[0] > images["overview"].size[1]  # the wide 财务收支预算总表 is landscape
    _compare("shanghai-pdf", images)
