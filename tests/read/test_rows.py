"""yusuan.read.rows: a CSV in UTF-8, GBK or UTF-16, or an XLSX first sheet, under the reader limits."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from yusuan.read.errors import InputError
from yusuan.read.limits import Limits
from yusuan.read.rows import decode_text, read_rows

TEXT = "预算项目,品目,金额\n信息化建设,A02010103,2000000\n"
ROWS = [["预算项目", "品目", "金额"], ["信息化建设", "A02010103", "2000000"]]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_csv_encodings_are_told_from_the_bytes(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(TEXT.encode(encoding))
    assert read_rows(path) == ROWS


def test_undecodable_bytes_are_one_error() -> None:
    with pytest.raises(InputError, match="编码"):
        decode_text("x.csv", b"abc\x81\x30\x81")  # neither UTF-8 nor a whole GB18030 sequence


def test_xlsx_first_sheet_keeps_cell_types(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["金额", "日期"])
    sheet.append([-5, dt.datetime(2023, 4, 1)])
    workbook.save(path)
    assert read_rows(path) == [["金额", "日期"], [-5, dt.datetime(2023, 4, 1)]]


def test_rows_and_columns_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(TEXT + "甲,A,1\n" * 20, encoding="utf-8")
    with pytest.raises(InputError, match="行数过多"):
        read_rows(path, Limits(max_rows=10))
    with pytest.raises(InputError, match="列数过多"):
        read_rows(path, Limits(max_columns=2))
    with pytest.raises(InputError, match="过大"):
        read_rows(path, Limits(max_file_bytes=10))
    book = tmp_path / "p.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for _ in range(20):
        sheet.append([1, 2, 3])
    workbook.save(book)
    with pytest.raises(InputError, match="行数过多"):
        read_rows(book, Limits(max_rows=10))


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * (3 * 1024 * 1024) + "</a>")
    with pytest.raises(InputError, match="压缩"):
        read_rows(bomb)


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [("x", "f.pdf", "CSV"), ("not a workbook", "g.xlsx", "ZIP"), ('a,"b\n', "h.csv", None)],
)
def test_bad_files_are_one_error(tmp_path: Path, content: str, name: str, fragment: str | None) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    if fragment is None:  # an unclosed quote is read as data by the csv module: no crash either way
        assert read_rows(path)
        return
    with pytest.raises(InputError, match=fragment):
        read_rows(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        read_rows(tmp_path / "none.csv")
