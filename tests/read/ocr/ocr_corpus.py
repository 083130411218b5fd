"""Scans made from the corpus PDFs, and their golden cells scored against an OCR reading.

``make_scan`` rasterises a corpus PDF with poppler's pdftoppm (200 dpi, grey) and puts the
page images back into an image-only PDF with Pillow: a scan without a text layer, built at
test time so that no large binary is committed. ``score`` compares every golden cell with
the reading and says, for each one that differs, whether the reading listed it.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from yusuan.model import CellStatus, ReadProblem
from yusuan.read.pdf import PdfReading
from yusuan.read.pdf.tables import profile_tables
from yusuan.reference.profiles import load_profile

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.pdf"))
GOLDEN = ROOT / "tests" / "golden" / "corpus"


def make_scan(pdf: Path, dpi: int = 200, first: int | None = None, last: int | None = None) -> bytes:
    """An image-only PDF of ``pdf`` (pages ``first``..``last``, 1-based), rasterised at ``dpi``."""
    with tempfile.TemporaryDirectory() as folder:
        command = ["pdftoppm", "-r", str(dpi), "-gray", "-png"]
        if first is not None:
            command += ["-f", str(first)]
        if last is not None:
            command += ["-l", str(last)]
        subprocess.run([*command, str(pdf), f"{folder}/page"], check=True)
        images = [Image.open(path) for path in sorted(Path(folder).glob("page-*.png"))]
        buffer = io.BytesIO()
        images[0].save(buffer, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
        for image in images:
            image.close()
    return buffer.getvalue()


@dataclass
class Score:
    cells: int = 0
    exact: int = 0
    flagged: int = 0  # wrong, and listed by the reading
    unflagged: list[str] = field(default_factory=list)  # wrong, and not listed
    labels_listed: list[str] = field(default_factory=list)  # code or name differs, and listed
    labels_wrong: list[str] = field(default_factory=list)  # code or name differs, and not listed

    @property
    def exact_share(self) -> float:
        return self.exact / self.cells if self.cells else 0.0


def score(reading: PdfReading, golden: dict[str, Any], problems: list[ReadProblem]) -> Score:
    """Every golden cell against the reading's profile tables."""
    assert reading.profile is not None
    tables, table_problems = profile_tables(reading.tables, load_profile(reading.profile), reading.file)
    listed = {p.what.split(":")[0] for p in [*problems, *table_problems]}
    listed_rows = {
        (p.what.split()[1], p.source.page, p.source.bbox)
        for p in problems
        if p.source is not None and p.what.startswith("table ")
    }
    result = Score()
    for expected in golden["tables"]:
        table = tables.get(expected["id"])
        rows = table.rows if table is not None else []
        for index, want in enumerate(expected["rows"]):
            row = rows[index] if index < len(rows) else None
            if row is not None and (row.code, row.name) != (want["code"], want["name"]):
                text = f"{expected['id']} {want['code']} {want['name']} read {row.code} {row.name}"
                where = (expected["id"], row.source.page, row.source.bbox) if row.source else None
                (result.labels_listed if where in listed_rows else result.labels_wrong).append(text)
            for position, value in enumerate(want["cells"]):
                result.cells += 1
                cell = row.cells[position] if row is not None and position < len(row.cells) else None
                if cell is not None and cell.normalised == value:
                    result.exact += 1
                    continue
                key = expected["columns"][position]
                place = f"table {expected['id']} row {want['code'] or want['name']} column {key}"
                read_place = f"table {expected['id']} row {row.code or row.name} column {key}" if row else ""
                if cell is not None and (cell.status is CellStatus.UNREADABLE or read_place in listed):
                    result.flagged += 1
                else:
                    result.unflagged.append(
                        f"{place}: read {cell.text if cell else None!r}, golden {value!r}"
                    )
    return result


def with_scanned_page(source: Path, page: int) -> bytes:
    """``source`` with page ``page`` (1-based) replaced by a 200-dpi scan of itself (image only)."""
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    text = pdfium.PdfDocument(source)
    scan = pdfium.PdfDocument(make_scan(source, first=page, last=page))
    try:
        mixed.import_pages(text, list(range(page - 1)))
        mixed.import_pages(scan, [0])
        mixed.import_pages(text, list(range(page, len(text))))
        buffer = io.BytesIO()
        mixed.save(buffer)
    finally:
        for document in (mixed, text, scan):
            document.close()
    return buffer.getvalue()
