"""Reader for Excel workbooks (XLSX): every visible worksheet, in tab order, as Lines.

openpyxl's normal mode, not read-only: read-only mode does not load merged ranges, and a
merged header is how these tables are laid out. Its memory is bounded because the package
was checked (read.limits) before loading: sizes declared in the central directory, ratio,
no DTD. ``data_only``: a formula cell gives the value the workbook last calculated.
One sheet may hold one table or several, and a table's title and notes are rows like any
other: the assembly finds them.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from yusuan.model import Disclosure, ReadProblem, ReadProblemKind, Source
from yusuan.read.assemble import assemble
from yusuan.read.document_title import facts_from_title
from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Budget, Deadline, Limits
from yusuan.read.lines import Line
from yusuan.read.xlsx.numbers import shown_number
from yusuan.read.xlsx.sheets import sheet_lines, sheet_reference

__all__ = ["count_cells", "read_xlsx", "shown_number", "workbook_lines"]


_CHUNK = 1024 * 1024
_CELL_TAGS = (b"<c ", b"<c>")


def count_cells(path: str, data: bytes, limits: Limits) -> int:
    """The <c> elements of every worksheet, counted in the XML before openpyxl builds them.

    openpyxl's normal mode holds an object per cell (a few hundred bytes each): refusing a
    workbook with more cells than the limit bounds its memory before it is loaded.
    """
    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for member in package.infolist():
            if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
                continue
            tail = b""
            with package.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    window = tail + chunk
                    count += sum(window.count(tag) for tag in _CELL_TAGS)
                    tail = window[-2:]  # a tag cut by the chunk boundary is whole in the next window
            if count > limits.max_cells:
                raise InputError(
                    path,
                    f"单元格过多（上限 {limits.max_cells}）/ too many cells (limit {limits.max_cells})",
                )
    return count


def workbook_lines(
    path: str, data: bytes, limits: Limits
) -> tuple[list[Line], list[ReadProblem], str | None]:
    """The Lines of every visible worksheet, a problem for each sheet left unread, the title property."""
    deadline = Deadline(path, limits)
    count_cells(path, data, limits)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        SyntaxError,
        IndexError,
    ) as exc:
        # openpyxl raises these (lxml's XMLSyntaxError is a SyntaxError) for broken workbooks
        raise InputError(path, f"无法打开 Excel 文件 / cannot open the workbook: {exc}") from None
    deadline.check()
    budget = Budget(path, limits)
    lines: list[Line] = []
    problems: list[ReadProblem] = []
    for page, name in enumerate(book.sheetnames, start=1):  # every tab, charts included, for the numbering
        sheet = book[name]
        where = Source(file=path, page=page, locator=sheet_reference(sheet.title))
        if not isinstance(sheet, Worksheet):
            problems.append(
                ReadProblem(
                    ReadProblemKind.UNRECOGNISED,
                    "sheet: 图表页，未读取 / chart sheet, not read",
                    sheet.title,
                    where,
                )
            )
            continue
        if sheet.sheet_state != "visible":
            problems.append(
                ReadProblem(
                    ReadProblemKind.UNRECOGNISED,
                    "sheet: 隐藏的工作表，未读取 / hidden sheet, not read",
                    sheet.title,
                    where,
                )
            )
            continue
        lines.extend(sheet_lines(path, page, sheet, budget, deadline))
    title = book.properties.title if book.properties is not None else None
    book.close()
    return lines, problems, title


def read_xlsx(
    path: str, data: bytes, profile: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Disclosure:
    """Read the XLSX ``data`` (already checked by read.sniff against ``limits``) into a Disclosure."""
    lines, problems, title = workbook_lines(path, data, limits)
    disclosure = assemble(lines, path, profile=profile)
    disclosure.problems.extend(problems)
    facts_from_title(disclosure, title, Source(file=path, locator="docProps/core.xml: title"))
    return disclosure
