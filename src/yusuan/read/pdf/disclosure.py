"""A text PDF -> Disclosure: the grid tables laid onto the profile, the rest assembled from lines.

Tables come from the PDF's own ruled grids (``tables.profile_tables``); everything else
(document facts, narrative sections, glossary, procurement and asset statements,
performance sheets) is read from the same ``read.lines.Line`` list by the profile-driven
assembly shared with the other formats (``read.assemble``). Each table cell's ``Source``
names the file, page, line on the page and bounding box of its printed row.

Pages drawn as images without text (scans) are read by OCR (``read.ocr``): their cells carry
a confidence, and what a person should look at against the image (low confidence, unread
ink, code slips) is added as ReadProblems. With ``ocr=False`` each such page is a
ReadProblem instead, never dropped silently. The OCR seam is :func:`disclosure_from_pages`:
whoever reads those pages' images gives their lines (and the tables rebuilt from them)
together with the text layer's, and the same assembly runs on the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from yusuan.model import Cell, Disclosure, ReadProblem, ReadProblemKind, Row, Source, Table
from yusuan.read.assemble import assemble
from yusuan.read.assemble.spec import reading_spec
from yusuan.read.assemble.text import squeeze
from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Limits
from yusuan.read.lines import Line
from yusuan.read.pdf import PdfReading, RawTable, load_pdf_bytes, reading_of
from yusuan.read.pdf.fast import read_layouts
from yusuan.read.pdf.tables import profile_tables
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import Profile, load_profile

__all__ = ["disclosure_from_pages", "disclosure_from_reading", "merge_page_lines", "read_pdf_document"]

_Key = tuple[int | None, tuple[float, ...] | None]


def read_pdf_document(
    path: str | Path,
    data: bytes | None = None,
    profile: str | None = None,
    ocr: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Disclosure:
    """Read a PDF (text, scanned, or both) into a Disclosure; InputError when it cannot be read."""
    name = str(path)
    data = load_pdf_bytes(path, data, limits)
    layouts = list(read_layouts(name, data, limits))
    if not ocr or not any(layout.image_only for layout in layouts):
        return disclosure_from_reading(reading_of(name, layouts, profile))
    from yusuan.read.ocr import ocr_pages, ocr_problems  # numpy and ONNX only when a page is a scan

    reading = reading_of(
        name, list(ocr_pages(name, data, layouts, limits=limits, probe=profile is None)), profile
    )
    disclosure = disclosure_from_reading(reading)
    scanned = [layout.number for layout in reading.layouts if layout.ocr]
    if scanned:
        with_text = {line.source.page for line in reading.lines if not line.is_blank}
        disclosure.problems.extend(
            ReadProblem(
                ReadProblemKind.UNREADABLE,
                f"page {page}: 扫描页未识别出文字 / scanned page, OCR found no text",
                "",
                Source(reading.file, page),
            )
            for page in scanned
            if page not in with_text
        )
        disclosure.problems.extend(ocr_problems(reading))
    return disclosure


def disclosure_from_reading(reading: PdfReading) -> Disclosure:
    """The Disclosure printed in a PDF reading; its image-only pages are reported, not read."""
    assert reading.profile is not None  # read_pdf detects it or refuses the file
    return disclosure_from_pages(
        reading.file,
        reading.lines,
        reading.tables,
        reading.profile,
        reading.image_only_pages,
        confidence=reading.profile_confidence,
    )


def disclosure_from_pages(
    file: str,
    lines: Sequence[Line],
    tables: Sequence[RawTable],
    profile_id: str,
    unread_pages: Iterable[int] = (),
    *,
    confidence: float | None = None,
) -> Disclosure:
    """Assemble a Disclosure from a PDF's lines (reading order) and its stitched raw tables.

    ``unread_pages``: pages nothing was read from (images without text); each becomes an
    UNREADABLE ReadProblem. The OCR reader calls this with the text layer's lines and the
    lines of the pages it recognised merged in page order (:func:`merge_page_lines`), and
    with the raw tables of all pages, leaving out of ``unread_pages`` what it has read.
    """
    try:
        profile = load_profile(profile_id)
    except ReferenceError as exc:
        raise InputError(file, str(exc)) from None
    laid_out, problems = profile_tables(list(tables), profile, file)
    numbers = {_key(line.source): line.source.line for line in lines}
    laid_out = {key: _with_lines(table, lines, numbers, profile) for key, table in laid_out.items()}
    problems = [*_unread_page_problems(file, unread_pages), *problems]
    return assemble(list(lines), file, profile.id, tables=(laid_out, problems), confidence=confidence)


def merge_page_lines(text_lines: Sequence[Line], page_lines: Sequence[Line]) -> list[Line]:
    """The text layer's lines and lines read from page images, in page order.

    Lines of one page keep their order; the text layer's lines of a page come before the
    image lines of the same page (a page with both keeps its text first).
    """
    indexed = [(line.source.page or 0, 0, i, line) for i, line in enumerate(text_lines)]
    indexed += [(line.source.page or 0, 1, i, line) for i, line in enumerate(page_lines)]
    return [line for *_key, line in sorted(indexed, key=lambda item: item[:3])]


def _unread_page_problems(file: str, pages: Iterable[int]) -> list[ReadProblem]:
    return [
        ReadProblem(
            ReadProblemKind.UNREADABLE,
            f"page {page}: 图像页，无文字层，未读取 / image-only page, no text layer, not read",
            "",
            Source(file, page),
        )
        for page in sorted(set(pages))
    ]


def _key(source: Source | None) -> _Key:
    if source is None:
        return None, None
    box = source.bbox
    if box is None:
        return source.page, None
    return source.page, (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


def _with_lines(
    table: Table, lines: Sequence[Line], numbers: dict[_Key, int | None], profile: Profile
) -> Table:
    """The table with each row's and cell's Source naming its line on the page.

    A table row is printed as one grid line (same page, same box); ``profile_tables`` knows
    page and box, the lines know the line number (``numbers``: line number by page and box,
    built once per document). The blank cells a side-by-side row has
    in the other side's columns take the row's source; the table's source is its title line.
    The printed 编制单位 line keeps only the name when the profile's ``unit_name_line``
    finds one, as the other readers give it.
    """

    # The cells of a row share their row's Source object: each is located once (by identity;
    # the table holds them all while this runs).
    done: dict[int, Source] = {}

    def located(source: Source | None) -> Source | None:
        if source is None or source.line is not None:
            return source
        found = done.get(id(source))
        if found is None:
            # the constructor, not dataclasses.replace: the same fields, a fraction of the cost
            found = done[id(source)] = Source(
                source.file, source.page, numbers.get(_key(source)), source.bbox, source.locator
            )
        return found

    def row_of(row: Row) -> Row:
        # A cell without a source of its own (a side-by-side row's blank slots of the other side)
        # or with its row's (the usual case: shared) takes the row's located source, found once.
        # Each cell is built through Cell's constructor, not dataclasses.replace: this runs per cell.
        printed = row.source
        here = located(printed)
        return Row(
            name=row.name,
            cells=[
                Cell(
                    c.text,
                    c.amount,
                    c.status,
                    here if (own := c.source) is None or own is printed else located(own),
                    c.confidence,
                )
                for c in row.cells
            ],
            code=row.code,
            side=row.side,
            labels=dict(row.labels),
            source=here,
        )

    rows = [row_of(row) for row in table.rows]
    unit_name = table.unit_name
    pattern = reading_spec(profile).unit_name_line
    if unit_name and pattern is not None and (match := pattern.match(unit_name)):
        unit_name = match["name"].strip() or unit_name
    page = table.source.page if table.source is not None else None
    title = next(
        (ln.source for ln in lines if ln.source.page == page and squeeze(ln.text) == squeeze(table.title)),
        None,
    )
    where = title or (rows[0].source if rows else table.source)
    return replace(table, rows=rows, unit_name=unit_name, source=where)
