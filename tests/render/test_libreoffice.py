"""DOCX and XLSX open and convert in LibreOffice headless without error."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from office import SOFFICE, convert_to_pdf


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (make system-packages as root)")
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_converts_to_pdf(fmt: str, rendered: dict[str, Path], tmp_path: Path) -> None:
    result = convert_to_pdf(rendered[fmt], tmp_path)
    out = tmp_path / "out"
    assert result.returncode == 0, result.stderr
    converted = out / "seed.pdf"
    assert converted.is_file(), result.stdout + result.stderr
    with pdfplumber.open(converted) as pdf:
        text = "".join("".join((page.extract_text() or "").split()) for page in pdf.pages)
        assert len(pdf.pages) >= 13
    for expected in ("2025年预算收支总表", "341.11", "194.21", "146.90", "注：本表无数据"):
        assert expected in text
