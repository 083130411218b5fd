"""The budget workbook (.xlsx, as `yusuan template` writes it) -> records, every cell addressed.

The file is checked as a zip archive before openpyxl opens it: a workbook is a few megabytes
of XML at most, so an archive that would inflate beyond that (a zip bomb) or is not a workbook
at all is refused with a clear message instead of exhausting memory or raising deep inside.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from yusuan.read.budget import layout as L
from yusuan.read.budget.values import Entry, Problems, Record, is_blank, text
from yusuan.read.errors import InputError
from yusuan.read.limits import one_line

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all members together, inflated
MAX_MEMBERS = 2000
MAX_RATIO = 200  # inflated / compressed, for members over 1 MB inflated
MAX_ROWS = 20000  # rows read per sheet
MAX_COLUMNS = 60  # columns read per row: a sheet may claim 16384 columns, padding every row with them


def check_archive(path: str, data: bytes) -> None:
    """Refuse what is not a workbook, or would inflate out of all proportion, before parsing it."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(path, f"文件过大（{len(data)} 字节）/ file too large ({len(data)} bytes)")
    if not data.startswith(b"PK\x03\x04"):
        raise InputError(
            path, "不是 Excel 工作簿（.xlsx 应为 zip 格式）/ not an .xlsx workbook (not a zip archive)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(
            path, "文件已损坏，不是有效的 zip/xlsx / corrupt archive, not a valid .xlsx"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise InputError(
            path, f"压缩包内文件过多（{len(members)}）/ too many archive members ({len(members)})"
        )
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            path,
            f"解压后大小 {total} 字节，超过上限：疑似压缩炸弹 / "
            f"would inflate to {total} bytes: refused (zip bomb?)",
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise InputError(
                path,
                f"{member.filename} 压缩比异常（{member.file_size}/{member.compress_size}）：疑似压缩炸弹 / "
                "abnormal compression ratio: refused (zip bomb?)",
            )
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise InputError(
            path, "zip 包中没有工作簿（可能是 Word 文档或其他压缩包）/ the archive holds no workbook"
        )


def read_workbook_records(path: str, data: bytes, problems: Problems) -> dict[str, list[Record]]:
    """Every sheet of the layout as records; problems with sheets and headers go to ``problems``."""
    check_archive(path, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, XML errors …) for a damaged file
        raise InputError(path, f"无法打开工作簿 / cannot open the workbook: {type(exc).__name__}") from None
    try:
        records: dict[str, list[Record]] = {}
        for sheet in L.SHEETS:
            if sheet.name not in book.sheetnames:
                if sheet in (L.FACTS, L.ITEMS):
                    problems.add(
                        sheet.name, f"缺少工作表“{sheet.name}”", f"the sheet {sheet.en!r} is missing"
                    )
                continue
            rows = book[sheet.name].iter_rows(
                min_row=1, max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True
            )
            if sheet.form is L.SheetForm.PAIRS:
                records[sheet.key] = [_pairs(sheet, rows, problems)]
            else:
                records[sheet.key] = _table(sheet, rows, problems)
        return records
    except InputError:
        raise
    except Exception as exc:  # read-only mode parses a sheet while it is iterated: damage shows here
        raise InputError(path, f"工作簿无法读取 / the workbook cannot be read: {one_line(exc)}") from None
    finally:
        book.close()


def _pairs(sheet: L.SheetSpec, rows: Any, problems: Problems) -> Record:
    """A pairs sheet: column A the key, column C the value."""
    record = Record(sheet.name)
    known = {f.key for f in sheet.fields}
    by_label = {f.zh: f.key for f in sheet.fields}
    for number, row in enumerate(rows, 1):
        if number == 1 or not row or all(is_blank(v) for v in row):
            continue
        key = text(Entry(row[0], "")) if len(row) > 0 else ""
        key = by_label.get(key, key)
        value = row[2] if len(row) > 2 else None
        where = f"{sheet.name}!C{number}"
        if key not in known:
            if not is_blank(value):
                problems.add(f"{sheet.name}!A{number}", f"未知字段“{key}”", f"unknown field {key!r}")
            continue
        record.entries[key] = Entry(value, where)
    return record


def _table(sheet: L.SheetSpec, rows: Any, problems: Problems) -> list[Record]:
    """A table sheet: row 1 names the fields (Chinese, then the key), data from row 2."""
    header = next(rows, None) or ()
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        label = text(Entry(cell, "")).splitlines()
        for f in sheet.fields:
            if label and (label[-1].strip() == f.key or label[0].strip() == f.zh):
                columns[index] = f.key
    for f in sheet.fields:
        if f.required and f.key not in columns.values():
            problems.add(f"{sheet.name}!1:1", f"表头缺少“{f.zh}”列", f"the header has no {f.key!r} column")
    records = []
    for number, row in enumerate(rows, 2):
        if number > MAX_ROWS:
            problems.add(
                sheet.name, f"超过 {MAX_ROWS} 行，其余未读", f"more than {MAX_ROWS} rows; the rest not read"
            )
            break
        record = Record(f"{sheet.name}!{number}:{number}")  # the whole row, as Excel writes it
        for index, key in columns.items():
            value = row[index] if index < len(row) else None
            record.entries[key] = Entry(value, f"{sheet.name}!{get_column_letter(index + 1)}{number}")
        if any(not is_blank(e.value) for e in record.entries.values()):
            records.append(record)
    return records
