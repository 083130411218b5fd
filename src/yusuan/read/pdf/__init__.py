"""Text PDFs -> lines in reading order and the tables they print, exactly and fast.

``read_pdf`` reads a PDF with the fast extractor (pypdfium2 glyph boxes and path
rulings, our own lattice and line clustering); ``backend="baseline"`` reads it with
pdfplumber instead, the correctness baseline the fast path is tested against on the corpus.

What a ``PdfReading`` holds:

- ``lines``: ``read.lines.Line`` in reading order, page by page, top to bottom. A line of
  running text is one cell, split into several only at a gap wider than two line heights
  ("编制单位：…" | "单位：元"). A row of a ruled table has one cell per grid column, split
  类/款/项 code columns included; slots covered by a merged cell and empty cells are "".
  ``Source``: file, page (1-based), line (1-based within the page), bbox (x0, top, x1,
  bottom in points, origin top-left of the page as displayed).
- ``tables``: one ``RawTable`` per printed table, stitched across pages: title, the
  "编制单位" and "单位" lines above it, header rows, body rows with their page, notes.
  ``read.pdf.tables.to_table`` lays one onto a profile's column keys.
- ``profile``: the profile detected from the titles (or the one given).
- ``image_only_pages``: pages drawn as images without text (scans), which nothing read;
  ``read.ocr.read_pdf_ocr`` reads them by OCR into the same layouts (``PageLayout.ocr``), and
  ``reading_of`` turns any list of page layouts into a reading.

Refused with ``InputError`` (one line, Chinese first): not a PDF, encrypted, corrupt,
no pages, no text layer at all, not a disclosure (no profile's titles), and anything over
``Limits`` (bytes, pages, glyphs, path segments or rulings per page).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Limits
from yusuan.read.lines import Line
from yusuan.read.pdf.fast import open_document, read_layouts
from yusuan.read.pdf.layout import PageLayout
from yusuan.read.pdf.rawtable import RawRow, RawTable
from yusuan.read.pdf.reading import layout_lines
from yusuan.read.pdf.stitch import stitch_tables
from yusuan.reference.profiles import detect_profile

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "PdfReading",
    "RawRow",
    "RawTable",
    "load_pdf_bytes",
    "read_pdf",
    "reading_of",
]

BACKENDS = ("fast", "baseline")


@dataclass(slots=True)
class PdfReading:
    file: str
    page_count: int
    layouts: list[PageLayout]
    lines: list[Line]
    tables: list[RawTable]
    profile: str | None  # detected (or given) profile id
    profile_confidence: float | None = None  # the profile was guessed from table titles: how sure

    @property
    def image_only_pages(self) -> list[int]:
        """Pages drawn as images without text (scans): nothing was read from them."""
        return [layout.number for layout in self.layouts if layout.image_only]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _layouts(name: str, data: bytes, backend: str, limits: Limits) -> Iterator[PageLayout]:
    if backend == "fast":
        return read_layouts(name, data, limits)
    if backend == "baseline":
        from yusuan.read.pdf.baseline import read_layouts_baseline  # pdfplumber: slow to import

        open_document(name, data, limits).close()  # the same refusals as the fast path
        return read_layouts_baseline(name, data, limits)
    raise ValueError(f"unknown PDF backend {backend!r}; use one of {BACKENDS}")


def read_pdf(
    path: str | Path,
    data: bytes | None = None,
    *,
    profile: str | None = None,
    backend: str = "fast",
    limits: Limits = DEFAULT_LIMITS,
) -> PdfReading:
    """Read a text PDF; InputError when it cannot be read or is not a budget disclosure.

    ``profile`` names the template when known; otherwise it is detected from the titles,
    and a PDF no profile recognises is refused as "not a disclosure".
    """
    name = str(path)
    data = load_pdf_bytes(path, data, limits)
    return reading_of(name, list(_layouts(name, data, backend, limits)), profile)


def load_pdf_bytes(path: str | Path, data: bytes | None, limits: Limits) -> bytes:
    """The PDF's bytes (read from ``path`` unless given), refused when too large or not a PDF."""
    name = str(path)
    if data is None:
        try:
            size = Path(path).stat().st_size
            if size > limits.max_file_bytes:
                raise InputError(name, f"文件过大（{size} 字节）/ file too large ({size} bytes)")
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(name, f"无法读取 / cannot read: {exc.strerror}") from None
    if len(data) > limits.max_file_bytes:
        raise InputError(
            name,
            f"文件过大（{len(data)} 字节）/ file too large ({len(data)} bytes > {limits.max_file_bytes})",
        )
    if not data.startswith(b"%PDF"):
        raise InputError(name, "不是 PDF 文件 / not a PDF file")
    return data


def reading_of(name: str, layouts: list[PageLayout], profile: str | None) -> PdfReading:
    """Page layouts -> the reading: lines, stitched tables, profile (given or detected).

    The layouts come from the fast path, the baseline, or read.ocr for scanned pages.
    """
    if not any(layout.glyph_count for layout in layouts):
        raise InputError(
            name, "PDF 没有文字层（可能是扫描件），暂不能识别 / the PDF has no text layer (a scan?)"
        )
    lines = layout_lines(name, layouts)
    reading = PdfReading(name, len(layouts), layouts, lines, stitch_tables(layouts), profile)
    if profile is None:
        found = detect_profile(reading.text)
        if found is None:
            from yusuan.reference.template_guess import guess_template  # only when no template matched

            guess = guess_template(reading.text.splitlines())
            if guess.profile is None and not guess.titles:
                raise InputError(
                    name,
                    "未识别为预算公开文件（没有找到任何模板的表名）/ "
                    "not a budget disclosure: no known template's table titles found",
                    diagnosis={"file": name, **guess.diagnosis()},
                )
            if guess.profile is None:
                raise InputError(name, guess.describe(), diagnosis={"file": name, **guess.diagnosis()})
            found, reading.profile_confidence = guess.profile, guess.confidence
        reading.profile = found.id
    return reading
