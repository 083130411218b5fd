"""Reader for Excel workbooks (XLSX): every visible worksheet, in tab order, as Lines.

openpyxl's normal mode, not read-only: read-only mode does not load merged ranges, and a
merged header is how these tables are laid out. Its memory is bounded because the package
was checked (read.limits) before loading: sizes declared in the central directory, ratio,
no DTD. ``data_only``: a formula cell gives the value the workbook last calculated.
One sheet may hold one table or several, and a table's title and notes are rows like any
other: the assembly finds them.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
import zipfile
import zlib

import openpyxl
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from yusuan.model import Disclosure, ReadProblem, ReadProblemKind, Source
from yusuan.read.assemble import assemble
from yusuan.read.document_title import facts_from_title
from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Deadline, Limits, SizeTally, one_line
from yusuan.read.lines import Line
from yusuan.read.xlsx.numbers import shown_number
from yusuan.read.xlsx.sheets import sheet_lines, sheet_reference

__all__ = ["count_cells", "read_xlsx", "shown_number", "workbook_lines"]


# each becomes an object in openpyxl: <c …>, <c/> and <row>, <col> in any namespace prefix
_OBJECT_TAG = re.compile(rb"<(?:\w+:)?(?:c|row|col)[\s/>]")
_MERGE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=[\"']\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"
)


def _merged_area(xml: bytes) -> int:
    """The cells covered by the sheet's merged ranges (openpyxl creates an object for each)."""
    area = 0
    for first_col, first_row, last_col, last_row in _MERGE.findall(xml):
        columns = column_index_from_string(last_col.decode().upper()) - column_index_from_string(
            first_col.decode().upper()
        )
        area += (abs(columns) + 1) * (abs(int(last_row) - int(first_row)) + 1)
    return area


def count_cells(path: str, data: bytes, limits: Limits) -> int:
    """The cells openpyxl would build, counted in the worksheet XML before it builds them.

    openpyxl's normal mode holds an object per cell (a few hundred bytes each): one per <c>
    element and one per cell of a merged range (a single ``A1:XFD1048576`` would be 17 billion);
    rows and column groups (<row>, <col>) are counted with them, as they may be objects too.
    Refusing a workbook over the limit bounds its memory and time before it is loaded; the
    parts were already bounded in size by read.limits.check_zip.
    """
    count = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            # every part, wherever it is stored: a worksheet may be named anything by the rels
            for member in package.infolist():
                xml = package.read(member)
                count += _merged_area(xml)
                for _ in _OBJECT_TAG.finditer(xml):
                    count += 1
                    if count > limits.max_cells:
                        break
                if count > limits.max_cells:
                    raise InputError(
                        path,
                        f"单元格过多（上限 {limits.max_cells}）/ too many cells (limit {limits.max_cells})",
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise InputError(path, f"ZIP 包损坏 / damaged ZIP package: {one_line(exc)}") from None
    return count


def workbook_lines(
    path: str, data: bytes, limits: Limits
) -> tuple[list[Line], list[ReadProblem], str | None]:
    """The Lines of every visible worksheet, a problem for each sheet left unread, the title property."""
    deadline = Deadline(path, limits)
    count_cells(path, data, limits)
    try:
        # openpyxl warns about parts it skips, and prints to stdout on bad style indices: the
        # reader's output is its own (the JSON on stdout stays clean)
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:
        # A damaged workbook can fail anywhere in openpyxl (seen in fuzzing: KeyError, ValueError,
        # OverflowError, LookupError for a bogus encoding, lxml syntax errors): one line, no traceback.
        raise InputError(path, f"无法打开 Excel 文件 / cannot open the workbook: {one_line(exc)}") from None
    deadline.check()
    tally = SizeTally(path, limits)
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
        try:
            found, hidden = sheet_lines(path, page, sheet, tally, deadline)
        except InputError:
            raise
        except Exception as exc:  # a damaged style or value fails only when the cell is read
            problem = f"工作表“{sheet.title}”无法读取 / sheet {sheet.title!r} cannot be read: {one_line(exc)}"
            raise InputError(path, problem) from None
        lines.extend(found)
        problems.extend(hidden)
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
