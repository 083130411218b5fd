"""render_files writes each asked format once; an unknown format is refused before anything is written."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from yusuan.model import Disclosure
from yusuan.render.files import UnknownFormatError, render_bytes, render_files


def test_writes_the_asked_formats(disclosure: Disclosure, tmp_path: Path) -> None:
    paths = render_files(disclosure, tmp_path / "out", "unit", ["html", "xlsx"])
    assert [p.name for p in paths] == ["unit.html", "unit.xlsx"]
    assert paths[1].read_bytes()[:2] == b"PK"
    assert render_bytes(disclosure, "html") == paths[0].read_bytes()


def test_unknown_format_is_refused(disclosure: Disclosure, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="odt"):
        render_files(disclosure, tmp_path / "out", "unit", ["html", "odt"])
    assert not (tmp_path / "out").exists()
    with pytest.raises(UnknownFormatError, match="odt"):
        render_bytes(disclosure, "odt")


def test_draft_marks_docx_and_xlsx(disclosure: Disclosure, tmp_path: Path) -> None:
    paths = {p.suffix: p for p in render_files(disclosure, tmp_path, "draft", ["docx", "xlsx"], draft=True)}
    document = docx.Document(str(paths[".docx"]))
    assert document.sections[0].header.paragraphs[0].text == "草稿"
    assert [p.text for p in document.paragraphs[:2]] == ["草稿", "朔州市朔城区数字政府服务中心"]  # the cover
    sheet = openpyxl.load_workbook(paths[".xlsx"])["预算公开表1"]
    assert sheet["A2"].value == "草稿 2025年预算收支总表"
    assert "草稿" in sheet.oddHeader.center.text
    clean = render_files(disclosure, tmp_path / "clean", "clean", ["docx"])[0]
    assert docx.Document(str(clean)).sections[0].header.paragraphs[0].text == ""
