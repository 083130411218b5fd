"""The rows of a plain table file: a CSV (UTF-8, GBK/GB18030 or UTF-16, told from its bytes) or the
first sheet of an XLSX workbook, under the same limits as every other reader (read.limits).

Used for lists a user hands in beside the disclosures, such as a year's purchases for the
procurement splitting check (docs/procurement.md). Bad input raises InputError: one line naming
the file and the problem.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Deadline, Limits, SizeTally, one_line
from yusuan.read.sniff import Format, sniff

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or NULs between ASCII) or GB18030 (a superset of GBK)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(name, data, encoding)
    head = data[:2048]
    if head and head.count(b"\x00") * 8 >= len(head):  # UTF-16 without a BOM: ASCII leaves NULs
        odd, even = head[1::2].count(b"\x00"), head[0::2].count(b"\x00")
        return _decode(name, data, "utf-16-le" if odd >= even else "utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(name, data, "gb18030")


def _decode(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            name,
            "无法识别文本编码（UTF-8、GBK、UTF-16 均不符）/ unknown text encoding (not UTF-8, GBK or UTF-16)",
        ) from None


def read_rows(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> list[list[Any]]:
    """Every row of the file, cells as the file holds them (text for CSV; numbers, dates for XLSX)."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _xlsx_rows(path, limits)
    if suffix not in CSV_SUFFIXES:
        raise InputError(name, f"只支持 CSV 或 XLSX / only CSV or XLSX: {suffix or '无扩展名 / no suffix'}")
    if not path.is_file():
        raise InputError(name, "文件不存在 / file not found")
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(name, f"文件过大（{size} 字节）/ file too large ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"无法读取 / cannot read: {exc.strerror or exc}") from None
    text = decode_text(name, data)
    tally = SizeTally(name, limits)
    rows: list[list[Any]] = []
    delimiter = "\t" if suffix == ".tsv" else ","
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            tally.columns(len(row))
            tally.add(1, len(row))
            rows.append(list(row))
    except csv.Error as exc:
        raise InputError(name, f"CSV 格式错误 / malformed CSV: {exc}") from None
    return rows


def _xlsx_rows(path: Path, limits: Limits) -> list[list[Any]]:
    name = str(path)
    kind, data = sniff(path, limits)  # size, zip members, compression ratio, XML DTDs
    if kind is not Format.XLSX:
        raise InputError(name, "不是 XLSX 工作簿 / not an XLSX workbook")
    import openpyxl

    deadline = Deadline(name, limits)
    tally = SizeTally(name, limits)
    rows: list[list[Any]] = []
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for row in sheet.iter_rows(values_only=True):
                tally.columns(len(row))
                tally.add(1, len(row))
                deadline.check()
                rows.append(list(row))
        finally:
            workbook.close()
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many unrelated types for a broken workbook
        raise InputError(name, f"不是可读的 XLSX / not a readable workbook: {one_line(exc)}") from None
    return rows
