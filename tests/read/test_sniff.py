"""Routing by content: DOCX and XLSX told apart by [Content_Types].xml or member names, HTML by
its start or its name; the text path unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from yusuan.read.errors import InputError
from yusuan.read.sniff import Format, sniff


def test_a_docx_named_xlsx_is_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "misnamed.xlsx"
    docx.Document().save(str(path))
    assert sniff(path)[0] is Format.DOCX


def test_an_xlsx_named_zip_is_an_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "book.zip"
    openpyxl.Workbook().save(path)
    assert sniff(path)[0] is Format.XLSX


@pytest.mark.parametrize(
    ("member", "expected"), [("word/document.xml", Format.DOCX), ("xl/workbook.xml", Format.XLSX)]
)
def test_member_names_without_content_types(tmp_path: Path, member: str, expected: Format) -> None:
    path = tmp_path / "bare.zip"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(member, "<x/>")
    assert sniff(path)[0] is expected


def test_opendocument_is_named(tmp_path: Path) -> None:
    path = tmp_path / "budget.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<x/>")
    with pytest.raises(InputError, match="OpenDocument"):
        sniff(path)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", "<!DOCTYPE html><p>预算</p>", Format.HTML),
        ("a.txt", "\ufeff  <html><body>预算</body></html>", Format.HTML),
        (
            "a.txt",
            '<?xml version="1.0"?>\n<!-- page --><html xmlns="http://www.w3.org/1999/xhtml"/>',
            Format.HTML,
        ),
        ("a.html", "<div>预算</div>", Format.HTML),
        ("a.txt", "<div>预算</div>", Format.TEXT),
        ("a.txt", "2025年预算收支总表\t341.11", Format.TEXT),
    ],
)
def test_html_or_text(tmp_path: Path, name: str, data: str, expected: Format) -> None:
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    assert sniff(path)[0] is expected
